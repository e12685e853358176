// Property test: random small RE2 patterns and inputs, cross-checked against V8's RegExp where the
// two agree by definition (ASCII, leftmost-first backtracking = RE2's leftmost-first order).
// Left out because JS differs: quantifiers over a possibly-empty body (JS stops empty iterations
// differently), captures inside quantified groups (JS resets them per iteration), non-ASCII.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import fc from "fast-check";
import { loadRegex, REGEX_WASM } from "../../src/harness/regex.ts";

type Gen = { src: string; nullable: boolean; caps: number; capInQuant: boolean };

const atom: fc.Arbitrary<Gen> = fc.oneof(
  fc.constantFrom("a", "b", "c", " ", "[ab]", "[^a]", ".", "\\w", "\\d", "[a-c]", "\\s").map((s) => ({ src: s, nullable: false, caps: 0, capInQuant: false })),
  fc.constantFrom("^", "$", "\\b", "\\B").map((s) => ({ src: s, nullable: true, caps: 0, capInQuant: false })),
);

const pattern: fc.Arbitrary<Gen> = fc.letrec<{ node: Gen }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => ({ src: a.src + b.src, nullable: a.nullable && b.nullable, caps: a.caps + b.caps, capInQuant: a.capInQuant || b.capInQuant })),
    fc.tuple(tie("node"), tie("node")).map(([a, b]) => ({ src: `(?:${a.src}|${b.src})`, nullable: a.nullable || b.nullable, caps: a.caps + b.caps, capInQuant: a.capInQuant || b.capInQuant })),
    tie("node").map((a) => ({ src: `(${a.src})`, nullable: a.nullable, caps: a.caps + 1, capInQuant: a.capInQuant })),
    fc.tuple(tie("node"), fc.constantFrom("*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{0,2}?", "{2,}")).map(([a, q]) => {
      if (a.nullable) return a; // no quantifier over a possibly-empty body
      return { src: `(?:${a.src})${q}`, nullable: q.startsWith("*") || q.startsWith("?") || q.startsWith("{0"), caps: a.caps, capInQuant: a.capInQuant || a.caps > 0 };
    }),
  ),
})).node;

const input = fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "1", "\n"), maxLength: 14 });

test("regex engine agrees with V8 RegExp on random small patterns", { skip: !existsSync(REGEX_WASM) && "build/harness/regex.wasm missing" }, async () => {
  const rx = await loadRegex();
  let compiled = 0;
  fc.assert(
    fc.property(pattern, fc.array(input, { minLength: 1, maxLength: 6 }), fc.boolean(), (g, inputs, dotall) => {
      if (++compiled > 3000) { rx.reset(); compiled = 0; }
      const h = rx.compile(g.src, dotall ? rx.DOTALL : 0);
      const js = new RegExp(g.src, dotall ? "s" : "");
      for (const s of inputs) {
        const m = js.exec(s);
        const want = m ? [m.index, m.index + m[0].length] : null;
        assert.deepEqual(rx.find(h, s), want, `find ${g.src} on ${JSON.stringify(s)}`);
        assert.equal(rx.test(h, s), !!m, `test ${g.src} on ${JSON.stringify(s)}`);
        if (m && !g.capInQuant && g.caps > 0 && g.caps < 10) {
          const got = rx.captures(h, s, g.caps + 1)!;
          const exp: number[] = [];
          const dm = new RegExp(g.src, dotall ? "sd" : "d").exec(s)!;
          for (let k = 0; k <= g.caps; k++) {
            const ix = (dm as any).indices[k];
            exp.push(ix ? ix[0] : -1, ix ? ix[1] : -1);
          }
          assert.deepEqual(got, exp, `captures ${g.src} on ${JSON.stringify(s)}`);
        }
      }
    }),
    { numRuns: 1500, seed: 20261123 },
  );
});

test("compile errors name construct and offset; hostile sizes are refused", { skip: !existsSync(REGEX_WASM) && "build/harness/regex.wasm missing" }, async () => {
  const rx = await loadRegex();
  assert.equal(rx.compileError("abcdefg(?<=x)"), "unsupported construct '(?<=' at offset 7");
  assert.match(rx.compileError("((a{1000}){1000}){1000}")!, /^pattern too large/);
  assert.equal(rx.compileError("a{1001}"), "invalid repeat count '{1001}' at offset 1");
});

test("adversarial inputs (catastrophic for backtracking) answer correctly", { skip: !existsSync(REGEX_WASM) && "build/harness/regex.wasm missing" }, async () => {
  // not a timed assertion (the bench reports per-byte times); 100 KB inputs where backtracking explodes
  const rx = await loadRegex();
  for (const [p, unit, tail] of [["(a+)+$", "a", "!"], ["(a|aa)*b", "a", ""], ["(x+x+)+y", "x", ""]]) {
    const h = rx.compile(p);
    assert.equal(rx.test(h, unit.repeat(100000) + tail), false, p);
    assert.equal(rx.find(h, unit.repeat(100000) + tail), null, p);
  }
});
