// `bulwark import seclang`: tokenizer, converter (SecLang snippets → expected pack JSON), problem
// reports with file:line, the CLI's exit status, and an end-to-end check that an imported pack runs
// in build/bulwark.wasm and blocks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tokenize } from "../../src/seclang/tokenize.ts";
import { convertText, importSeclang, parseActions, parseVariables, parseOperator } from "../../src/seclang/convert.ts";
import { importSeclangCommand } from "../../src/cli/import.ts";
import { Host } from "../../src/host/index.ts";
import { filterWasm } from "../../src/cli/common.ts";

const rules = (text: string) => {
  const r = convertText(text, "t.conf");
  assert.deepEqual(r.problems, []);
  return r.pack.rules;
};

test("tokenizer: continuations, comments, quotes and escapes", () => {
  const t = tokenize([
    "# a comment \\",
    "SecRule ARGS \\",
    '    "@rx a\\"b\\\\c\\d" \\',
    "    \"id:1,\\",
    "    msg:'x # not a comment'\"",
    "  # indented comment",
    "",
    "SecMarker 'END-X'",
  ].join("\n"), "f.conf");
  assert.equal(t.length, 2);
  assert.equal(t[0].name, "SecRule");
  assert.equal(t[0].line, 2);
  assert.deepEqual(t[0].args, ["ARGS", '@rx a"b\\\\c\\d', "id:1,    msg:'x # not a comment'"]);
  assert.deepEqual(t[1], { name: "SecMarker", args: ["END-X"], file: "f.conf", line: 8 });
});

test("tokenizer: an unterminated quote is reported with file:line", () => {
  const problems: any[] = [];
  tokenize('SecRule ARGS "@rx x\nSecRule ARGS "@rx "y" "id:2"', "g.conf", problems);
  assert.deepEqual(problems, [{ file: "g.conf", line: 1, reason: "unterminated double-quoted argument" }]);
});

test("variables: |, !, &, :name, :/regex/ with | inside, quoted keys", () => {
  assert.deepEqual(parseVariables("ARGS|!ARGS:foo|&REQUEST_HEADERS:Host|REQUEST_COOKIES:/^(a|b)$/|TX:'x y'"),
    ["ARGS", "!ARGS:foo", "&REQUEST_HEADERS:Host", "REQUEST_COOKIES:/^(a|b)$/", "TX:x y"]);
  assert.deepEqual(parseVariables("ARGS:/a\\/|b/|XML:/*"), ["ARGS:/a\\/|b/", "XML:/*"]);
});

test("operators: @rx implied, !@, arguments after one space", () => {
  assert.deepEqual(parseOperator("^a b$"), { name: "rx", arg: "^a b$", negate: false });
  assert.deepEqual(parseOperator("!^x"), { name: "rx", arg: "^x", negate: true });
  assert.deepEqual(parseOperator("!@within GET  POST"), { name: "within", arg: "GET  POST", negate: true });
  assert.deepEqual(parseOperator("@detectSQLi"), { name: "detectSQLi", arg: "", negate: false });
});

test("actions: quoting, commas inside quotes, escaped single quote", () => {
  assert.deepEqual(parseActions("id:1, msg:'a, b \\'c\\'',t:none,setvar:'tx.x=+%{tx.y}',chain"), [
    { name: "id", value: "1" }, { name: "msg", value: "a, b 'c'" }, { name: "t", value: "none" },
    { name: "setvar", value: "tx.x=+%{tx.y}" }, { name: "chain" },
  ]);
});

test("SecRule → rule: id, phase name, msg, tags, paranoia level, severity, t:, setvar, capture, logdata, ver dropped", () => {
  const r = rules(`SecRule REQUEST_HEADERS:User-Agent|ARGS "@pm sqlmap nikto" \\
    "id:1001,phase:request,block,capture,t:none,t:lowercase,msg:'Scanner: %{MATCHED_VAR}',logdata:'%{TX.0}',\\
    tag:'attack-scanner',tag:'paranoia-level/2',ver:'X/1',severity:'critical',multiMatch,\\
    setvar:'tx.inbound_anomaly_score_pl2=+%{tx.critical_anomaly_score}'"`);
  assert.deepEqual(r, [{
    id: 1001, phase: 2, paranoiaLevel: 2, variables: ["REQUEST_HEADERS:User-Agent", "ARGS"], transformations: ["none", "lowercase"],
    match: { pm: "sqlmap nikto" }, action: "block", msg: "Scanner: %{MATCHED_VAR}", logdata: "%{TX.0}",
    tags: ["attack-scanner", "paranoia-level/2"], severity: "CRITICAL", capture: true, multiMatch: true,
    setvar: ["tx.inbound_anomaly_score_pl2=+%{tx.critical_anomaly_score}"],
  }]);
});

