// Engine specs: pack parsing faults with their JSON paths, and rule evaluation on requests fed
// straight into the transaction (the filter's wiring is tested through the host in test/waf/).
import { JsonParser } from "../../../config/json";
import { Errors } from "../../../config/reader";
import { parseWaf } from "../parse";
import { WafEngine } from "../eval";
import { Waf } from "../rule";

function compile(json: string, errs: Errors): Waf {
  const buf = String.UTF8.encode(json);
  const v = new JsonParser(buf).parse();
  expect(v != null).toBe(true, "test JSON is valid");
  return parseWaf(v!, "waf", errs);
}
function faults(json: string): string {
  const e = new Errors();
  compile(json, e);
  return e.list.join("\n");
}
function has(s: string, part: string): void { expect(s.includes(part)).toBe(true, "'" + s + "' should contain '" + part + "'"); }
function pack(rules: string, extra: string = ""): string {
  // the built-in packs stay out: these specs are about the engine, on their own rules
  return "{" + extra + "\"builtinPacks\": \"none\", \"packs\": [{\"id\": \"p\", \"rules\": [" + rules + "]}]}";
}

const KEEP = new Array<ArrayBuffer>();
function b(s: string): ArrayBuffer { const x = String.UTF8.encode(s); KEEP.push(x); return x; }

/** Runs one request through phases 1 and 2; returns "status rules score". */
function run(e: WafEngine, method: string, uri: string, headers: Array<string> = [], body: string = ""): string {
  e.begin("req-1", 0);
  const m = b(method), u = b(uri);
  e.tx.setRequestLine(changetype<usize>(m), m.byteLength, changetype<usize>(u), u.byteLength, "HTTP/1.1");
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const k = b(headers[i]), v = b(headers[i + 1]);
    e.tx.addRequestHeader(changetype<usize>(k), k.byteLength, changetype<usize>(v), v.byteLength);
  }
  e.runPhase(1);
  const bb = b(body);
  e.requestBody(changetype<usize>(bb), bb.byteLength);
  e.runPhase(2);
  e.checkInbound();
  e.checkComplete();
  return (e.tx.interrupted ? e.tx.status.toString() : "pass") + " [" + e.tx.firedRules.join(",") + "] " + e.inboundScore.toString();
}
function engine(json: string): WafEngine {
  const errs = new Errors();
  const w = compile(json, errs);
  expect(errs.list.join("\n")).toBe("", "pack compiles");
  return new WafEngine(w);
}

describe("built-in packs (waf.builtinPacks)", () => {
  it("refuses anything but \"all\", \"none\" or a list of known ids, with the JSON path", () => {
    has(faults("{\"builtinPacks\": \"some\", \"packs\": []}"), "waf.builtinPacks: expected \"all\", \"none\" or a list of built-in pack ids, got 'some'");
    has(faults("{\"builtinPacks\": [\"nope\"], \"packs\": []}"), "waf.builtinPacks[0]: unknown built-in pack 'nope' (built in: ");
    has(faults("{\"builtinPacks\": [7], \"packs\": []}"), "waf.builtinPacks[0]: expected a pack id, got a number");
  });
});

