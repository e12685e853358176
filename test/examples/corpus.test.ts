// The labelled corpora of issue #10 (test/corpus/*.jsonl): well-formed modsec-peer input, unique ids,
// categories from the agreed lists, enough lines per attack category, benign at least as large as attack
// and covering every hard case, and reproducible by test/corpus/generate.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { generate } from "../corpus/generate.ts";

const ATTACK_CATEGORIES = ["sqli", "xss", "cmdi", "lfi", "rfi", "ssrf", "xxe", "nosqli", "ssti", "jndi", "crlf", "php", "java", "protocol", "scanner"];
const BENIGN_CATEGORIES = ["api-json", "rest-verbs", "graphql", "webhook", "upload", "form", "search", "markdown", "code", "i18n", "names", "auth", "cookies", "static", "browse", "xml", "richtext"];

interface Line { id: string; label: string; category: string; method: string; uri: string; headers: [string, string][]; body?: string; http_version?: string }
const read = (name: string) => readFileSync(`test/corpus/${name}`, "utf8");
function parse(text: string, file: string): Line[] {
  assert.ok(text.endsWith("\n"), `${file} ends with a newline`);
  return text.slice(0, -1).split("\n").map((l, i) => {
    let o: Line;
    try { o = JSON.parse(l); } catch (e) { throw new Error(`${file}:${i + 1}: not JSON: ${(e as Error).message}`); }
    assert.equal(typeof o.id, "string", `${file}:${i + 1} id`);
    assert.equal(typeof o.method, "string", `${o.id} method`);
    assert.match(o.method, /^[A-Z]+$/, `${o.id} method`);
    assert.equal(typeof o.uri, "string", `${o.id} uri`);
    assert.ok(o.uri.length > 0, `${o.id} uri`);
    assert.ok(Array.isArray(o.headers) && o.headers.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === "string" && typeof h[1] === "string"), `${o.id} headers`);
    assert.ok(o.headers.some(([n]) => n === "Host"), `${o.id} has a Host header`);
    assert.ok(o.body === undefined || typeof o.body === "string", `${o.id} body`);
    return o;
  });
}
const attack = parse(read("attack.jsonl"), "attack.jsonl");
const benign = parse(read("benign.jsonl"), "benign.jsonl");

test("corpus: ids are unique and follow a-<category>-NNN / b-<category>-NNN", () => {
  const ids = new Set<string>();
  for (const o of [...attack, ...benign]) { assert.ok(!ids.has(o.id), `duplicate id ${o.id}`); ids.add(o.id); }
  for (const o of attack) assert.equal(o.id.replace(/-\d{3}$/, ""), `a-${o.category}`, o.id);
  for (const o of benign) assert.equal(o.id.replace(/-\d{3}$/, ""), `b-${o.category}`, o.id);
});

test("corpus: labels and categories come from the lists", () => {
  for (const o of attack) { assert.equal(o.label, "attack", o.id); assert.ok(ATTACK_CATEGORIES.includes(o.category), `${o.id}: ${o.category}`); }
  for (const o of benign) { assert.equal(o.label, "benign", o.id); assert.ok(BENIGN_CATEGORIES.includes(o.category), `${o.id}: ${o.category}`); }
});

test("corpus: every attack category has >= 40 lines, >= 700 in total", () => {
  for (const c of ATTACK_CATEGORIES) {
    const n = attack.filter((o) => o.category === c).length;
    assert.ok(n >= 40, `${c}: ${n} lines`);
  }
  assert.ok(attack.length >= 700, `attack lines: ${attack.length}`);
});

test("corpus: benign is at least as large as attack and has every hard-case category", () => {
  assert.ok(benign.length >= attack.length, `benign ${benign.length} < attack ${attack.length}`);
  for (const c of BENIGN_CATEGORIES) assert.ok(benign.filter((o) => o.category === c).length >= 20, `benign category ${c}`);
  const has = (pred: (o: Line) => boolean, what: string) => assert.ok(benign.some(pred), `benign has ${what}`);
  const hdr = (o: Line, n: string) => o.headers.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v).join("\n");
  for (const m of ["PUT", "PATCH", "DELETE"]) has((o) => o.method === m, m);
  has((o) => /^Bearer eyJ/.test(hdr(o, "authorization")), "a bearer JWT");
  has((o) => /=eyJ/.test(hdr(o, "cookie")), "a JWT / base64 JSON cookie");
  has((o) => hdr(o, "content-type").startsWith("application/json") && (o.body ?? "").startsWith("{"), "a JSON body");
  has((o) => (o.body ?? "").includes("\"query\"") && o.uri.startsWith("/graphql"), "GraphQL");
  has((o) => hdr(o, "x-github-event") !== "" || hdr(o, "stripe-signature") !== "", "a GitHub/Stripe webhook");
  has((o) => hdr(o, "content-type").startsWith("multipart/form-data"), "a multipart upload");
  has((o) => (o.body ?? "").includes("```"), "Markdown with a code fence");
  has((o) => /SELECT .* FROM/.test(o.body ?? ""), "SQL in a text field");
  has((o) => /[\u3040-\u30ff]/.test(o.body ?? "") || /%E3%8[0-3]/i.test(o.uri), "Japanese text");
  has((o) => /[\u0600-\u06ff]/.test(o.body ?? "") || /%D8%/i.test(o.uri), "Arabic text");
  has((o) => /O'Brien|O%27Brien|O%27+Brien/.test((o.body ?? "") + o.uri), "the name O'Brien");
  has((o) => /D'Angelo|D%27Angelo/.test((o.body ?? "") + o.uri), "the name D'Angelo");
  has((o) => o.uri.includes("rock%20%26%20roll%20--%20best%20of%20the%2070%27s"), "the search \"rock & roll -- best of the 70's\"");
  has((o) => /=https%3A%2F%2F/.test(o.uri), "a URL in a parameter");
  has((o) => /xml/.test(hdr(o, "content-type")) && (o.body ?? "").startsWith("<?xml"), "an XML body");
  has((o) => /<p>.*<a href="https:/.test(o.body ?? ""), "HTML from a rich-text editor");
});

test("corpus: test/corpus/generate.ts reproduces the committed files", () => {
  const g = generate();
  assert.ok(g.attack === read("attack.jsonl"), "attack.jsonl differs from the generator output (run: node --import tsx test/corpus/generate.ts)");
  assert.ok(g.benign === read("benign.jsonl"), "benign.jsonl differs from the generator output (run: node --import tsx test/corpus/generate.ts)");
});