test("chains, SecAction, SecMarker, skipAfter, ctl, nolog, negation, numeric severity", () => {
  const r = rules(`
SecRule TX:DETECTION_PARANOIA_LEVEL "@lt 2" "id:10,phase:1,pass,nolog,skipAfter:END-X"
SecRule REQUEST_METHOD "!@within GET POST" "id:11,phase:1,deny,status:405,severity:2,chain"
    SecRule &REQUEST_HEADERS:X-Ok "@eq 0" "t:none,chain"
        SecRule REMOTE_ADDR "!@ipMatch 127.0.0.1" "setvar:tx.bad=1"
SecAction "id:12,phase:5,pass,nolog,noauditlog,ctl:ruleRemoveById=11,ctl:auditEngine=Off"
SecMarker "END-X"`);
  assert.deepEqual(r, [
    { id: 10, phase: 1, variables: ["TX:DETECTION_PARANOIA_LEVEL"], match: { lt: "2" }, skipAfter: "END-X", log: false },
    { id: 11, phase: 1, variables: ["REQUEST_METHOD"], match: { within: "GET POST" }, negate: true, action: "deny", status: 405, severity: 2,
      chain: { variables: ["&REQUEST_HEADERS:X-Ok"], transformations: ["none"], match: { eq: "0" },
        chain: { variables: ["REMOTE_ADDR"], match: { ipMatch: "127.0.0.1" }, negate: true, setvar: ["tx.bad=1"] } } },
    { id: 12, phase: 5, variables: ["REQUEST_METHOD"], match: { unconditionalMatch: "" }, ctl: ["ruleRemoveById=11"], log: false, auditlog: false },
    { marker: "END-X" },
  ]);
});

test("directive and action names ignore case", () => {
  const r = rules(`secrule ARGS "@rx a" "ID:7,Phase:2,DENY,Status:403,T:none,MultiMatch"`);
  assert.deepEqual(r, [{ id: 7, phase: 2, variables: ["ARGS"], transformations: ["none"], match: { rx: "a" }, action: "deny", status: 403, multiMatch: true }]);
});

test("SecDefaultAction (libmodsecurity v3): its deny/status replace `block` only; a rule without a disruptive action passes", () => {
  const r = rules(`SecDefaultAction "phase:2,deny,status:403,log"
SecRule ARGS "@contains evil" "id:1,phase:2"
SecRule ARGS "@contains meh" "id:2,phase:2,pass"
SecRule ARGS "@contains x" "id:3,phase:1"
SecRule ARGS "@contains y" "id:4,phase:2,block"
SecRule ARGS "@contains z" "id:5,phase:1,block"`);
  assert.deepEqual(r.map((x: any) => [x.id, x.action, x.status]),
    [[1, undefined, undefined], [2, undefined, undefined], [3, undefined, undefined], [4, "deny", 403], [5, "block", undefined]]);
});

test("SecRuleRemoveById/ByTag, SecRuleUpdateTargetById/ByTag, SecRuleUpdateActionById, SecComponentSignature", () => {
  const r = convertText(`SecComponentSignature "Demo/1.0"
SecRule ARGS "@rx a" "id:1,phase:2,block,tag:'t1'"
SecRule ARGS "@rx b" "id:2,phase:2,block,tag:'t2'"
SecRule ARGS "@rx c" "id:3,phase:2,block,tag:'t2'"
SecRule ARGS "@rx d" "id:4,phase:2,block,msg:'old',t:lowercase"
SecRule ARGS "@rx e" "id:5,phase:2,block"
SecRuleRemoveById 1 5
SecRuleRemoveByTag "t9"
SecRuleUpdateTargetById 2 "!ARGS:pw|REQUEST_COOKIES"
SecRuleUpdateTargetByTag t2 "!ARGS:token"
SecRuleUpdateTargetById 4 "ARGS_GET" "ARGS"
SecRuleUpdateActionById 4 "deny,status:406,msg:'new',t:none"`, "u.conf");
  assert.deepEqual(r.problems, []);
  assert.equal(r.pack.description, "Demo/1.0");
  assert.deepEqual(r.pack.rules.map((x: any) => x.id), [2, 3, 4]);
  assert.deepEqual(r.pack.rules[0].variables, ["ARGS", "!ARGS:pw", "REQUEST_COOKIES", "!ARGS:token"]);
  assert.deepEqual(r.pack.rules[1].variables, ["ARGS", "!ARGS:token"]);
  const r4 = r.pack.rules[2];
  assert.deepEqual([r4.variables, r4.action, r4.status, r4.msg, r4.transformations], [["ARGS_GET"], "deny", 406, "new", ["none"]]);
});

