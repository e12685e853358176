// `bulwark ftw` on a tiny hand-written CRS-shaped directory (no ../shared): setup + rules imported
// with the SecLang importer, go-ftw YAML tests run through build/bulwark.wasm, overrides skipped.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFtw } from "../../src/ftw/run.ts";
import { rawRequest } from "../../src/ftw/tests.ts";
import { envoyReceive } from "../../src/ftw/envoy.ts";
import { filterWasm } from "../../src/cli/common.ts";

before(() => { execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" }); });

const crs = mkdtempSync(join(tmpdir(), "bulwark-ftw-"));
mkdirSync(join(crs, "rules"));
mkdirSync(join(crs, "tests", "regression", "tests", "REQUEST-900-TINY"), { recursive: true });
writeFileSync(join(crs, "crs-setup.conf.example"), [
  'SecDefaultAction "phase:1,log,auditlog,pass"',
  'SecDefaultAction "phase:2,log,auditlog,pass"',
  'SecDefaultAction "phase:4,log,auditlog,pass"',
].join("\n") + "\n");
writeFileSync(join(crs, "rules", "REQUEST-900-TINY.conf"), [
  `SecRule ARGS "@rx attack" "id:1001,phase:2,block,t:none,msg:'attack in args',logdata:'Matched Data: %{MATCHED_VAR} found within %{MATCHED_VAR_NAME}',setvar:'tx.inbound_anomaly_score_pl1=+5'"`,
  `SecRule TX:arg_length "@eq 400" "id:1003,phase:1,pass,log,msg:'CRS test settings applied'"`,
  `SecRule RESPONSE_BODY "@rx secret" "id:1004,phase:4,block,msg:'leak'"`,
].join("\n") + "\n");
writeFileSync(join(crs, "tests", "regression", "tests", "REQUEST-900-TINY", "1001.yaml"), `rule_id: 1001
tests:
  - test_id: 1
    stages:
      - input: { method: GET, uri: "/?q=attack", headers: { Host: localhost } }
        output: { log: { expect_ids: [1001] } }
  - test_id: 2
    desc: form data is escaped by go-ftw (spaces become '+') and parsed as ARGS
    stages:
      - input: { method: POST, uri: "/post", headers: { Host: localhost }, data: "q=an attack here" }
        output: { log: { expect_ids: [1001], match_regex: "found within ARGS:q" } }
  - test_id: 3
    stages:
      - input: { method: GET, uri: "/?q=benign", headers: { Host: localhost } }
        output: { log: { no_expect_ids: [1001] } }
  - test_id: 4
    desc: deliberately wrong expectation
    stages:
      - input: { method: GET, uri: "/?q=benign", headers: { Host: localhost } }
        output: { log: { expect_ids: [1001] } }
  - test_id: 5
    desc: Envoy refuses an unknown method with 400 before the filter
    stages:
      - input: { method: FOO, uri: "/", headers: { Host: localhost } }
        output: { status: 400 }
  - test_id: 6
    stages:
      - input: { method: GET, uri: "/?q=benign", headers: { Host: localhost } }
        output: { log: { expect_ids: [1001] } }
  - test_id: 7
    desc: response body from the albedo-like backend
    stages:
      - input: { method: POST, uri: "/reflect", headers: { Host: localhost, Content-Type: application/json }, data: '{"body": "the secret is out"}' }
        output: { log: { expect_ids: [1004] } }
`);
writeFileSync(join(crs, "tests", "regression", "tests", "REQUEST-900-TINY", "1003.yaml"), `rule_id: 1003
tests:
  - test_id: 1
    stages:
      - input: { method: GET, uri: "/", headers: { Host: localhost } }
        output: { log: { expect_ids: [1003] } }
`);
const overrides = join(crs, "overrides.yaml");
writeFileSync(overrides, "test_overrides:\n  - rule_id: 1001\n    test_ids: [6]\n    reason: skipped on purpose\n");

test("runFtw: passes, the deliberate failure with its reason, the override skipped", async () => {
  const s = await runFtw({ crs, overrides, wasm: filterWasm() });
  const by = new Map(s.results.map((r) => [r.name, r]));
  assert.deepEqual([s.passed, s.failed, s.skipped], [6, 1, 1], JSON.stringify(s.results.map((r) => [r.name, r.outcome, r.reason])));
  assert.match(by.get("1001-4")!.reason!, /^expected 1001, fired: /);
  assert.equal(by.get("1001-6")!.reason, "skipped on purpose");
  assert.equal(by.get("1001-5")!.stages[0].envoy?.status, 400);
  assert.deepEqual(s.importProblems, []);
});

test("an override with `output` runs the test against that output instead of skipping it", async () => {
  const f = join(crs, "overrides-output.yaml");
  writeFileSync(f, "test_overrides:\n  - rule_id: 1001\n    test_ids: [4]\n    reason: benign here\n    output: { log: { no_expect_ids: [1001] } }\n");
  const s = await runFtw({ crs, include: "^1001-4$", overrides: f, wasm: filterWasm() });
  assert.deepEqual([s.passed, s.failed, s.skipped], [1, 0, 0]);
  assert.equal(s.results[0].reason, "override output: benign here");
});

test("--include selects by <rule>-<test_id>", async () => {
  const s = await runFtw({ crs, include: "^1003-", wasm: filterWasm() });
  assert.deepEqual([s.passed, s.failed, s.skipped], [1, 0, 0]);
});

test("the CLI prints one line per failing test and the summary, exit 1", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "ftw", "--crs", crs, "--overrides", overrides, "-q"], { encoding: "utf8" });
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(r.stdout.trim().split("\n").map((l) => l.replace(/fired: .*/, "fired: …")), ["1001-4: expected 1001, fired: …", "6 passed, 1 failed, 1 skipped"]);
});

test("rawRequest builds what go-ftw sends; envoyReceive models Envoy's codec", () => {
  const raw = Buffer.from(rawRequest({ method: "POST", uri: "/", headers: { Host: "x" }, data: "a=1 2" })).toString("latin1");
  assert.equal(raw, "POST / HTTP/1.1\r\nConnection: close\r\nContent-Length: 5\r\nContent-Type: application/x-www-form-urlencoded\r\nHost: x\r\n\r\na=1+2");
  const bad = envoyReceive(Buffer.from("TEST / HTTP/1.1\r\nHost: x\r\n\r\n"));
  assert.equal(bad.ok, false);
  const two = envoyReceive(Buffer.from("GET /#f HTTP/1.1\r\nHost: x\r\nContent-Type: a\r\ncontent-type: b\r\nConnection: close\r\n\r\n"));
  assert.ok(two.ok);
  if (two.ok) {
    assert.equal(two.req.path, "/");
    assert.deepEqual(two.req.headers.filter(([k]) => k === "content-type"), [["content-type", "a,b"]]);
    assert.ok(!two.req.headers.some(([k]) => k === "connection"));
  }
  const chunked = envoyReceive(Buffer.from("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
  assert.ok(chunked.ok && Buffer.from(chunked.req.body).toString() === "abc");
});
