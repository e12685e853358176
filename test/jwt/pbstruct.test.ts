// The filter's protobuf Struct reader (assembly/authz/jwt/pbstruct.ts, through
// build/harness/authz-jwt.wasm) against the host's encoder (src/host/pbstruct.ts): any JSON object
// the jwt_authn payload can hold reads back equal; truncated or mutated bytes give a refusal
// status or some object, never a trap.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { loadJws, type JwsHarness } from "./jws-harness.ts";
import { encodeStruct } from "../../src/host/index.ts";

let h: JwsHarness;
before(async () => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  h = await loadJws();
});

// JSON values a JWT payload carries (no -0: JSON has no negative zero, jwt_verify_lib parses JSON)
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true },
    fc.constant(null), fc.boolean(), fc.string({ unit: "grapheme" }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
    fc.array(tie("value"), { maxLength: 5 }), tie("object")),
  object: fc.dictionary(fc.string({ unit: "grapheme", maxLength: 8 }), tie("value"), { maxKeys: 6 }),
}));

test("round trip: host encodeStruct → filter structToJson gives the same object", () => {
  fc.assert(fc.property(json.object as fc.Arbitrary<Record<string, any>>, (o) => {
    const out = h.pbStructJson(encodeStruct(o));
    assert.equal(typeof out, "string", `refused with status ${out}`);
    assert.deepEqual(JSON.parse(out as string), JSON.parse(JSON.stringify(o)));
  }), { numRuns: 300 });
});

test("truncated and mutated encodings never trap", () => {
  fc.assert(fc.property(json.object as fc.Arbitrary<Record<string, any>>, fc.nat(), fc.nat(255), fc.boolean(), (o, at, byte, cut) => {
    const b = encodeStruct(o);
    if (b.length === 0) return;
    const m = cut ? b.subarray(0, at % b.length) : b.slice();
    if (!cut) m[at % m.length] = byte;
    const out = h.pbStructJson(m);
    assert.ok(typeof out === "string" || (out >= 1 && out <= 5), String(out));
  }), { numRuns: 500 });
  for (let n = 0; n < 200; n++) {
    const r = new Uint8Array(1 + (n % 50)).map((_, i) => (n * 131 + i * 71) & 0xff);
    const out = h.pbStructJson(r);
    assert.ok(typeof out === "string" || (out >= 1 && out <= 5));
  }
});
