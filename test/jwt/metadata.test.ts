// `jwt.fromEnvoyMetadata` through the filter via the host: Envoy's jwt_authn filter already verified
// the token and left its payload in dynamic metadata (payload_in_metadata); the host serves the
// `metadata` property the way Envoy does (src/host/pbstruct.ts) and AuthorizationPolicies see
// request.auth.*. Missing metadata: no identity; garbage bytes: no identity, no trap.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { Host, ConfigureError, encodeMetadata, encodeStruct, encodeValue, metadataProperty, PropertyError } from "../../src/host/index.ts";

let wasm: Uint8Array;
const NS = "envoy.filters.http.jwt_authn";
const ISS = "https://idp.example.com";

before(() => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  wasm = readFileSync("build/bulwark.wasm");
});

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

test("host encoder: protobuf wire bytes of Struct / Value / ListValue / Metadata (encoding guide, by hand)", () => {
  // Value{string_value:"b"} = 1a 01 62; entry{key:"a", value} = 0a 01 61 12 03 1a0162; Struct = 0a 08 <entry>
  assert.equal(hex(encodeStruct({ a: "b" })), "0a080a0161120" + "31a0162");
  assert.equal(hex(encodeValue(null)), "0800");
  assert.equal(hex(encodeValue(true)), "2001");
  assert.equal(hex(encodeValue(false)), "2000");
  assert.equal(hex(encodeValue(1)), "11000000000000f03f");
  assert.equal(hex(encodeValue([])), "3200");
  assert.equal(hex(encodeValue(["x", 2])), "3210" + "0a031a0178" + "0a09" + "110000000000000040");
  assert.equal(hex(encodeValue({})), "2a00");
  // Metadata{filter_metadata{"n": Struct{}}} = 0a 05 (0a 01 6e 12 00)
  assert.equal(hex(encodeMetadata({ n: {} })), "0a050a016e1200");
  assert.equal(hex(encodeMetadata({})), "");
  assert.throws(() => encodeValue(new Date() as any), /not a Struct value/);
});

test("host: `metadata` is serialized Metadata; sub-paths are CEL pairs, a null inside fails serialization (Envoy serializeValue)", () => {
  const md = { [NS]: { payload: { iss: ISS, sub: "alice", n: 1, ok: true, tags: ["a"], z: null } } };
  assert.equal(hex(metadataProperty(["metadata"], md) as Uint8Array), hex(encodeMetadata(md)));
  assert.equal((metadataProperty(["metadata"], undefined) as Uint8Array).length, 0, "Envoy always has a (possibly empty) Metadata");
  assert.equal(Buffer.from(metadataProperty(["metadata", "filter_metadata", NS, "payload", "sub"], md) as Uint8Array).toString(), "alice");
  assert.equal(Buffer.from(metadataProperty(["metadata", "filter_metadata", NS, "payload", "n"], md) as Uint8Array).readDoubleLE(0), 1);
  assert.equal(hex(metadataProperty(["metadata", "filter_metadata", NS, "payload", "ok"], md) as Uint8Array), "01");
  // list → pairs (value, ""): count 1, sizes 1/0, "a\0", "\0"
  assert.equal(hex(metadataProperty(["metadata", "filter_metadata", NS, "payload", "tags"], md) as Uint8Array), "01000000" + "01000000" + "00000000" + "6100" + "00");
  assert.equal(Buffer.from(metadataProperty(["metadata", "filter_metadata", NS, "payload", "tags", "0"], md) as Uint8Array).toString(), "a");
  const whole = metadataProperty(["metadata", "filter_metadata", NS], md);
  assert.ok(whole instanceof PropertyError && whole.status === 3, "the null claim makes the map unserializable");
  assert.equal(metadataProperty(["metadata", "filter_metadata", "other"], md), undefined);
  assert.equal(metadataProperty(["metadata", "nope"], md), undefined);
});