describe("pack faults carry their JSON path", () => {
  it("unknown operator", () => {
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"rxx\": \"a\"}}")), "waf.packs[0].rules[0].match.rxx: unknown operator 'rxx'");
  });
  it("unknown variable, bad selector", () => {
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\", \"ARGZ:x\"], \"match\": {\"streq\": \"a\"}}")), "waf.packs[0].rules[0].variables[1]: unknown variable 'ARGZ'");
    has(faults(pack("{\"id\": 1, \"variables\": [\"REQUEST_METHOD:x\"], \"match\": {\"streq\": \"a\"}}")), "variables[0]: 'REQUEST_METHOD' is not a collection");
    has(faults(pack("{\"id\": 1, \"variables\": [\"!ARGS\"], \"match\": {\"streq\": \"a\"}}")), "variables[0]: an exclusion needs a key");
  });
  it("chain without a follower", () => {
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"a\"}, \"chain\": true}")), "waf.packs[0].rules[0].chain: chain without a follower");
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"a\"}, \"chain\": {}}")), "waf.packs[0].rules[0].chain.variables: required");
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"a\"}, \"chain\": {\"id\": 2, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"b\"}}}")),
      "waf.packs[0].rules[0].chain.id: not allowed in a chained rule");
  });
  it("duplicate id, across packs too", () => {
    const r = "{\"id\": 7, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"a\"}}";
    has(faults(pack(r + "," + r)), "waf.packs[0].rules[1].id: duplicate id 7 (also at waf.packs[0].rules[0])");
    has(faults("{\"builtinPacks\": \"none\", \"packs\": [{\"id\": \"a\", \"rules\": [" + r + "]}, {\"id\": \"b\", \"rules\": [" + r + "]}]}"), "waf.packs[1].rules[0].id: duplicate id 7");
  });
  it("missing marker", () => {
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"a\"}, \"skipAfter\": \"END\"}")), "waf.packs[0].rules[0].skipAfter: missing marker 'END'");
    expect(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"a\"}, \"skipAfter\": \"END\"}, {\"marker\": \"END\"}"))).toBe("");
  });
  it("unknown transformation", () => {
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"transformations\": [\"lowercase\", \"lowercaze\"], \"match\": {\"streq\": \"a\"}}")),
      "waf.packs[0].rules[0].transformations[1]: unknown transformation 'lowercaze'");
  });
  it("bad setvar, bad ctl, bad macro", () => {
    const f = faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"a\"}, \"setvar\": [\"ip.x=1\", \"tx.a=+x\", \"tx\", \"tx.b=%{NOPE}\"], \"ctl\": [\"ruleEngine=Maybe\", \"frob=1\"]}"));
    has(f, "setvar[0]: bad setvar 'ip.x=1': only the TX collection");
    has(f, "setvar[1]: bad setvar 'tx.a=+x': 'x' is not a number");
    has(f, "setvar[2]: bad setvar 'tx'");
    has(f, "setvar[3]: bad setvar 'tx.b=%{NOPE}': unknown variable 'NOPE'");
    has(f, "ctl[0]: bad ctl 'ruleEngine=Maybe'");
    has(f, "ctl[1]: unknown ctl 'frob'");
  });
  it("bad operator arguments with offsets, enums and ranges", () => {
    const f = faults(pack("{\"id\": 1, \"phase\": 7, \"variables\": [\"REMOTE_ADDR\"], \"match\": {\"ipMatch\": \"1.2.3.4,1.2.3.999\"}, \"action\": \"smite\", \"severity\": \"HUGE\"}"));
    has(f, "waf.packs[0].rules[0].match.ipMatch: not an IPv4 or IPv6 address: '1.2.3.999' at offset 8");
    has(f, "rules[0].phase: expected an integer from 1 to 5");
    has(f, "rules[0].action: expected one of deny, block, pass, allow, drop, got 'smite'");
    has(f, "rules[0].severity: expected one of EMERGENCY");
  });
  it("variables used before they exist, unknown keys, settings", () => {
    has(faults(pack("{\"id\": 1, \"phase\": 1, \"variables\": [\"REQUEST_BODY\"], \"match\": {\"contains\": \"a\"}}")), "rules[0].variables: 'REQUEST_BODY' has no value before phase 2");
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"a\"}, \"colour\": 1}")), "waf.packs[0].rules[0].colour: unknown key");
    has(faults("{\"mode\": \"loud\", \"paranoiaLevel\": 9, \"builtinPacks\": \"none\", \"packs\": []}"), "waf.mode: expected \"block\", \"detect\" or \"off\"");
    has(faults("{\"paranoiaLevel\": 9, \"builtinPacks\": \"none\", \"packs\": []}"), "waf.paranoiaLevel: expected an integer from 1 to 4");
    has(faults("{\"builtinPacks\": \"none\", \"packs\": [{\"rules\": []}]}"), "waf.packs[0].id: required");
  });
  it("bad regex with its offset; bad key regex", () => {
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"rx\": \"ab(?<=x)\"}}")), "waf.packs[0].rules[0].match.rx: unsupported construct '(?<=' at offset 2");
    has(faults(pack("{\"id\": 1, \"variables\": [\"ARGS:/(/\"], \"match\": {\"rx\": \"a\"}}")), "waf.packs[0].rules[0].variables[0]: key regex '(':");
  });
});

const ANOMALY = "\"setvar\": [\"tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}\"], \"action\": \"block\"";

