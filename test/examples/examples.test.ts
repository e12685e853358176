// The Envoy, docker-compose and Istio files users copy: parsed, checked for the fields Envoy and
// Istio require, and their embedded plugin configuration loaded into the real filter.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { parse } from "yaml";
import Ajv2020 from "ajv/dist/2020.js";
import { Host } from "../../src/host/index.ts";

const wasmPath = "build/bulwark.wasm";
const defaultConfig = JSON.parse(readFileSync("rules/default.json", "utf8"));
const { $schema: _ignored, ...defaultConfigBody } = defaultConfig;

before(() => { execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" }); });

async function accepted(configuration: string): Promise<void> {
  const host = await Host.create({ wasm: readFileSync(wasmPath), configuration });
  host.close();
}

test("envoy.yaml: http_connection_manager runs envoy.filters.http.wasm before the router", () => {
  const doc = parse(readFileSync("envoy.yaml", "utf8"));
  const listener = doc.static_resources.listeners[0];
  const hcm = listener.filter_chains[0].filters[0];
  assert.equal(hcm.name, "envoy.filters.network.http_connection_manager");
  assert.equal(hcm.typed_config["@type"], "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager");
  const filters = hcm.typed_config.http_filters;
  assert.equal(filters[0].name, "envoy.filters.http.wasm");
  assert.equal(filters[0].typed_config["@type"], "type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm");
  assert.equal(filters.at(-1).name, "envoy.filters.http.router", "the router must be the last HTTP filter");
  const cfg = filters[0].typed_config.config;
  assert.equal(cfg.vm_config.runtime, "envoy.wasm.runtime.v8");
  assert.equal(cfg.vm_config.code.local.filename, "/etc/envoy/bulwark.wasm");
  assert.equal(cfg.configuration["@type"], "type.googleapis.com/google.protobuf.StringValue");
  // every route points at a defined cluster
  const clusters = new Set(doc.static_resources.clusters.map((c: { name: string }) => c.name));
  for (const vh of hcm.typed_config.route_config.virtual_hosts) {
    for (const r of vh.routes) assert.ok(clusters.has(r.route.cluster), `unknown cluster ${r.route.cluster}`);
  }
});

test("envoy.yaml: the inline plugin configuration is rules/default.json and the filter accepts it", async () => {
  const doc = parse(readFileSync("envoy.yaml", "utf8"));
  const value = doc.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.http_filters[0].typed_config.config.configuration.value;
  assert.deepEqual(JSON.parse(value), defaultConfigBody);
  await accepted(value);
});

test("docker-compose.yaml: Envoy mounts envoy.yaml and the built wasm, upstream serves the demo API", () => {
  const doc = parse(readFileSync("docker-compose.yaml", "utf8"));
  const envoy = doc.services.envoy;
  assert.match(envoy.image, /^envoyproxy\/envoy:v\d+\.\d+\.\d+$/);
  assert.ok(envoy.volumes.includes("./envoy.yaml:/etc/envoy/envoy.yaml:ro"));
  assert.ok(envoy.volumes.includes("./build/bulwark.wasm:/etc/envoy/bulwark.wasm:ro"));
  assert.ok(doc.services.upstream.command.includes("demo-upstream"));
  const env = parse(readFileSync("envoy.yaml", "utf8"));
  const ep = env.static_resources.clusters[0].load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address;
  assert.equal(ep.address, "upstream");
  assert.ok(doc.services.upstream.command.includes(String(ep.port_value)));
});

test("examples/istio/wasmplugin.yaml: a WasmPlugin whose pluginConfig the filter accepts", async () => {
  const doc = parse(readFileSync("examples/istio/wasmplugin.yaml", "utf8"));
  assert.equal(doc.apiVersion, "extensions.istio.io/v1alpha1");
  assert.equal(doc.kind, "WasmPlugin");
  assert.ok(doc.metadata.name && doc.metadata.namespace);
  assert.match(doc.spec.url, /^(oci|https?|file):\/\//);
  assert.ok(["AUTHN", "AUTHZ", "STATS", "UNSPECIFIED_PHASE"].includes(doc.spec.phase));
  assert.ok(["FAIL_CLOSE", "FAIL_OPEN"].includes(doc.spec.failStrategy));
  assert.deepEqual(doc.spec.pluginConfig, defaultConfigBody);
  await accepted(JSON.stringify(doc.spec.pluginConfig));
});

test("rules/bulwark-config.schema.json is valid JSON Schema 2020-12 and accepts the default configuration", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  ajv.addSchema(JSON.parse(readFileSync("rules/rulepack.schema.json", "utf8")));
  const validate = ajv.compile(JSON.parse(readFileSync("rules/bulwark-config.schema.json", "utf8")));
  assert.ok(validate(defaultConfig), JSON.stringify(validate.errors));
  assert.equal(validate({ denyList: [{ id: "x" }] }), false, "an entry without conditions");
  assert.equal(validate({ denylist: [] }), false, "an unknown key");
  assert.equal(validate({ denyList: [{ id: "x", pathPrefixes: ["admin"] }] }), false, "a prefix without '/'");
  const pack = JSON.parse(readFileSync("rules/packs/example.json", "utf8"));
  delete pack.$comment;
  assert.ok(validate({ waf: { mode: "block", packs: [pack] } }), JSON.stringify(validate.errors));
  assert.equal(validate({ waf: { mode: "sometimes" } }), false, "an unknown WAF mode");
});