test("@pmFromFile / @ipMatchFromFile data files are inlined (comments and blank lines dropped)", () => {
  const dir = mkdtempSync(join(tmpdir(), "seclang-"));
  writeFileSync(join(dir, "bad.data"), "# header\nfoo\n\nbar baz\n");
  writeFileSync(join(dir, "ips.data"), "10.0.0.0/8\n192.168.1.1\n");
  writeFileSync(join(dir, "r.conf"), `SecRule ARGS "@pmFromFile bad.data" "id:1,phase:2,deny"\nSecRule REMOTE_ADDR "@ipMatchFromFile ips.data" "id:2,phase:1,deny"\nSecRule ARGS "@pmFromFile missing.data" "id:3,phase:2,deny"\n`);
  const r = importSeclang([dir]);
  assert.deepEqual(r.pack.data, { "bad.data": ["foo", "bar baz"], "ips.data": ["10.0.0.0/8", "192.168.1.1"] });
  assert.deepEqual(r.pack.rules.map((x: any) => x.match), [{ pmFromFile: "bad.data" }, { ipMatchFromFile: "ips.data" }]);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].line, 3);
  assert.match(r.problems[0].reason, /^rule 3: data file 'missing.data' not found/);
});

test("Include follows relative paths and globs", () => {
  const dir = mkdtempSync(join(tmpdir(), "seclang-"));
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub", "a.conf"), `SecRule ARGS "@rx a" "id:1,phase:2,deny"\n`);
  writeFileSync(join(dir, "sub", "b.conf"), `SecRule ARGS "@rx b" "id:2,phase:2,deny"\n`);
  writeFileSync(join(dir, "main.conf"), `Include sub/*.conf\n`);
  const r = importSeclang([join(dir, "main.conf")]);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.pack.rules.map((x: any) => x.id), [1, 2]);
});

test("what cannot be expressed is reported with file:line and reason; the rule (whole chain) is left out", () => {
  const r = convertText(`SecRuleEngine On
SecRule ARGS "@rx a" "id:1,phase:2,deny,setvar:ip.bad=1"
SecRule ARGS "@geoLookup" "id:2,phase:2,deny"
SecRule ARGS "@rx ok" "id:3,phase:2,deny,chain"
    SecRule ARGS "@rx x" "msg:'in a chain',exec:/bin/x"
SecRule ARGS "@rx fine" "id:4,phase:2,deny,expirevar:tx.a=60"
SecRule ARGS "@rx last" "id:5,phase:2,deny"
SecFoo bar`, "bad.conf");
  assert.deepEqual(r.problems.map((p) => `${p.file}:${p.line}: ${p.reason}`), [
    "bad.conf:1: SecRuleEngine is an engine setting: set waf.mode in the plugin configuration instead",
    "bad.conf:2: rule 1: setvar:'ip.bad=1': only the TX collection is supported (persistent collections are not)",
    "bad.conf:3: rule 2: operator @geoLookup is not supported by the engine",
    "bad.conf:5: rule 3 (chained rule): action 'msg' is not allowed in a chained rule (it belongs to the chain starter)",
    "bad.conf:5: rule 3 (chained rule): action 'exec' is not supported",
    "bad.conf:6: rule 4: action 'expirevar' is not supported",
    "bad.conf:8: directive SecFoo is not supported",
  ]);
  assert.deepEqual(r.pack.rules.map((x: any) => x.id), [5]);
  assert.equal(r.stats.refused, 4);
});

test("ctl:ruleRemoveTargetByTag becomes ruleRemoveTargetById for each rule with the tag", () => {
  const r = rules(`SecRule REQUEST_FILENAME "@rx ^/safe" "id:1,phase:1,pass,nolog,ctl:ruleRemoveTargetByTag=xss;REQUEST_FILENAME"
SecRule REQUEST_FILENAME|ARGS "@detectXSS" "id:2,phase:2,block,tag:'xss'"
SecRule REQUEST_FILENAME|ARGS "@rx <x" "id:3,phase:2,block,tag:'xss'"`);
  assert.deepEqual(r[0].ctl, ["ruleRemoveTargetById=2;REQUEST_FILENAME", "ruleRemoveTargetById=3;REQUEST_FILENAME"]);
});