describe("evaluation", () => {
  it("phase 1 deny on a header, case-insensitive header names", () => {
    const e = engine(pack("{\"id\": 10, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS:User-Agent\"], \"transformations\": [\"lowercase\"], \"match\": {\"contains\": \"sqlmap\"}, \"action\": \"deny\", \"status\": 406}"));
    expect(run(e, "GET", "/", ["user-agent", "SQLMap/1.0"])).toBe("406 [10] 0");
    expect(run(e, "GET", "/", ["user-agent", "curl"])).toBe("pass [] 0");
    expect(run(e, "GET", "/", [])).toBe("pass [] 0");
  });
  it("anomaly scoring: two rules of 5 reach threshold 5, the decision names 949110", () => {
    const e = engine(pack(
      "{\"id\": 100, \"phase\": 2, \"variables\": [\"ARGS\"], \"transformations\": [\"urlDecodeUni\"], \"match\": {\"detectSQLi\": \"\"}, " + ANOMALY + "}," +
      "{\"id\": 101, \"phase\": 2, \"variables\": [\"ARGS_NAMES\"], \"match\": {\"streq\": \"debug\"}, \"setvar\": [\"tx.inbound_anomaly_score_pl1=+2\"], \"action\": \"block\"}"));
    expect(run(e, "GET", "/?id=1%27%20or%20%271%27%3D%271")).toBe("403 [100,949110] 5");
    expect(run(e, "GET", "/?debug=1")).toBe("pass [101] 2");
    expect(run(e, "GET", "/?id=42")).toBe("pass [] 0");
    // the decision names the variable and the fragment
    run(e, "GET", "/?id=1%27%20or%20%271%27%3D%271");
    has(e.decision(), "rules=100,949110 score=5");
    has(e.decision(), "100 ARGS:id \"s&sos\"");
  });
  it("detect mode logs but never interrupts", () => {
    const e = engine(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"x\"}, \"action\": \"deny\"}", "\"mode\": \"detect\","));
    expect(run(e, "GET", "/?a=x")).toBe("pass [1] 0");
  });
  it("paranoia levels: rules above the level are not evaluated; scores count up to the blocking level", () => {
    const rules = "{\"id\": 1, \"paranoiaLevel\": 2, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"x\"}, \"setvar\": [\"tx.inbound_anomaly_score_pl2=+5\"], \"action\": \"block\"}";
    expect(run(engine(pack(rules)), "GET", "/?a=x")).toBe("pass [] 0");
    expect(run(engine(pack(rules, "\"paranoiaLevel\": 2,")), "GET", "/?a=x")).toBe("403 [1,949110] 5");
    expect(run(engine(pack(rules, "\"paranoiaLevel\": 1, \"detectionParanoiaLevel\": 2,")), "GET", "/?a=x")).toBe("pass [1] 0");
  });
  it("exclusions and counts", () => {
    const e = engine(pack(
      "{\"id\": 1, \"variables\": [\"ARGS\", \"!ARGS:safe\"], \"match\": {\"contains\": \"evil\"}, \"action\": \"deny\"}," +
      "{\"id\": 2, \"variables\": [\"&ARGS:dup\"], \"match\": {\"gt\": \"1\"}, \"action\": \"deny\", \"status\": 400}"));
    expect(run(e, "GET", "/?safe=evil")).toBe("pass [] 0");
    expect(run(e, "GET", "/?q=evil")).toBe("403 [1] 0");
    expect(run(e, "GET", "/?dup=1&dup=2")).toBe("400 [2] 0");
    expect(run(e, "GET", "/?DUP=1&dup=2")).toBe("400 [2] 0");
  });
  it("chains: all members must match; capture feeds the follower; the starter's setvar runs when it matches", () => {
    const e = engine(pack(
      "{\"id\": 5, \"variables\": [\"REQUEST_METHOD\"], \"match\": {\"streq\": \"POST\"}, \"chain\": " +
      "{\"variables\": [\"&REQUEST_HEADERS:Content-Type\"], \"match\": {\"eq\": \"0\"}}, \"setvar\": [\"tx.inbound_anomaly_score_pl1=+3\"], \"action\": \"block\"}"));
    expect(run(e, "POST", "/", ["content-type", "text/plain"])).toBe("pass [] 3");
    expect(run(e, "POST", "/", [])).toBe("pass [5] 3");
    expect(run(e, "GET", "/", [])).toBe("pass [] 0");
  });
  it("chains: a member's setvar runs when that member matches, even if a later member fails (ModSecurity v3)", () => {
    const e = engine(pack(
      "{\"id\": 7, \"variables\": [\"ARGS:a\"], \"match\": {\"streq\": \"x\"}, \"setvar\": [\"tx.inbound_anomaly_score_pl1=+2\"], \"chain\": " +
      "{\"variables\": [\"ARGS:b\"], \"match\": {\"streq\": \"y\"}, \"setvar\": [\"tx.inbound_anomaly_score_pl1=+1\"]}, \"action\": \"block\"}"));
    expect(run(e, "GET", "/?a=x")).toBe("pass [] 2");
    expect(run(e, "GET", "/?a=x&b=y")).toBe("pass [7] 3");
    expect(run(e, "GET", "/?b=y")).toBe("pass [] 0");
  });
  it("fail-closed: a body the processor could not parse is refused (400, 200002) unless failOpen; detect mode only records it", () => {
    const rules = "{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"evil\"}, \"action\": \"deny\"}";
    const json = ["content-type", "application/json"];
    expect(run(engine(pack(rules)), "POST", "/", json, "{\"a\": \"ok\"}")).toBe("pass [] 0");
    expect(run(engine(pack(rules)), "POST", "/", json, "{\"a\": \"ok\"")).toBe("400 [200002] 0");
    expect(run(engine(pack(rules)), "POST", "/", json, "{\"a\": \"evil\"")).toBe("403 [1] 0");
    expect(run(engine(pack(rules, "\"failOpen\": true,")), "POST", "/", json, "{\"a\": \"ok\"")).toBe("pass [200002] 0");
    expect(run(engine(pack(rules, "\"mode\": \"detect\",")), "POST", "/", json, "{\"a\": \"ok\"")).toBe("pass [200002] 0");
    const e = engine(pack(rules));
    e.begin("r", 0); e.tx.bodyTruncated = true;
    const bb = b("{\"a\": \"ok\", \"b\": \"cut her");
    e.requestBody(changetype<usize>(bb), bb.byteLength); e.runPhase(2); e.checkInbound(); e.checkComplete();
    expect(e.tx.interrupted).toBe(false, "processPartial: a cut body is an explicit limit, not an engine error");
  });
  it("fail-closed: more TX variables than the store holds is an engine error (403, 200005)", () => {
    let rules = "";
    for (let i = 0; i < 520; i++) rules += (i ? "," : "") + "{\"id\": " + (100 + i).toString() + ", \"phase\": 1, \"variables\": [\"REQUEST_METHOD\"], \"match\": {\"unconditionalMatch\": \"\"}, \"setvar\": [\"tx.v" + i.toString() + "=1\"], \"log\": false}";
    expect(run(engine(pack(rules)), "GET", "/")).toBe("403 [200005] 0");
    expect(run(engine(pack(rules, "\"failOpen\": true,")), "GET", "/")).toBe("pass [200005] 0");
  });
  it("TX defaults survive requests that wrote nothing, and are restored after one that did", () => {
    const e = engine(pack("{\"id\": 1, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"x\"}, \"setvar\": [\"tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}\", \"tx.critical_anomaly_score=1\"], \"action\": \"block\"}"));
    expect(run(e, "GET", "/?a=y")).toBe("pass [] 0");
    expect(run(e, "GET", "/?a=y")).toBe("pass [] 0");
    expect(run(e, "GET", "/?a=x")).toBe("403 [1,949110] 5");
    expect(run(e, "GET", "/?a=x")).toBe("403 [1,949110] 5");
    expect(run(e, "GET", "/?a=y")).toBe("pass [] 0");
  });
  it("REQUEST_FILENAME / REQUEST_BASENAME are the %-decoded path, cut at the first decoded '?' (ModSecurity v3 processURI)", () => {
    const e = engine(pack(
      "{\"id\": 1, \"phase\": 1, \"variables\": [\"REQUEST_FILENAME\"], \"match\": {\"streq\": \"/a/b c.php\"}, \"action\": \"deny\"}," +
      "{\"id\": 2, \"phase\": 1, \"variables\": [\"REQUEST_BASENAME\"], \"match\": {\"streq\": \"b c.php\"}, \"action\": \"deny\", \"status\": 400}"));
    expect(run(e, "GET", "/a%2Fb%20c.php?x=1")).toBe("403 [1] 0");
    expect(run(e, "GET", "/a/b%20c.php%3Fx=1")).toBe("403 [1] 0");
    expect(run(e, "GET", "/z/b%20c.php")).toBe("400 [2] 0");
    expect(run(e, "GET", "/a/b%2xc.php")).toBe("pass [] 0");
  });
  it("multipart: a well-formed body with two parts is not a strict error; a stray boundary-like line is unmatched = 1", () => {
    const e = engine(pack(
      "{\"id\": 1, \"variables\": [\"MULTIPART_STRICT_ERROR\"], \"match\": {\"eq\": \"1\"}, \"action\": \"deny\", \"status\": 400}," +
      "{\"id\": 2, \"variables\": [\"MULTIPART_UNMATCHED_BOUNDARY\"], \"match\": {\"eq\": \"1\"}, \"action\": \"deny\", \"status\": 400}"));
    const ct = ["content-type", "multipart/form-data; boundary=XyZ"];
    const ok = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--XyZ--\r\n";
    expect(run(e, "POST", "/", ct, ok)).toBe("pass [] 0");
    const stray = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--other\r\n--XyZ--\r\n";
    expect(run(e, "POST", "/", ct, stray)).toBe("400 [2] 0");
  });
  it("negation does not match a missing variable", () => {
    const e = engine(pack("{\"id\": 1, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS:Host\"], \"match\": {\"streq\": \"ok\"}, \"negate\": true, \"action\": \"deny\"}"));
    expect(run(e, "GET", "/", ["host", "ok"])).toBe("pass [] 0");
    expect(run(e, "GET", "/", ["host", "bad"])).toBe("403 [1] 0");
    expect(run(e, "GET", "/", [])).toBe("pass [] 0");
  });
  it("skip and skipAfter with markers; allow stops everything", () => {
    const deny = "{\"id\": 9, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"x\"}, \"action\": \"deny\"}";
    const e = engine(pack(
      "{\"id\": 1, \"variables\": [\"ARGS:skip\"], \"match\": {\"streq\": \"1\"}, \"skip\": 1, \"log\": false}," + deny + "," +
      "{\"id\": 2, \"variables\": [\"ARGS:jump\"], \"match\": {\"streq\": \"1\"}, \"skipAfter\": \"END\", \"log\": false}," +
      "{\"id\": 3, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"y\"}, \"action\": \"deny\"}, {\"marker\": \"END\"}," +
      "{\"id\": 4, \"variables\": [\"ARGS:ok\"], \"match\": {\"streq\": \"1\"}, \"action\": \"allow\"}," +
      "{\"id\": 6, \"variables\": [\"ARGS\"], \"match\": {\"streq\": \"z\"}, \"action\": \"deny\"}"));
    expect(run(e, "GET", "/?a=x")).toBe("403 [9] 0");
    expect(run(e, "GET", "/?skip=1&a=x")).toBe("pass [] 0");
    expect(run(e, "GET", "/?a=y")).toBe("403 [3] 0");
    expect(run(e, "GET", "/?jump=1&a=y")).toBe("pass [] 0");
    expect(run(e, "GET", "/?a=z")).toBe("403 [6] 0");
    expect(run(e, "GET", "/?ok=1&a=z")).toBe("pass [4] 0");
  });
  it("ctl: ruleRemoveById, ruleRemoveTargetById, ruleEngine", () => {
    const e = engine(pack(
      "{\"id\": 1, \"phase\": 1, \"variables\": [\"REQUEST_FILENAME\"], \"match\": {\"beginsWith\": \"/upload\"}, \"ctl\": [\"ruleRemoveById=20-21\"], \"log\": false}," +
      "{\"id\": 2, \"phase\": 1, \"variables\": [\"REQUEST_FILENAME\"], \"match\": {\"beginsWith\": \"/search\"}, \"ctl\": [\"ruleRemoveTargetById=20;ARGS:q\"], \"log\": false}," +
      "{\"id\": 3, \"phase\": 1, \"variables\": [\"REQUEST_FILENAME\"], \"match\": {\"beginsWith\": \"/audit\"}, \"ctl\": [\"ruleEngine=DetectionOnly\"], \"log\": false}," +
      "{\"id\": 20, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"<\"}, \"action\": \"deny\"}"));
    expect(run(e, "GET", "/x?q=<")).toBe("403 [20] 0");
    expect(run(e, "GET", "/upload?q=<")).toBe("pass [] 0");
    expect(run(e, "GET", "/search?q=<")).toBe("pass [] 0");
    expect(run(e, "GET", "/search?r=<")).toBe("403 [20] 0");
    expect(run(e, "GET", "/audit?q=<")).toBe("pass [20] 0");
  });
  it("urlencoded bodies become ARGS_POST; cookies and request line variables", () => {
    const e = engine(pack(
      "{\"id\": 1, \"variables\": [\"ARGS_POST:name\"], \"match\": {\"streq\": \"a b\"}, \"action\": \"deny\"}," +
      "{\"id\": 2, \"phase\": 1, \"variables\": [\"REQUEST_COOKIES:sid\"], \"match\": {\"streq\": \"evil\"}, \"action\": \"deny\"}," +
      "{\"id\": 3, \"phase\": 1, \"variables\": [\"REQUEST_BASENAME\"], \"match\": {\"endsWith\": \".bak\"}, \"action\": \"deny\"}," +
      "{\"id\": 4, \"phase\": 1, \"variables\": [\"REQUEST_LINE\"], \"match\": {\"streq\": \"TRACE /t HTTP/1.1\"}, \"action\": \"deny\"}," +
      "{\"id\": 5, \"phase\": 1, \"variables\": [\"QUERY_STRING\"], \"match\": {\"streq\": \"a=%41\"}, \"action\": \"deny\"}"));
    expect(run(e, "POST", "/f", ["content-type", "application/x-www-form-urlencoded"], "x=1&name=a+b")).toBe("403 [1] 0");
    expect(run(e, "POST", "/f", ["content-type", "text/plain"], "x=1&name=a+b")).toBe("pass [] 0");
    expect(run(e, "POST", "/f", ["content-type", "application/json"], "{\"name\": \"a b\"}")).toBe("pass [] 0");
    expect(run(e, "POST", "/f", ["content-type", "application/json"], "{\"json\": {\"x\": 1}, \"name\": \"a b\"}")).toBe("pass [] 0");
    expect(run(e, "GET", "/", ["cookie", "a=1; sid=evil"])).toBe("403 [2] 0");
    expect(run(e, "GET", "/dir/site.bak?x=1")).toBe("403 [3] 0");
    expect(run(e, "TRACE", "/t")).toBe("403 [4] 0");
    expect(run(e, "GET", "/p?a=%41")).toBe("403 [5] 0");
  });
  it("macros: MATCHED_VAR, MATCHED_VAR_NAME, headers and TX in setvar and operator arguments", () => {
    const e = engine(pack(
      "{\"id\": 1, \"phase\": 1, \"variables\": [\"ARGS:who\"], \"match\": {\"unconditionalMatch\": \"\"}, \"setvar\": [\"tx.seen=%{MATCHED_VAR_NAME}=%{MATCHED_VAR}@%{REQUEST_HEADERS.host}\", \"tx.n=+4\", \"tx.n=-1\"], \"log\": false}," +
      "{\"id\": 2, \"phase\": 1, \"variables\": [\"TX:seen\"], \"match\": {\"streq\": \"ARGS:who=bob@example.test\"}, \"action\": \"deny\", \"status\": 418}," +
      "{\"id\": 3, \"phase\": 1, \"variables\": [\"ARGS:limit\"], \"match\": {\"gt\": \"%{tx.n}\"}, \"action\": \"deny\", \"status\": 413}"));
    expect(run(e, "GET", "/?who=bob", ["host", "example.test"])).toBe("418 [2] 0");
    expect(run(e, "GET", "/?who=al&limit=4", ["host", "example.test"])).toBe("413 [3] 0");
    expect(run(e, "GET", "/?who=al&limit=3", ["host", "example.test"])).toBe("pass [] 0");
  });
  it("multiMatch tests the raw value and each changed stage", () => {
    const base = "\"variables\": [\"ARGS\"], \"transformations\": [\"urlDecode\", \"lowercase\"], \"match\": {\"streq\": \"%41\"}, \"action\": \"deny\"";
    expect(run(engine(pack("{\"id\": 1, " + base + "}")), "GET", "/?a=%2541")).toBe("pass [] 0");
    expect(run(engine(pack("{\"id\": 1, \"multiMatch\": true, " + base + "}")), "GET", "/?a=%2541")).toBe("403 [1] 0");
  });
  it("the transformation cache computes a shared prefix once per value", () => {
    const r = "\"variables\": [\"ARGS\"], \"transformations\": [\"urlDecodeUni\", \"lowercase\"], \"match\": {\"streq\": \"nope\"}";
    const e = engine(pack("{\"id\": 1, " + r + "}, {\"id\": 2, " + r + "}, {\"id\": 3, " + r + "}"));
    // a "%" left after the query decoding makes the values candidates for urlDecodeUni rules (else
    // the prefilter skips all three: neither value holds "nope")
    run(e, "GET", "/?a=X%2521&b=Y%2521");
    expect(e.skipped).toBe(0);
    expect(e.cache.misses).toBe(4);  // 2 values × 2 steps
    expect(e.cache.hits).toBe(8);    // the other two rules
  });
  it("rx with capture feeds a chained rule through TX:1; regex keys select and exclude", () => {
    const e = engine(pack(
      "{\"id\": 1, \"variables\": [\"ARGS:/^id_/\", \"!ARGS:/^id_ok$/\"], \"match\": {\"rx\": \"^(\\\\d+)x$\"}, \"capture\": true, \"chain\": " +
      "{\"variables\": [\"TX:1\"], \"match\": {\"gt\": \"100\"}}, \"action\": \"deny\"}," +
      "{\"id\": 2, \"variables\": [\"&ARGS:/^tag/\"], \"match\": {\"ge\": \"3\"}, \"action\": \"deny\", \"status\": 400}," +
      "{\"id\": 3, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS:User-Agent\"], \"match\": {\"pm\": \"sqlmap nikto\"}, \"action\": \"deny\", \"status\": 401}"));
    expect(run(e, "GET", "/?id_a=500x")).toBe("403 [1] 0");
    expect(run(e, "GET", "/?id_a=50x")).toBe("pass [] 0");
    expect(run(e, "GET", "/?ID_B=500x")).toBe("403 [1] 0");
    expect(run(e, "GET", "/?id_ok=500x")).toBe("pass [] 0");
    expect(run(e, "GET", "/?x=500x")).toBe("pass [] 0");
    expect(run(e, "GET", "/?tag1=a&tag2=b&tagx=c")).toBe("400 [2] 0");
    expect(run(e, "GET", "/?tag1=a&tag2=b")).toBe("pass [] 0");
    expect(run(e, "GET", "/", ["user-agent", "Nikto/2"])).toBe("401 [3] 0");
  });
  it("JSON bodies flatten to json.a.b names; malformed bodies set REQBODY_ERROR", () => {
    const e = engine(pack(
      "{\"id\": 1, \"variables\": [\"ARGS_POST:json.user.name\"], \"match\": {\"streq\": \"root\"}, \"action\": \"deny\"}," +
      "{\"id\": 2, \"variables\": [\"REQBODY_ERROR\"], \"match\": {\"eq\": \"1\"}, \"negate\": false, \"action\": \"deny\", \"status\": 400}"));
    expect(run(e, "POST", "/", ["content-type", "application/json"], "{\"user\": {\"name\": \"root\"}}")).toBe("403 [1] 0");
    expect(run(e, "POST", "/", ["content-type", "application/json"], "{\"user\": {\"name\": \"bob\"}}")).toBe("pass [] 0");
    expect(run(e, "POST", "/", ["content-type", "application/json"], "{\"user\": ")).toBe("400 [2] 0");
  });
  it("never traps on hostile input", () => {
    const e = engine(pack("{\"id\": 1, \"variables\": [\"ARGS\", \"ARGS_NAMES\", \"REQUEST_COOKIES\"], \"transformations\": [\"urlDecodeUni\"], \"match\": {\"validateUtf8Encoding\": \"\"}, \"action\": \"deny\"}"));
    expect(run(e, "GET", "/?%=&&&=%zz&a=%ff%", ["cookie", ";;=;a"])).toBe("403 [1] 0");
    expect(run(e, "GET", "")).toBe("pass [] 0");
    expect(run(e, "GET", "?")).toBe("pass [] 0");
  });
});