function config(meta: Record<string, unknown> = { payloadKey: "payload" }, policies?: unknown[]) {
  return JSON.stringify({
    jwt: { fromEnvoyMetadata: meta },
    authz: { policies: policies ?? [
      { name: "need-alice-write", action: "ALLOW", rules: [{ from: [{ source: { requestPrincipals: [`${ISS}/alice`] } }],
        when: [{ key: "request.auth.claims[scope]", values: ["write"] }] }] },
    ] },
  });
}
const payload = (claims: Record<string, unknown> = {}) => ({ iss: ISS, sub: "alice", aud: ["api"], scope: "read write", exp: 1.9e9, ...claims });
const jwtMeta = (p: Record<string, unknown>, key = "payload") => ({ [NS]: { [key]: p as any } });

test("metadata present: authz sees principal and claims (allow / deny by requestPrincipals and request.auth.claims)", async () => {
  const h = await Host.create({ wasm, configuration: config() });
  const ok = await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(payload()) });
  assert.equal(ok.status, 200);
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(payload({ sub: "bob" })) })).status, 403, "other principal");
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(payload({ scope: "read" })) })).status, 403, "claim missing");
  // jwt_authn normalize_payload_in_metadata already split scope into a list: same decision
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(payload({ scope: ["read", "write"] })) })).status, 200);
  // other filters' metadata around it does not matter
  const busy = { "istio.mixer": { a: 1 }, ...jwtMeta(payload()), "envoy.lb": { canary: true } };
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: busy })).status, 200);
  assert.equal(h.metrics.get("bulwark.jwt.metadata_trusted")?.value, 4n);
  assert.equal(h.metrics.get("bulwark.jwt.cache_hits")?.value, 1n, "the same payload bytes again: identity from the cache");
  h.close();
});

test("nested claims, audiences and presenter reach request.auth.*; a token header is not looked at", async () => {
  const h = await Host.create({ wasm, configuration: config({ payloadKey: "payload", spaceDelimitedClaims: ["roles"] }, [
    { name: "p", action: "ALLOW", rules: [{ when: [
      { key: "request.auth.claims[realm][role]", values: ["admin"] },
      { key: "request.auth.audiences", values: ["api"] },
      { key: "request.auth.presenter", values: ["cli"] },
      { key: "request.auth.claims[roles]", values: ["ops"] },
    ] }] },
  ]) });
  const p = payload({ realm: { role: "admin" }, azp: "cli", roles: "dev ops", nothing: null });
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(p) })).status, 200);
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta({ ...p, realm: { role: "user" } }) })).status, 403);
  // in this mode the filter verifies nothing: a forged bearer token gives no identity by itself
  assert.equal((await h.request({ method: "GET", path: "/", headers: [["authorization", "Bearer a.b.c"]] })).status, 403);
  h.close();
});

test("missing metadata, namespace or key → no identity (403 by policy, never 401); other keys and issuers", async () => {
  const h = await Host.create({ wasm, configuration: config({ payloadKey: ["payload", ISS], issuers: [ISS] }) });
  const none = await h.request({ method: "GET", path: "/" });
  assert.equal(none.status, 403);
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: { "other.filter": { payload: payload() } } })).status, 403);
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(payload(), "not-configured") })).status, 403);
  // older Istio keys the payload by issuer: second configured key
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(payload(), ISS) })).status, 200);
  // an issuer outside `issuers` is not trusted
  const evil = payload({ iss: "https://evil.example" });
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(evil) })).status, 403);
  assert.equal(h.metrics.get("bulwark.jwt.missing")?.value, 3n);
  assert.equal(h.metrics.get("bulwark.jwt.metadata_refused")?.value, 1n);
  assert.match(h.logs.map((l) => l.message).join("\n"), /jwt metadata not trusted .*issuer is not trusted/);
  h.close();
});