test("a chain rule's setvar stays on its own member (the engine runs it when that member matches, as ModSecurity v3)", () => {
  const r = convertText(`SecRule REQUEST_HEADERS:Content-Type "@rx ^([^;]+)" "id:1,phase:1,block,capture,setvar:'tx.ct=|%{tx.1}|',setvar:'tx.other=1',chain"
    SecRule TX:ct "!@within |text/plain|" "setvar:'tx.score=+5'"`, "w.conf");
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.warnings, []);
  assert.equal(r.pack.rules.length, 1);
  assert.deepEqual(r.pack.rules[0].setvar, ["tx.ct=|%{tx.1}|", "tx.other=1"]);
  assert.deepEqual(r.pack.rules[0].chain.setvar, ["tx.score=+5"]);
});

test("CLI: exit 1 on problems, --allow-partial writes the pack without the refused rules", async () => {
  const dir = mkdtempSync(join(tmpdir(), "seclang-"));
  const conf = join(dir, "r.conf");
  writeFileSync(conf, `SecRule ARGS "@rx a" "id:1,phase:2,deny"\nSecRule ARGS "@rx b" "id:2,phase:2,deny,initcol:ip=x"\n`);
  const out = join(dir, "pack.json");
  const errs: string[] = [];
  const orig = console.error;
  console.error = (...a: any[]) => { errs.push(a.join(" ")); };
  try {
    assert.equal(await importSeclangCommand([conf], { output: out }), 1);
    assert.ok(errs.includes(`${conf}:2: rule 2: action 'initcol' is not supported`), errs.join("\n"));
    assert.equal(await importSeclangCommand([conf], { output: out, allowPartial: true, id: "mine" }), 0);
  } finally { console.error = orig; }
  const pack = JSON.parse(readFileSync(out, "utf8"));
  assert.equal(pack.id, "mine");
  assert.deepEqual(pack.rules.map((x: any) => x.id), [1]);
});

test("CLI: what the filter refuses is reported against its SecLang line and left out with --allow-partial", async () => {
  const dir = mkdtempSync(join(tmpdir(), "seclang-"));
  const conf = join(dir, "r.conf");
  writeFileSync(conf, `SecRule ARGS "@rx a" "id:1,phase:2,deny"\n\nSecRule GEO:country_code "@streq XX" "id:2,phase:1,deny"\nSecRule ARGS "@rx (?<=x)y" "id:3,phase:2,deny"\n`);
  const out = join(dir, "pack.json");
  const errs: string[] = [];
  const orig = console.error;
  console.error = (...a: any[]) => { errs.push(a.join(" ")); };
  try {
    assert.equal(await importSeclangCommand([conf], { output: out }), 1);
    assert.ok(errs.some((e) => e.startsWith(`${conf}:3: rule 2: refused by the filter: waf.packs[0].rules[1].variables`)), errs.join("\n"));
    assert.ok(errs.some((e) => e.startsWith(`${conf}:4: rule 3: refused by the filter: waf.packs[0].rules[2].match.rx`)), errs.join("\n"));
    assert.equal(await importSeclangCommand([conf], { output: out, allowPartial: true }), 0);
  } finally { console.error = orig; }
  assert.deepEqual(JSON.parse(readFileSync(out, "utf8")).rules.map((x: any) => x.id), [1]);
});

test("end to end: an imported SecLang rule set blocks in build/bulwark.wasm", async () => {
  const r = convertText(`SecDefaultAction "phase:1,log,auditlog,pass"
SecDefaultAction "phase:2,log,auditlog,pass"
SecRule REQUEST_HEADERS:User-Agent "@pm sqlmap nikto" "id:9001,phase:1,deny,status:403,msg:'scanner',tag:'scanner',severity:'CRITICAL'"
SecRule ARGS "@rx (?i)<script" "id:9002,phase:2,block,t:none,t:urlDecodeUni,msg:'XSS',severity:'CRITICAL',\\
    setvar:'tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}'"
SecRule ARGS:q "@streq \\"quoted\\"" "id:9003,phase:2,deny,status:406"`, "e2e.conf");
  assert.deepEqual(r.problems, []);
  const host = await Host.create({ wasm: filterWasm(), configuration: JSON.stringify({ waf: { mode: "block", builtinPacks: "none", packs: [r.pack] } }) });
  try {
    const ok = await host.request({ method: "GET", path: "/?q=hello", headers: [["user-agent", "curl/8"]] });
    assert.equal(ok.status, 200);
    const scanner = await host.request({ method: "GET", path: "/", headers: [["user-agent", "sqlmap/1.7"]] });
    assert.equal(scanner.status, 403);
    const xss = await host.request({ method: "GET", path: "/?q=%3Cscript%3Ealert(1)", headers: [["user-agent", "curl/8"]] });
    assert.equal(xss.status, 403);
    const quoted = await host.request({ method: "GET", path: "/?q=%22quoted%22", headers: [] });
    assert.equal(quoted.status, 406);
  } finally { host.close(); }
});
