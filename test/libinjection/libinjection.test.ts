// Property tests for the libinjection operators (build/harness/waf-libinjection.wasm):
// random and adversarial bytes never trap, and work (loop iterations + bytes scanned, counted
// by the module) grows linearly with input length. No timing asserts.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { loadLibinjection } from "../../src/harness/libinjection.ts";

const li = await loadLibinjection();

// fragments that steer the tokenizers into their interesting states
const FRAGS = [
  "'", "\"", "`", "\\", "/*", "*/", "/*!", "--", "-- ", "#", "$$", "$a$", "@", "@@", "0x", "0b",
  "x'", "b'", "n'", "q'[", "nq'<", "u&'", "e'", "[", "]", "{", "}", "(", ")", ";", ",", ".", "1e",
  "1.5f", "UNION", "SELECT", "OR", "AND", "IN", "NOT", "LIKE", "COLLATE", "::", "<=>", "||", "!=",
  "<", ">", "</", "<!", "<!--", "-->", "<?", "<%", "%>", "<![CDATA[", "]]>", "<!DOCTYPE", "=",
  "/>", " ", "\t", "\n", "\0", "\xff", "\xa0", "&#", "&#x", ";", "on", "onload", "href", "src",
  "style", "javascript:", "script", "svg", "a", "1",
];
const bytesArb = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.array(fc.constantFrom(...FRAGS), { maxLength: 80 }).map((a) => Buffer.from(a.join(""), "latin1")),
);

test("random bytes never trap (detectSQLi, detectXSS, tokenizers)", () => {
  fc.assert(
    fc.property(bytesArb, (b) => {
      const r = li.detectSQLi(b);
      assert.equal(typeof r.sqli, "boolean");
      assert.ok(r.fingerprint.length <= 5);
      li.detectXSS(b);
      li.sqliTokens(b);
      li.sqliFold(b);
      li.h5Tokens(b);
    }),
    { numRuns: 1500, seed: 5 },
  );
});

function repeat(unit: string, n: number): Uint8Array {
  const u = Buffer.from(unit, "latin1");
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = u[i % u.length];
  return out;
}

// shapes that would be quadratic for a naive rescan (escaped quotes, unterminated comments,
// repeated $tag$, nested "</>", many attributes, ...)
const SHAPES = [
  "'\\", "\\'", "''", "/*", "/*!", "--x", "$a$", "$$", "@@`", "q'(", "1e", "0x", "a.b`", "[",
  "</>", "<a b=", "<a onab ", "<!--", "<!--!-", "<%", "<![CDATA[]", "&#x", "a' OR 'a'='a",
  "1 UNION SELECT ", "<", "\0", "\xff",
];

test("work is linear in input length (64 KiB vs 1 MiB)", () => {
  const small = 64 * 1024, big = 1024 * 1024;
  const rnd = new Uint8Array(big);
  for (let i = 0, x = 12345; i < big; i++) { x = (x * 1103515245 + 12345) >>> 0; rnd[i] = x >>> 24; }
  const cases: [string, Uint8Array, Uint8Array][] = SHAPES.map((s) => [s, repeat(s, small), repeat(s, big)]);
  cases.push(["random", rnd.subarray(0, small), rnd]);
  for (const [name, a, b] of cases) {
    li.detectSQLi(a); const s1 = li.sqliSteps();
    li.detectSQLi(b); const s2 = li.sqliSteps();
    li.detectXSS(a); const x1 = li.xssSteps();
    li.detectXSS(b); const x2 = li.xssSteps();
    // 16x the bytes: allow up to 32x the work (and a floor for inputs that stop early)
    assert.ok(s2 <= 32 * Math.max(s1, 64), `sqli work ${name}: ${s1} -> ${s2}`);
    assert.ok(x2 <= 32 * Math.max(x1, 64), `xss work ${name}: ${x1} -> ${x2}`);
    assert.ok(s2 <= 64 * big, `sqli work per byte ${name}: ${s2 / big}`);
    assert.ok(x2 <= 64 * big, `xss work per byte ${name}: ${x2 / big}`);
  }
});

test("known verdicts through the loader", () => {
  assert.deepEqual(li.detectSQLi("1' OR '1'='1"), { sqli: true, fingerprint: "s&sos" });
  assert.deepEqual(li.detectSQLi("hello world"), { sqli: false, fingerprint: "" });
  assert.equal(li.detectXSS("<img src=x onerror=alert(1)>"), true);
  assert.equal(li.detectXSS("<b>bold</b>"), false);
});
