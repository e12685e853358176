// Transformations and body processors through build/harness/waf.wasm: a few end-to-end checks,
// then fast-check fuzzing (random bytes never trap, outputs stay bounded).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { loadWaf, type BodyKind } from "../../src/harness/waf.ts";

const waf = await loadWaf();
const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

const NAMES = ["none", "lowercase", "uppercase", "urlDecode", "urlDecodeUni", "htmlEntityDecode", "jsDecode", "cssDecode",
  "cmdLine", "compressWhitespace", "removeWhitespace", "removeNulls", "replaceNulls", "replaceComments", "removeComments",
  "removeCommentsChar", "normalisePath", "normalisePathWin", "base64Decode", "base64DecodeExt", "base64Encode", "hexDecode",
  "hexEncode", "utf8toUnicode", "escapeSeqDecode", "sqlHexDecode", "length", "md5", "sha1", "trim", "trimLeft", "trimRight",
  "urlEncode", "parityEven7bit", "parityOdd7bit", "parityZero7bit"];

// Output size bound per transformation, as a function of the input length.
function bound(name: string, n: number): number {
  switch (name) {
    case "utf8toUnicode": return 5 * n + 8;
    case "urlEncode": return 3 * n;
    case "hexEncode": return 2 * n;
    case "base64Encode": return 4 * Math.ceil(n / 3);
    case "removeComments": case "replaceComments": return n + 1;
    case "length": return 11;
    case "md5": return 16;
    case "sha1": return 20;
    default: return n;
  }
}

test("every CRS transformation name resolves, case-insensitively", () => {
  for (const n of NAMES) assert.ok(waf.transformId(n) >= 0, n);
  assert.equal(waf.transformId("normalizePath"), waf.transformId("normalisePath"));
  assert.equal(waf.transformId("BASE64DECODE"), waf.transformId("base64Decode"));
  assert.equal(waf.transformId("nope"), -1);
});

test("transformations through the harness", () => {
  assert.equal(latin1(waf.transform("urlDecodeUni", "%uff1cscript%3e").out), "<script>");
  assert.equal(latin1(waf.transform("htmlEntityDecode", "&lt;a&#x20;&#65;").out), "<a A");
  assert.equal(Buffer.from(waf.transform("sha1", "abc").out).toString("hex"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  assert.equal(latin1(waf.transform("cmdLine", "C^OMMAND /C DIR").out), "command/c dir");
  assert.deepEqual(waf.transform("lowercase", "abc").changed, false);
});

test("body processors through the harness", () => {
  assert.deepEqual(waf.body("json", '{"a":[1,"x"]}').events, [["A", "json.a.0", "1"], ["A", "json.a.1", "x"], ["A", "json.a", "2"]]);
  assert.deepEqual(waf.body("json", '{"a":[1]}', { jsonModsecNames: true }).events, [["A", "json.a.array_0", "1"]]);
  assert.equal(waf.body("json", '{"a":').error, "JSON: unexpected end of input");
  assert.deepEqual(waf.body("urlencoded", "a=1&b=%41").events, [["A", "a", "1"], ["A", "b", "A"]]);
  const mp = waf.body("multipart", '--X\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhi\r\n--X--\r\n',
    { contentType: "multipart/form-data; boundary=X" });
  assert.equal(mp.error, null);
  assert.deepEqual(mp.events.find((e) => e[0] === "F"), ["F", "f", "a.txt", "2", "hi"]);
  assert.deepEqual(mp.events.find((e) => e[1] === "MULTIPART_STRICT_ERROR"), ["G", "MULTIPART_STRICT_ERROR", "0"]);
  const x = waf.body("xml", '<a b="1">t</a>');
  assert.deepEqual(x.events, [["@", "/a/@b", "1"], ["T", "/a", "t"]]);
});

// Random inputs biased towards the characters each parser cares about.
const soup = (chars: string) => fc.array(fc.oneof(
  fc.constantFrom(...chars.split("")).map((c) => c.charCodeAt(0)), fc.integer({ min: 0, max: 255 })), { maxLength: 300 })
  .map((a) => Uint8Array.from(a));

test("fuzz: transformations never trap and stay within their output bound", () => {
  const ids = NAMES.map((n) => [n, waf.transformId(n)] as const);
  fc.assert(fc.property(soup("%u+&#x;\\/.*-<!>'\"^ \t\r\n0aAfF=\0\xc3\xa9"), (input) => {
    for (const [name, id] of ids) {
      const { out, changed } = waf.transform(id, input);
      assert.ok(out.length <= bound(name, input.length), `${name} output ${out.length} > bound for ${input.length}`);
      if (!changed) assert.deepEqual(out, input, `${name} answered unchanged but changed the value`);
    }
  }), { numRuns: 300 });
});

const BODY_CHARS: Record<BodyKind, string> = {
  urlencoded: "&=%+a0",
  json: '{}[]":,\\u0a1-.eEtrufalsn ',
  multipart: "-\r\n:;= \"'\\Content-Disposition: form-data; name=filename=X",
  xml: '<>/="\'&;#x!-[]CDATA?a b',
};

for (const kind of Object.keys(BODY_CHARS) as BodyKind[]) {
  test(`fuzz: ${kind} body processor never traps, output bounded`, () => {
    fc.assert(fc.property(soup(BODY_CHARS[kind]), fc.integer({ min: 0, max: 3 }), (input, opt) => {
      const r = waf.body(kind, input, { contentType: "multipart/form-data; boundary=X", maxDepth: opt === 1 ? 4 : 0, jsonModsecNames: opt === 2 });
      // every byte is at most doubled by escaping; names are bounded by depth × input; flags and messages are small
      assert.ok(r.outBytes <= 64 * input.length + 4096, `${kind}: ${r.outBytes} output bytes for ${input.length} input bytes`);
      for (const e of r.events) assert.ok(["A", "F", "H", "T", "@", "G"].includes(e[0]), e.join("|"));
    }), { numRuns: 400 });
  });
}

test("fuzz: structured JSON and multipart mutations", () => {
  fc.assert(fc.property(fc.json({ maxDepth: 6 }), fc.nat(), (j, cut) => {
    const ok = waf.body("json", j);
    assert.equal(ok.error, null, j);
    const t = j.slice(0, cut % (j.length + 1));
    waf.body("json", t); // truncated: must not trap
  }), { numRuns: 300 });
  fc.assert(fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 40 })), { maxLength: 6 }), fc.nat(), (fields, cut) => {
    const body = fields.map(([n, v]) => `--X\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join("") + "--X--\r\n";
    const r = waf.body("multipart", body, { contentType: "multipart/form-data; boundary=X" });
    if (!fields.some(([, v]) => v.includes("\n") || v.includes("--X"))) {
      assert.equal(r.error, null, body);
      assert.deepEqual(r.events.filter((e) => e[0] === "A").map((e) => e[1]), fields.map(([n]) => n));
    }
    waf.body("multipart", body.slice(0, cut % (body.length + 1)), { contentType: "multipart/form-data; boundary=X" });
  }), { numRuns: 300 });
});