test("garbage metadata bytes → no identity and no trap", async () => {
  const h = await Host.create({ wasm, configuration: config() });
  const garbage: Uint8Array[] = [
    Uint8Array.of(0x0a), Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f), Uint8Array.of(0x0b, 0x0c), Uint8Array.of(0, 0, 0),
    Buffer.from("not protobuf at all"),
  ];
  // a valid shape with a broken payload inside
  const good = encodeMetadata(jwtMeta(payload()));
  garbage.push(good.subarray(0, good.length - 3));
  let seed = 7;
  for (let i = 0; i < 40; i++) {
    const b = new Uint8Array((seed % 97) + 1);
    for (let j = 0; j < b.length; j++) { seed = (seed * 1103515245 + 12345) >>> 0; b[j] = seed >>> 16; }
    garbage.push(b);
    // flip bytes of a valid encoding too
    const f = good.slice(); f[seed % f.length] ^= 0xff; garbage.push(f);
  }
  for (const g of garbage) {
    const r = await h.request({ method: "GET", path: "/", properties: { metadata: g } });
    assert.ok(r.status === 403 || r.status === 200, `status ${r.status}`);
    if (r.status === 200) {
      // only a flip that left a well-formed payload for alice with write scope may pass
      assert.ok(g.length === good.length);
    }
  }
  // the VM is still healthy afterwards
  assert.equal((await h.request({ method: "GET", path: "/", dynamicMetadata: jwtMeta(payload()) })).status, 200);
  assert.ok((h.metrics.get("bulwark.jwt.metadata_refused")?.value ?? 0n) > 0n);
  h.close();
});

test("fromEnvoyMetadata configuration faults name their JSON path", async () => {
  const cases: [unknown, RegExp][] = [
    [{ fromEnvoyMetadata: {} }, /jwt\.fromEnvoyMetadata\.payloadKey: required/],
    [{ fromEnvoyMetadata: { payloadKey: "" } }, /jwt\.fromEnvoyMetadata\.payloadKey: must not be empty/],
    [{ fromEnvoyMetadata: { payloadKey: ["p", 3] } }, /jwt\.fromEnvoyMetadata\.payloadKey\[1\]: expected a string, got a number/],
    [{ fromEnvoyMetadata: { payloadKey: "p", issuer: "x" } }, /jwt\.fromEnvoyMetadata\.issuer: unknown key/],
    [{ fromEnvoyMetadata: { payloadKey: "p" }, jwtRules: [] }, /jwt\.fromEnvoyMetadata: cannot be combined with jwtRules/],
    [{ fromEnvoyMetadata: "yes" }, /jwt\.fromEnvoyMetadata: expected an object, got a string/],
  ];
  for (const [jwt, re] of cases) {
    await assert.rejects(Host.create({ wasm, configuration: JSON.stringify({ jwt }) }), (e: any) => {
      assert.ok(e instanceof ConfigureError, String(e));
      assert.match(e.logs.map((l: any) => l.message).join("\n"), re);
      return true;
    });
  }
});

test("rules/bulwark-config.schema.json and the filter agree on fromEnvoyMetadata", async () => {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const ajv = new (Ajv2020 as any)({ strict: false, allErrors: true });
  ajv.addSchema(JSON.parse(readFileSync("rules/rulepack.schema.json", "utf8")));
  const validate = ajv.compile(JSON.parse(readFileSync("rules/bulwark-config.schema.json", "utf8")));
  const cases: unknown[] = [
    { fromEnvoyMetadata: { payloadKey: "payload" } },
    { fromEnvoyMetadata: { payloadKey: ["payload", ISS], issuers: [ISS], filterName: "x", spaceDelimitedClaims: ["r"] } },
    { fromEnvoyMetadata: {} }, { fromEnvoyMetadata: { payloadKey: "" } }, { fromEnvoyMetadata: { payloadKey: [] } },
    { fromEnvoyMetadata: { payloadKey: "p", issuers: [] } }, { fromEnvoyMetadata: { payloadKey: "p", filterName: "" } },
    { fromEnvoyMetadata: { payloadKey: "p" }, jwtRules: [] }, { fromEnvoyMetadata: { payloadKey: "p" }, clockSkewSeconds: 5 },
    {},
  ];
  for (const jwt of cases) {
    const bySchema = validate({ jwt }) as boolean;
    const byFilter = await Host.create({ wasm, configuration: JSON.stringify({ jwt }) }).then((h) => { h.close(); return true; }, () => false);
    assert.equal(byFilter, bySchema, JSON.stringify(jwt));
  }
});
