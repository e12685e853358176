// Per-request cost of authorization with 50 Istio policies, as a ratio to the pass-through module
// (build/passthrough.wasm) and to the filter with authorization off (rules/default.json without
// `authz`), all measured in this run. The 50 policies: 10 DENY (methods/paths/notPrincipals,
// headers, ipBlocks) that do not match, 40 ALLOW (principals + path templates + a claim/header
// `when`), the matching one last, so every policy is evaluated — the worst case for one request.
// Also: rules/default.json as shipped (one DENY policy on DELETE /api/admin/{**}) on the same clean
// GET, against the same configuration without `authz` — the cost of authorization when the policies
// can be decided on method and path alone (issue 8: within ~2× of pass-through).
import { readFileSync } from "node:fs";
import { Host, type HeaderList } from "../src/host/index.ts";
import { measure } from "./filter.bench.ts";

const N = Number(process.env.BENCH_N ?? 20000);

function policies(): object[] {
  const out: object[] = [];
  for (let i = 0; i < 10; i++) {
    out.push({ name: `deny-${i}`, action: "DENY", rules: [
      { from: [{ source: { notPrincipals: ["*"] } }], to: [{ operation: { methods: ["DELETE"], paths: [`/api/admin${i}/{**}`] } }] },
      { when: [{ key: "request.headers[x-debug-token]", values: [`leak-${i}*`] }] },
      { from: [{ source: { ipBlocks: [`192.0.${i}.0/24`, "2001:db8::/32"] } }] },
    ] });
  }
  for (let i = 0; i < 40; i++) {
    const last = i === 39;
    out.push({ name: `allow-${i}`, rules: [{
      from: [{ source: { principals: [last ? "cluster.local/ns/shop/sa/backend" : `cluster.local/ns/team${i}/sa/*`], namespaces: [last ? "shop" : `team${i}`] } }],
      to: [{ operation: { hosts: ["*.example.com"], methods: ["GET", "POST"], paths: [last ? "/api/items" : `/svc${i}/{*}/items/{**}`, `/v${i}/*`] } }],
      when: [{ key: "request.headers[x-tenant]", values: [last ? "acme" : `tenant-${i}`] }],
    }] });
  }
  return out;
}

const HEADERS: HeaderList = [[":method", "GET"], [":path", "/api/items?page=2"], [":authority", "api.example.com"], [":scheme", "http"],
  ["user-agent", "Mozilla/5.0 (X11; Linux x86_64)"], ["accept", "application/json"], ["x-tenant", "acme"],
  ["x-forwarded-for", "203.0.113.7"], ["x-request-id", "3f0c6a9e-1d2b-4c55-9a7e-3b1f0e2d4c6a"]];
const PROPS = { "source.address": "10.4.0.7:40000", "destination.port": 8080, "connection.mtls": true,
  "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/shop/sa/backend" };
const RESPONSE: HeaderList = [[":status", "200"], ["content-type", "application/json"], ["content-length", "2"]];

function once(host: Host): void {
  const s = host.stream({ properties: PROPS });
  s.requestHeaders(HEADERS, true);
  s.responseHeaders(RESPONSE, true);
  s.finish();
}

const us = (ns: number) => (ns / 1000).toFixed(2).padStart(7) + " µs";

export default async function run(): Promise<void> {
  const base = JSON.parse(readFileSync("rules/default.json", "utf8"));
  const { authz: _a, ...noAuthz } = base;
  const withAuthz = { ...noAuthz, authz: { pathNormalization: "BASE", policies: policies() } };
  const wasm = readFileSync("build/bulwark.wasm");
  const authz = await Host.create({ wasm, configuration: JSON.stringify(withAuthz) });
  const off = await Host.create({ wasm, configuration: JSON.stringify(noAuthz) });
  const pass = await Host.create({ wasm: readFileSync("build/passthrough.wasm"), configuration: "" });
  const shipped = await Host.create({ wasm, configuration: JSON.stringify(base) });
  // the request must be allowed by the last ALLOW policy (the bench measures the worst case, not a 403)
  const s = authz.stream({ properties: PROPS });
  s.requestHeaders(HEADERS, true);
  if (!authz.metrics.get("bulwark.authz.allowed")?.value) throw new Error("bench request was not allowed: " + JSON.stringify(authz.logs.slice(-3)));
  const a = measure(() => once(authz), N);
  const o = measure(() => once(off), N);
  const p = measure(() => once(pass), N);
  const d = measure(() => once(shipped), N);
  console.log(`authz: 50 policies (10 DENY, 40 ALLOW, match on the last), ${N} requests each (BENCH_N)`);
  console.log(`  50 policies        p50 ${us(a.p50)}  p99 ${us(a.p99)}`);
  console.log(`  default.json (1)   p50 ${us(d.p50)}  p99 ${us(d.p99)}`);
  console.log(`  authz off          p50 ${us(o.p50)}  p99 ${us(o.p99)}`);
  console.log(`  pass-through       p50 ${us(p.p50)}  p99 ${us(p.p99)}`);
  console.log(`  ratio 50 policies ÷ pass-through: p50 ${(a.p50 / p.p50).toFixed(2)}×, p99 ${(a.p99 / p.p99).toFixed(2)}×`);
  console.log(`  ratio 50 policies ÷ authz off:    p50 ${(a.p50 / o.p50).toFixed(2)}×, p99 ${(a.p99 / o.p99).toFixed(2)}×`);
  console.log(`  ratio default.json ÷ pass-through: p50 ${(d.p50 / p.p50).toFixed(2)}×, p99 ${(d.p99 / p.p99).toFixed(2)}×; ÷ authz off: p50 ${(d.p50 / o.p50).toFixed(2)}×`);
  authz.close(); off.close(); pass.close(); shipped.close();
}
