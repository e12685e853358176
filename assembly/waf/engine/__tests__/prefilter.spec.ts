// Prefilter specs (engine/prefilter.ts). The prefilter may skip a rule only when the rule cannot
// match; these specs check the two facts that soundness rests on, on random values:
//   1. trigger patterns: a value that holds none of a transformation's triggers is left equal to
//      itself up to ASCII case or trimmed ends (so each literal of the output is in the input);
//   2. literals: a rule is evaluated whenever one of its literals or triggers is present, and the
//      verdicts with and without the prefilter agree.
// Plus the TX store's hash index (transaction.ts TxStore) against a plain list.
import { JsonParser } from "../../../config/json";
import { Errors } from "../../../config/reader";
import { parseWaf } from "../parse";
import { WafEngine } from "../eval";
import { transformTriggers, triggersOf, T_OPAQUE, valueHash, MEMO_ENTRIES } from "../prefilter";
import { transformId, transformName, transformCount, applyTransform } from "../../transforms/registry";
import { ByteBuf } from "../../bytes";
import { TxStore } from "../transaction";
import { lowerAscii } from "../variables";

let seed: u32 = 12345;
function rnd(n: i32): i32 { seed ^= seed << 13; seed ^= seed >> 17; seed ^= seed << 5; return <i32>(seed % <u32>n); }

// bytes that trigger something, bytes that transformations care about, and plain ones
const ALPHA: Array<u8> = [0x25, 0x2b, 0x26, 0x5c, 0x22, 0x27, 0x5e, 0x2c, 0x3b, 0x20, 0x09, 0x0a, 0x0d, 0x00, 0x80, 0xc0,
  0xc2, 0xa0, 0xef, 0xbc, 0x81, 0xae, 0x23, 0x2f, 0x2a, 0x3c, 0x21, 0x2d, 0x2e, 0x30, 0x78, 0x58, 0x3d, 0x5f, 0x61, 0x41,
  0x62, 0x7a, 0x5a, 0x31, 0x39, 0x66, 0x46, 0x3e, 0x28, 0x29, 0x75, 0x55, 0x23, 0x3b];

function randomValue(buf: ByteBuf): void {
  buf.reset();
  const n = rnd(24);
  // half of the values avoid the usual trigger bytes, so the "no trigger" branch is exercised
  const plain = rnd(2) == 0;
  for (let i = 0; i < n; i++) {
    let c = ALPHA[rnd(ALPHA.length)];
    if (plain && i % 3 != 0) c = <u8>(0x61 + rnd(26) - (rnd(2) ? 32 : 0));
    buf.push(c);
  }
  if (rnd(8) == 0) {   // sometimes a whole base64 value
    buf.reset();
    const t = String.UTF8.encode("PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");
    buf.append(changetype<usize>(t), t.byteLength);
  }
}

function foldedContains(hay: usize, hn: i32, needle: usize, nn: i32): bool {
  if (nn == 0) return true;
  for (let i = 0; i + nn <= hn; i++) {
    let k = 0;
    while (k < nn) {
      let a = <u32>load<u8>(hay + i + k), b = <u32>load<u8>(needle + k);
      if (a - 0x41 < 26) a |= 0x20;
      if (b - 0x41 < 26) b |= 0x20;
      if (a != b) break;
      k++;
    }
    if (k == nn) return true;
  }
  return false;
}

describe("prefilter trigger patterns", () => {
  it("a value without a transformation's triggers comes out as a case-folded substring of itself", () => {
    const v = new ByteBuf(64), out = new ByteBuf(64);
    let checked = 0, transforms = 0;
    for (let id = 0; id < transformCount(); id++) {
      const name = transformName(id);
      const trig = transformTriggers(name);
      if (trig & T_OPAQUE) continue;
      transforms++;
      for (let k = 0; k < 4000; k++) {
        randomValue(v);
        if ((triggersOf(v.ptr, v.len) & trig) != 0) continue;
        applyTransform(id, v.ptr, v.len, out);
        checked++;
        const ok = foldedContains(v.ptr, v.len, out.ptr, out.len);
        if (!ok) expect(name + ": " + v.toString() + " → " + out.toString()).toBe("", "output is not inside the input");
      }
    }
    expect(transforms).toBeGreaterThan(20);
    expect(checked).toBeGreaterThan(20000);
  });

  it("also after a case change (lowercase or uppercase first, as a chain may do)", () => {
    const v = new ByteBuf(64), mid = new ByteBuf(64), out = new ByteBuf(64);
    const lc = transformId("lowercase"), uc = transformId("uppercase");
    let checked = 0;
    for (let id = 0; id < transformCount(); id++) {
      const name = transformName(id);
      const trig = transformTriggers(name);
      if (trig & T_OPAQUE) continue;
      for (let k = 0; k < 2000; k++) {
        randomValue(v);
        if (rnd(3) == 0) {   // base64 text in mixed case: the lower/upper-cased forms decode differently
          v.reset();
          const t = String.UTF8.encode(rnd(2) ? "dW5pb24gc2VsZWN0" : "DW5PB24GC2VSZWN0");
          v.append(changetype<usize>(t), t.byteLength);
        }
        if ((triggersOf(v.ptr, v.len) & trig) != 0) continue;
        applyTransform(k % 2 ? lc : uc, v.ptr, v.len, mid);
        applyTransform(id, mid.ptr, mid.len, out);
        checked++;
        if (!foldedContains(v.ptr, v.len, out.ptr, out.len)) expect(name + " after a case change: " + v.toString() + " → " + out.toString()).toBe("", "output is not inside the input");
      }
    }
    expect(checked).toBeGreaterThan(10000);
  });

  it("names its triggers", () => {
    expect(transformTriggers("urlDecodeUni") & T_OPAQUE).toBe(0);
    expect(transformTriggers("base64Decode")).toBe(T_OPAQUE);
    expect(transformTriggers("length")).toBe(T_OPAQUE);
    expect(transformTriggers("LOWERCASE")).toBe(0);
    expect(transformId("lowercase")).toBeGreaterThanOrEqual(0);
  });
});

const KEEP = new Array<ArrayBuffer>();
function b(s: string): ArrayBuffer { const x = String.UTF8.encode(s); KEEP.push(x); return x; }

function engine(rules: string, prefilter: bool): WafEngine {
  const json = "{\"prefilter\": " + (prefilter ? "true" : "false") + ", \"builtinPacks\": \"none\", \"packs\": [{\"id\": \"p\", \"rules\": [" + rules + "]}]}";
  const v = new JsonParser(String.UTF8.encode(json)).parse();
  const errs = new Errors();
  const w = parseWaf(v!, "waf", errs);
  expect(errs.list.length).toBe(0, errs.list.join("; "));
  return new WafEngine(w);
}

/** A request with one header (and a body, when not empty) through phases 1 and 2:
 *  "status fired-rules score". */
function request(e: WafEngine, method: string, uri: string, name: string, value: string, body: string = ""): string {
  return requestWith(e, method, uri, [name, value], body);
}

/** The same with any headers: `headers` holds name, value, name, value … */
function requestWith(e: WafEngine, method: string, uri: string, headers: Array<string>, body: string = ""): string {
  e.begin("r", 0);
  const m = b(method), u = b(uri);
  e.tx.setRequestLine(changetype<usize>(m), m.byteLength, changetype<usize>(u), u.byteLength, "HTTP/1.1");
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const k = b(headers[i]), v = b(headers[i + 1]);
    e.tx.addRequestHeader(changetype<usize>(k), k.byteLength, changetype<usize>(v), v.byteLength);
  }
  e.runPhase(1);
  if (body.length) { const x = b(body); e.requestBody(changetype<usize>(x), x.byteLength); }
  else e.requestBody(0, 0);
  e.runPhase(2);
  e.checkInbound();
  return e.tx.status.toString() + " " + e.tx.firedRules.join(",") + " " + e.inboundScore.toString();
}

/** GET uri with one header. */
function runHeader(e: WafEngine, uri: string, name: string, value: string): string { return request(e, "GET", uri, name, value); }

function run(e: WafEngine, uri: string, ua: string): string { return runHeader(e, uri, "user-agent", ua); }

const RULES = "" +
  "{\"id\": 1, \"phase\": 2, \"variables\": [\"ARGS\"], \"transformations\": [\"urlDecodeUni\", \"lowercase\"], \"match\": {\"rx\": \"union\\\\s+select\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"id\": 2, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS:User-Agent\"], \"match\": {\"pm\": \"sqlmap nikto\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"id\": 3, \"phase\": 2, \"variables\": [\"ARGS\", \"REQUEST_FILENAME\"], \"transformations\": [\"htmlEntityDecode\", \"compressWhitespace\"], \"match\": {\"contains\": \"<script\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"id\": 4, \"phase\": 2, \"variables\": [\"ARGS_NAMES\"], \"match\": {\"validateByteRange\": \"48-57,65-90,97-122\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"id\": 5, \"phase\": 2, \"variables\": [\"ARGS\"], \"transformations\": [\"base64Text\"], \"multiMatch\": true, \"match\": {\"rx\": \"<script\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"id\": 6, \"phase\": 2, \"variables\": [\"TX:inbound_anomaly_score_pl1\"], \"match\": {\"eq\": \"0\"}, \"action\": \"pass\", \"log\": false}," +
  "{\"id\": 7, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS:Referer\"], \"match\": {\"contains\": \"nikto\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}";

describe("prefilter on rules", () => {
  it("skips rules without a literal or trigger in their variables, and agrees with the full evaluation", () => {
    const on = engine(RULES, true), off = engine(RULES, false);
    const cases: Array<string> = [
      "/a?x=1", "Mozilla/5.0",
      "/a?x=1%20union%20select%202", "Mozilla/5.0",
      "/a?x=1+union+select+2", "curl",
      "/a?x=UNION%0aSELECT", "x",
      "/a?q=%26lt;script>", "x",
      "/a?q=&lt;script&gt;", "x",
      "/a?q=a%20%20%3cscript", "x",
      "/%3Cscript%3E", "x",
      "/a", "sqlmap/1.0",
      "/a", "Mozilla NIKTO",
      "/a?A-C=1", "x",
      "/a?abc=1", "x",
      "/a?x=PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "x",
      "/a?x=aGVsbG8gd29ybGQ=", "x",
    ];
    for (let i = 0; i < cases.length; i += 2) {
      const a = run(on, cases[i], cases[i + 1]);
      const c = run(off, cases[i], cases[i + 1]);
      expect(a).toBe(c, cases[i] + " / " + cases[i + 1]);
    }
    // the clean request: rules 1-5 and 7 are skipped, only the TX rule runs
    run(on, "/a?x=1", "Mozilla/5.0");
    expect(on.skipped).toBe(6);
    expect(on.evaluations).toBe(1);
    run(off, "/a?x=1", "Mozilla/5.0");
    expect(off.skipped).toBe(0);
    expect(off.evaluations).toBe(7);
    // a keyed selector reads only its key: "nikto" in User-Agent does not make the Referer rule a candidate
    run(on, "/a?x=1", "Mozilla NIKTO");
    expect(on.skipped).toBe(5);   // rule 2 (User-Agent) runs, rule 7 (Referer) does not
    // a literal present → evaluated (and blocked)
    expect(run(on, "/a?x=1%20union%20select%202", "Mozilla/5.0")).toBe("403 1,949110 5");
  });

  it("finds a literal at every offset of a value of 30 to 80 bytes", () => {
    const on = engine(RULES, true), off = engine(RULES, false);
    for (let len = 30; len <= 80; len += 7) {
      for (let off0 = 0; off0 + 7 <= len; off0++) {
        let q = "/a?x=";
        for (let i = 0; i < off0; i++) q += "a";
        q += "%3Cscript";   // "<script" in the argument: rule 3's literal, none of its triggers
        for (let i = off0 + 7; i < len; i++) q += "b";
        const a = run(on, q, "x");
        expect(a.startsWith("403 3,")).toBe(true, q + ": " + a);
        expect(a).toBe(run(off, q, "x"), q);
        // the same through a header value (a keyed slot; "nikto" in the User-Agent)
        let ua = "";
        for (let i = 0; i < off0; i++) ua += "m";
        ua += "nikto";
        for (let i = off0 + 5; i < len; i++) ua += "z";
        expect(run(on, "/a", ua)).toBe("403 2,949110 5", ua);
      }
    }
  });

  it("agrees with the full evaluation on random requests", () => {
    const on = engine(RULES, true), off = engine(RULES, false);
    const v = new ByteBuf(64);
    let blocked = 0;
    for (let k = 0; k < 3000; k++) {
      randomValue(v);
      // a query string from the random bytes, %-encoding what the request line cannot hold
      let q = "/p?";
      for (let i = 0; i < v.len; i++) {
        const c = <i32>v.at(i);
        if (c <= 0x20 || c >= 0x7f || c == 0x23 || c == 0x25 && rnd(2) == 0) q += "%" + (c < 16 ? "0" : "") + c.toString(16);
        else q += String.fromCharCode(c);
      }
      if (rnd(3) == 0) q += "&x=union%20select";
      const a = run(on, q, k % 5 == 0 ? "sqlmap" : "Mozilla");
      const c = run(off, q, k % 5 == 0 ? "sqlmap" : "Mozilla");
      if (a != c) expect(a).toBe(c, q);
      if (!a.startsWith("0 ")) blocked++;
    }
    expect(blocked).toBeGreaterThan(100);
  });
});

describe("prefilter: scan memo", () => {
  it("takes a value seen before from the memo, with the same candidates as its first scan", () => {
    const on = engine(RULES, true), off = engine(RULES, false);
    expect(run(on, "/a?x=1", "Mozilla/5.0 (X11)")).toBe("0  0");
    expect(on.pf!.memoHits).toBeLessThan(on.pf!.scanned);
    // the arguments change (their slots are scanned again), their values are the ones seen before
    // (the User-Agent's bytes, "1"): those come from the memo, with the same candidates
    const q = "/a?x=1&z=Mozilla/5.0%20(X11)";
    expect(run(on, q, "Mozilla/5.0 (X11)")).toBe(run(off, q, "Mozilla/5.0 (X11)"));
    expect(on.pf!.memoHits).toBeGreaterThanOrEqual(3);   // "1", the User-Agent's bytes, the name "x"
    const skipped = on.skipped, evaluations = on.evaluations;
    expect(run(on, "/a?x=1&z=Mozilla/5.0%20(X11)&w=1", "Mozilla/5.0 (X11)")).toBe("0  0");
    expect(on.skipped).toBe(skipped);
    expect(on.evaluations).toBe(evaluations);
    // a remembered value in another slot (here as an argument) is found there as well
    expect(run(on, "/a?q=nikto%20union%20select", "nikto")).toBe(run(off, "/a?q=nikto%20union%20select", "nikto"));
    expect(run(on, "/a?q=nikto", "x")).toBe(run(off, "/a?q=nikto", "x"));
  });

  it("tells apart values of one length that share a memo entry", () => {
    const on = engine(RULES, true), off = engine(RULES, false);
    // a User-Agent with rule 2's literal and literal-free ones of the same length until one lands
    // in the same entry
    const bad = "zz-nikto-0000";
    const bb = b(bad);
    const want = valueHash(changetype<usize>(bb), bb.byteLength) & <u64>(MEMO_ENTRIES - 1);
    let good = "";
    for (let k = 0; k < 100000 && good.length == 0; k++) {
      let c = "zz-plain-" + k.toString();
      while (c.length < bad.length) c += "q";
      if (c.length != bad.length) continue;
      const cb = b(c);
      if ((valueHash(changetype<usize>(cb), cb.byteLength) & <u64>(MEMO_ENTRIES - 1)) == want) good = c;
    }
    expect(good.length).toBe(bad.length);
    for (let round = 0; round < 3; round++) {
      expect(run(on, "/a", good)).toBe(run(off, "/a", good), good);
      expect(run(on, "/a", bad)).toBe("403 2,949110 5", bad);
    }
  });
});

const PRESENCE_RULES = "" +
  // negated: no literals; runs only when the header is there
  "{\"id\": 11, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS:Content-Length\"], \"match\": {\"rx\": \"^[0-9]+$\"}, \"negate\": true, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  // libinjection has no literals: runs only when a Referer is there
  "{\"id\": 12, \"phase\": 2, \"variables\": [\"REQUEST_HEADERS:Referer\"], \"match\": {\"detectXSS\": \"\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  // an opaque transformation: runs whenever ARGS has items
  "{\"id\": 13, \"phase\": 2, \"variables\": [\"ARGS:/^x/\"], \"transformations\": [\"base64Decode\"], \"match\": {\"contains\": \"<script\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  // a long phrase is matched by a window of it: the rule runs on the phrase, not on its prefix alone
  "{\"id\": 14, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS_NAMES\"], \"match\": {\"pm\": \"x-evil-header x-scanner\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  // one-byte literals (validateByteRange): a byte group, both cases
  "{\"id\": 15, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS:X-Tag\"], \"match\": {\"validateByteRange\": \"48-57,97-122\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  // a count compared with a constant: absent data counts 0, so `gt 0` cannot match while absent …
  "{\"id\": 17, \"phase\": 1, \"variables\": [\"&REQUEST_HEADERS:Transfer-Encoding\"], \"match\": {\"gt\": \"0\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  // … and `eq 0` can: it always runs
  "{\"id\": 18, \"phase\": 1, \"variables\": [\"&REQUEST_HEADERS:X-Absent\"], \"match\": {\"eq\": \"0\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.absent=1\"]}," +
  // only regex-keyed items: a candidate when a key holds a literal of the key regex ("saml…")
  "{\"id\": 19, \"phase\": 2, \"variables\": [\"ARGS:/^(?:json\\\\.)?saml(?:response|request)$/\"], \"transformations\": [\"base64Decode\", \"lowercase\"], \"match\": {\"rx\": \"<!doctype|<!entity\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  // a rule above the paranoia level is never evaluated
  "{\"id\": 16, \"phase\": 1, \"paranoiaLevel\": 2, \"variables\": [\"REQUEST_METHOD\"], \"match\": {\"unconditionalMatch\": \"\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl2=+5\"]}";

describe("prefilter: presence, byte groups, windows", () => {
  it("skips rules whose variables are all absent, negated or without literals too", () => {
    const on = engine(PRESENCE_RULES, true), off = engine(PRESENCE_RULES, false);
    const cases: Array<string> = [
      "/a", "x-request-id", "1",
      "/a", "content-length", "12",
      "/a", "content-length", "12x",
      "/a", "Content-Length", "",
      "/a", "referer", "http://example.test/",
      "/a", "referer", "<script>alert(1)</script>",
      "/a?xa=PHNjcmlwdD4=", "accept", "*/*",
      "/a?ya=PHNjcmlwdD4=", "accept", "*/*",
      "/a", "X-Evil-Header", "1",
      "/a", "x-evil-headerx", "1",
      "/a", "x-tag", "abc123",
      "/a", "x-tag", "ABC",
      "/a", "x-tag", "a-b",
      "/a", "transfer-encoding", "chunked",
      "/a", "x-absent", "1",
      "/a?SAMLResponse=PCFkb2N0eXBlIHg%2B", "accept", "*/*",
      "/a?json.samlrequest=PCFkb2N0eXBlIHg%2B", "accept", "*/*",
      "/a?samlresponsez=PCFkb2N0eXBlIHg%2B", "accept", "*/*",
      "/a?q=PCFkb2N0eXBlIHg%2B", "accept", "*/*",
    ];
    for (let i = 0; i < cases.length; i += 3) {
      const a = runHeader(on, cases[i], cases[i + 1], cases[i + 2]);
      const c = runHeader(off, cases[i], cases[i + 1], cases[i + 2]);
      expect(a).toBe(c, cases[i] + " / " + cases[i + 1] + ": " + cases[i + 2]);
    }
    // no Content-Length, Referer, X-Tag, Transfer-Encoding nor arguments: only the `eq 0` count runs
    runHeader(on, "/a", "x-request-id", "3f0c6a9e");
    expect(on.evaluations).toBe(1);
    runHeader(off, "/a", "x-request-id", "3f0c6a9e");
    expect(off.evaluations).toBe(8);
    // arguments whose keys hold neither 'x' (rule 13's key regex ^x) nor "saml…" (rule 19's)
    runHeader(on, "/a?q=PCFkb2N0eXBlIHg%2B&ya=1", "accept", "*/*");
    expect(on.evaluations).toBe(1);
    // a key holding the literal: evaluated, though its key regex does not select it
    expect(runHeader(on, "/a?samlresponsez=PCFkb2N0eXBlIHg%2B", "accept", "*/*")).toBe("0  0");
    expect(on.evaluations).toBe(2);
    expect(runHeader(on, "/a?SAMLResponse=PCFkb2N0eXBlIHg%2B", "accept", "*/*")).toBe("403 19,949110 5");
    // present (even empty) → evaluated, and the negated rule fires
    expect(runHeader(on, "/a", "Content-Length", "")).toBe("403 11,949110 5");
    expect(on.evaluations).toBe(2);
    expect(runHeader(on, "/a", "Transfer-Encoding", "chunked")).toBe("403 17,949110 5");
    expect(runHeader(on, "/a?xa=PHNjcmlwdD4=", "accept", "*/*")).toBe("403 13,949110 5");
    expect(runHeader(on, "/a", "X-Evil-Header", "1")).toBe("403 14,949110 5");
    expect(runHeader(on, "/a", "x-tag", "ABC")).toBe("403 15,949110 5");
    expect(runHeader(on, "/a", "x-tag", "abc")).toBe("0  0");
  });
});

const BODY_ERROR_RULES = "" +
  // the body processor's error flag compared with 1: runs only once a body failed to parse
  "{\"id\": 21, \"phase\": 2, \"variables\": [\"REQBODY_ERROR\"], \"match\": {\"eq\": \"1\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  // … compared with 0: holds on 0, so it always runs
  "{\"id\": 22, \"phase\": 2, \"variables\": [\"REQBODY_PROCESSOR_ERROR\"], \"match\": {\"eq\": \"0\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.parsed=1\"]}";

/** POST /a with a Content-Type and a body. */
function runBody(e: WafEngine, ct: string, body: string): string { return request(e, "POST", "/a", "content-type", ct, body); }

describe("prefilter: body processor errors", () => {
  it("runs a REQBODY_ERROR check only when the flag is set, with the verdicts of the full evaluation", () => {
    const on = engine(BODY_ERROR_RULES, true), off = engine(BODY_ERROR_RULES, false);
    const cases: Array<string> = [
      "application/json", "{\"a\": 1}",
      "application/json", "{\"a\": ",
      "application/x-www-form-urlencoded", "a=1&b=2",
      "text/plain", "anything",
      "application/xml", "<a><b></a>",
    ];
    for (let i = 0; i < cases.length; i += 2) expect(runBody(on, cases[i], cases[i + 1])).toBe(runBody(off, cases[i], cases[i + 1]), cases[i] + ": " + cases[i + 1]);
    expect(runBody(on, "application/json", "{\"a\": 1}")).toBe("0  0");
    expect(on.evaluations).toBe(1);   // only the `eq 0` check
    expect(runBody(on, "application/json", "{\"a\": ")).toBe("403 21,949110 5");
    expect(on.evaluations).toBe(1);   // 21; 22 did not match "1" before (no-match memo)
    expect(on.nmSkipped).toBe(1);
    runHeader(on, "/a", "accept", "*/*");
    expect(on.evaluations).toBe(1);
  });
});

const FLOW_RULES = "" +
  "{\"id\": 30, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"setflag\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.flag=1\"]}," +
  // flow-only: skips A while tx.flag is absent
  "{\"id\": 31, \"phase\": 2, \"variables\": [\"&TX:flag\"], \"match\": {\"eq\": \"0\"}, \"action\": \"pass\", \"log\": false, \"skipAfter\": \"END-A\"}," +
  "{\"id\": 32, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"attack\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"marker\": \"END-A\"}," +
  // nested flow-only rules: B guards C, C guards 35; a regex flow rule (not a TX count) guards D
  "{\"id\": 33, \"phase\": 2, \"variables\": [\"&TX:flag\"], \"match\": {\"eq\": \"1\"}, \"action\": \"pass\", \"log\": false, \"skipAfter\": \"END-B\"}," +
  "{\"id\": 34, \"phase\": 2, \"variables\": [\"&TX:other\"], \"match\": {\"eq\": \"0\"}, \"negate\": true, \"action\": \"pass\", \"log\": false, \"skipAfter\": \"END-C\"}," +
  "{\"id\": 35, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"evil\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"marker\": \"END-C\"}," +
  "{\"marker\": \"END-B\"}," +
  "{\"id\": 36, \"phase\": 2, \"variables\": [\"REQUEST_METHOD\"], \"match\": {\"rx\": \"^G\"}, \"action\": \"pass\", \"log\": false, \"skipAfter\": \"END-D\"}," +
  "{\"id\": 37, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"bad\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"marker\": \"END-D\"}";

describe("prefilter: flow-only rules", () => {
  it("passes over a flow-only rule with nothing to visit before its target, with the verdicts of the full evaluation", () => {
    const on = engine(FLOW_RULES, true), off = engine(FLOW_RULES, false);
    const cases = ["/a?x=1", "/a?x=attack", "/a?x=setflag+attack", "/a?x=setflag+evil", "/a?x=evil", "/a?x=bad", "/a?x=setflag+bad"];
    for (let i = 0; i < cases.length; i++) expect(run(on, cases[i], "x")).toBe(run(off, cases[i], "x"), cases[i]);
    // nothing to visit: 31, 33 (over 34, itself with nothing before its target) and 36 are passed over
    run(on, "/a?x=1", "x");
    expect(on.evaluations).toBe(0);
    expect(on.flowSkipped).toBe(3);
    // "attack" makes 32 a candidate: 31 runs (tx.flag absent → it skips 32)
    expect(run(on, "/a?x=attack", "x")).toBe("0  0");
    expect(on.evaluations).toBe(1);
    // with tx.flag set, 31 runs and does not skip: 32 fires; "evil": 33 runs and skips 34 and 35
    expect(run(on, "/a?x=setflag+attack", "x")).toBe("403 32,949110 5");
    expect(run(on, "/a?x=setflag+evil", "x")).toBe("0  0");
    // without the flag, 33 does not skip: 34 (&TX:other eq 0, negated: no match) lets 35 run
    expect(run(on, "/a?x=evil", "x")).toBe("403 35,949110 5");
    // "bad" makes 37 a candidate: 36 (a GET, not a TX count) runs in full and skips it
    expect(run(on, "/a?x=bad", "x")).toBe("0  0");
    expect(on.evaluations).toBe(1);   // 36 only (31 and 33 guard no candidate)
  });

  it("decides a &TX count with constant setvars from the store, and applies them", () => {
    const rules = "" +
      "{\"id\": 40, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"setflag\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.flag=1\"]}," +
      "{\"id\": 41, \"phase\": 2, \"variables\": [\"&TX:flag\"], \"match\": {\"eq\": \"0\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.clean=1\", \"tx.n=+2\"], \"skipAfter\": \"END-F\"}," +
      "{\"id\": 42, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"attack\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
      "{\"marker\": \"END-F\"}," +
      "{\"id\": 43, \"phase\": 2, \"variables\": [\"TX:n\"], \"match\": {\"eq\": \"2\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+%{tx.clean}\"]}";
    const on = engine(rules, true), off = engine(rules, false);
    const cases = ["/a?x=1", "/a?x=attack", "/a?x=setflag+attack", "/a?x=setflag"];
    for (let i = 0; i < cases.length; i++) expect(run(on, cases[i], "x")).toBe(run(off, cases[i], "x"), cases[i]);
    expect(run(on, "/a?x=attack", "x")).toBe("0 43 1");   // 41 matched: clean=1, n=2, 42 skipped
    expect(run(on, "/a?x=setflag+attack", "x")).toBe("403 42,949110 5");
  });

  it("takes the same &TX test's jump at once when nothing ran since it matched", () => {
    const rules = "" +
      "{\"id\": 60, \"phase\": 2, \"variables\": [\"&TX:flag\"], \"match\": {\"eq\": \"0\"}, \"action\": \"pass\", \"log\": false, \"skipAfter\": \"END-1\"}," +
      "{\"id\": 61, \"phase\": 2, \"variables\": [\"&TX:other\"], \"match\": {\"eq\": \"1\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.seen=1\"], \"skipAfter\": \"END-1\"}," +
      "{\"id\": 62, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"attack\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
      "{\"marker\": \"END-1\"}," +
      // between the two tests: runs only on "mid", and changes what the second test sees
      "{\"id\": 63, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"mid\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.flag=1\"]}," +
      "{\"id\": 64, \"phase\": 2, \"variables\": [\"&TX:flag\"], \"match\": {\"eq\": \"0\"}, \"action\": \"pass\", \"log\": false, \"skipAfter\": \"END-2\"}," +
      "{\"id\": 65, \"phase\": 2, \"variables\": [\"&TX:other\"], \"match\": {\"eq\": \"1\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.seen=1\"], \"skipAfter\": \"END-2\"}," +
      "{\"id\": 66, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"attack\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
      "{\"marker\": \"END-2\"}," +
      // the same key with another number: another test
      "{\"id\": 67, \"phase\": 2, \"variables\": [\"&TX:flag\"], \"match\": {\"eq\": \"1\"}, \"action\": \"pass\", \"log\": false, \"skipAfter\": \"END-3\"}," +
      "{\"id\": 68, \"phase\": 2, \"variables\": [\"&TX:other\"], \"match\": {\"eq\": \"1\"}, \"action\": \"pass\", \"log\": false, \"setvar\": [\"tx.seen=1\"], \"skipAfter\": \"END-3\"}," +
      "{\"id\": 69, \"phase\": 2, \"variables\": [\"ARGS\"], \"match\": {\"contains\": \"zzz\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
      "{\"marker\": \"END-3\"}";
    const on = engine(rules, true), off = engine(rules, false);
    const cases = ["/a?x=1", "/a?x=attack", "/a?x=mid+attack", "/a?x=mid", "/a?x=zzz", "/a?x=mid+zzz"];
    for (let k = 0; k < 2; k++) for (let i = 0; i < cases.length; i++) expect(run(on, cases[i], "x")).toBe(run(off, cases[i], "x"), cases[i]);
    // 60 matches; 64 makes the same test with nothing run since: taken at once (counted); 67 is
    // another test (61, 65 and 68 set a flag: never passed over, they keep 60, 64, 67 from being so)
    run(on, "/a?x=1", "x");
    expect(on.evaluations).toBe(4);   // 60, 64, 67, 68
    // "mid" runs 63 between the two tests: 64 is evaluated again, does not match, and 66 blocks "attack"
    expect(run(on, "/a?x=mid+attack", "x")).toBe("403 66,949110 5");
  });

  it("evaluates them all when a chain starter reads MATCHED_VAR", () => {
    const on = engine(FLOW_RULES + ",{\"id\": 38, \"phase\": 2, \"variables\": [\"MATCHED_VAR\"], \"match\": {\"streq\": \"zzz\"}, \"action\": \"pass\", \"log\": false}", true);
    run(on, "/a?x=1", "x");
    expect(on.flowSkipped).toBe(0);
    expect(on.evaluations).toBe(5);   // 31, 33, 34, 36 and 38
  });
});

describe("prefilter: a slot holding what it was last built from", () => {
  it("keeps that build's state, and is built again on any other byte", () => {
    const on = engine(RULES, true), off = engine(RULES, false);
    expect(run(on, "/a?x=1", "Mozilla/5.0")).toBe("0  0");
    const evaluations = on.evaluations, skipped = on.skipped;
    expect(run(on, "/a?x=1", "Mozilla/5.0")).toBe("0  0");
    expect(on.pf!.reused).toBeGreaterThan(3);   // headers, their names, arguments, their names, scalars
    expect(on.evaluations).toBe(evaluations);
    expect(on.skipped).toBe(skipped);
    // same lengths, other bytes: a header value (keyed slot), an argument, the file name
    const pairs: Array<string> = [
      "/a?x=1", "Mozilla/5.0", "/a?x=1", "nikto/5.0.0",
      "/a?x=%3Cxcript", "x", "/a?x=%3Cscript", "x",
      "/%3Cxcript%3E", "x", "/%3Cscript%3E", "x",
      "/a?x=1&y=2", "x", "/a?y=2&x=1", "x",
    ];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < pairs.length; i += 2) expect(run(on, pairs[i], pairs[i + 1])).toBe(run(off, pairs[i], pairs[i + 1]), pairs[i] + " / " + pairs[i + 1]);
    }
    expect(run(on, "/a?x=1", "Mozilla/5.0")).toBe("0  0");
    expect(run(on, "/a?x=1", "nikto/5.0.0")).toBe("403 2,949110 5");
    expect(run(on, "/a?x=%3Cxcript", "x")).toBe("0  0");
    expect(run(on, "/a?x=%3Cscript", "x")).toBe("403 3,5,949110 10");
    expect(run(on, "/%3Cxcript%3E", "x")).toBe("0  0");
    expect(run(on, "/%3Cscript%3E", "x")).toBe("403 3,949110 5");
  });
});

const NM_RULES = "" +
  "{\"id\": 50, \"phase\": 1, \"variables\": [\"REQUEST_METHOD\"], \"match\": {\"within\": \"GET HEAD POST\"}, \"negate\": true, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"id\": 51, \"phase\": 1, \"variables\": [\"REQUEST_HEADERS:Host\"], \"match\": {\"rx\": \"[,\\\\s]|^$\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}," +
  "{\"id\": 52, \"phase\": 2, \"variables\": [\"REQUEST_URI\"], \"transformations\": [\"lowercase\"], \"match\": {\"endsWith\": \".bak\"}, \"action\": \"block\", \"setvar\": [\"tx.inbound_anomaly_score_pl1=+5\"]}";

/** A request with the given Host headers (none, one or several). */
function hosts(e: WafEngine, method: string, uri: string, hs: Array<string>): string {
  const headers = new Array<string>();
  for (let i = 0; i < hs.length; i++) { headers.push("host"); headers.push(hs[i]); }
  return requestWith(e, method, uri, headers);
}

describe("prefilter: no-match memo", () => {
  it("passes over a one-value rule on the value it last did not match, with the verdicts of the full evaluation", () => {
    const on = engine(NM_RULES, true), off = engine(NM_RULES, false);
    const one: Array<string> = ["api.example.com"];
    expect(hosts(on, "GET", "/a", one)).toBe("0  0");
    expect(on.nmSkipped).toBe(0);
    expect(on.evaluations).toBe(2);   // 50 and 51 (52's literal is not in the URI: the prefilter skips it)
    expect(hosts(on, "GET", "/a", one)).toBe("0  0");
    expect(on.nmSkipped).toBe(2);     // the method and the Host again
    expect(on.evaluations).toBe(0);
    // another value of the same length is evaluated: a malformed Host, a method not allowed
    expect(hosts(on, "GET", "/a", ["api,example.com"])).toBe("403 51,949110 5");
    expect(on.nmSkipped).toBe(1);
    expect(hosts(on, "PUT", "/a", one)).toBe("403 50,949110 5");
    expect(on.nmSkipped).toBe(1);     // the Host: still the value it last failed on
    // a rule that matched keeps the value it last failed on: GET is passed over again
    expect(hosts(on, "GET", "/x.BAK", one)).toBe("403 52,949110 5");
    expect(on.nmSkipped).toBe(2);
    // two Host headers are not one value: 51 runs on both
    expect(hosts(on, "GET", "/a", ["api.example.com", "api.example.com"])).toBe(hosts(off, "GET", "/a", ["api.example.com", "api.example.com"]));
    expect(on.nmSkipped).toBe(1);
    expect(hosts(on, "GET", "/a", ["api.example.com", "b c"])).toBe("403 51,949110 5");
    // an empty Host matches ^$; no Host: nothing to test
    expect(hosts(on, "GET", "/a", [""])).toBe("403 51,949110 5");
    expect(hosts(on, "GET", "/a", [])).toBe(hosts(off, "GET", "/a", []));
  });

  it("agrees with the full evaluation on a random mix of repeated values", () => {
    const on = engine(NM_RULES, true), off = engine(NM_RULES, false);
    const methods: Array<string> = ["GET", "PUT", "POST", "get", "TRACE", "HEAD"];
    const hs: Array<string> = ["a.example", "a,example", "b.example", "", "a example", "A.EXAMPLE"];
    const uris: Array<string> = ["/a", "/a.bak", "/A.BAK", "/b", "/a.bak?x"];
    let blocked = 0, skippedAny = 0;
    for (let k = 0; k < 600; k++) {
      const list = new Array<string>();
      const nh = rnd(8) == 0 ? 2 : rnd(10) == 0 ? 0 : 1;
      for (let j = 0; j < nh; j++) list.push(hs[rnd(hs.length)]);
      const m = methods[rnd(methods.length)], u = uris[rnd(uris.length)];
      const a = hosts(on, m, u, list);
      skippedAny += on.nmSkipped;
      expect(a).toBe(hosts(off, m, u, list), m + " " + u + " " + list.join("|"));
      if (!a.startsWith("0 ")) blocked++;
    }
    expect(blocked).toBeGreaterThan(100);
    expect(skippedAny).toBeGreaterThan(100);
  });

  it("is off when a chain starter reads MATCHED_VAR", () => {
    const on = engine(NM_RULES + ",{\"id\": 58, \"phase\": 2, \"variables\": [\"MATCHED_VAR\"], \"match\": {\"streq\": \"zzz\"}, \"action\": \"pass\", \"log\": false}", true);
    hosts(on, "GET", "/a", ["a.example"]);
    hosts(on, "GET", "/a", ["a.example"]);
    expect(on.nmSkipped).toBe(0);
  });
});

describe("counts compared as numbers", () => {
  it("record the count itself, not the previous rule's fragment", () => {
    const rules = "" +
      "{\"id\": 1, \"phase\": 1, \"variables\": [\"ARGS\"], \"match\": {\"rx\": \"abc\"}, \"action\": \"pass\"}," +
      "{\"id\": 2, \"phase\": 1, \"variables\": [\"&ARGS:nothing\"], \"match\": {\"eq\": \"0\"}, \"action\": \"pass\"}";
    for (let pf = 0; pf < 2; pf++) {
      const e = engine(rules, pf == 1);
      run(e, "/a?q=xxabcxx", "x");
      const d = e.decision();
      expect(d.includes("1 ARGS:q \"abc\"")).toBe(true, d);
      expect(d.includes("2 &ARGS \"0\"")).toBe(true, d);
    }
  });
});

describe("TX store index", () => {
  it("finds, adds and removes keys as a plain list does", () => {
    const st = new TxStore();
    const names = new Array<string>();
    const present = new Array<bool>();
    for (let i = 0; i < 300; i++) { names.push("k" + (i * 7919 % 1000).toString()); present.push(false); }
    for (let round = 0; round < 20000; round++) {
      const i = rnd(names.length);
      const key = lowerAscii(names[i]);
      const op = rnd(3);
      if (op == 0) { st.setString(names[i], "v"); present[i] = true; }
      else if (op == 1) { st.remove(key); present[i] = false; }
      else expect(st.find(key) >= 0).toBe(present[i], names[i]);
      if (round % 5000 == 0) { st.reset(); for (let j = 0; j < present.length; j++) present[j] = false; }
    }
    let n = 0;
    for (let j = 0; j < present.length; j++) if (present[j]) n++;
    expect(st.count).toBe(n);
  });

  it("initFrom restores the defaults after writes, additions and removals", () => {
    const st = new TxStore();
    const keys = new Array<ArrayBuffer>(), names = new Array<string>(), vals = new Array<ArrayBuffer>();
    for (let i = 0; i < 70; i++) { names.push("d" + i.toString()); keys.push(lowerAscii(names[i])); vals.push(String.UTF8.encode("v" + i.toString())); }
    for (let round = 0; round < 400; round++) {
      st.initFrom(keys, names, vals);
      expect(st.count).toBe(70);
      for (let i = 0; i < 70; i++) {
        const k = st.find(keys[i]);
        expect(k >= 0).toBe(true, names[i]);
        expect(st.getString(names[i])).toBe("v" + i.toString());
      }
      expect(st.find(lowerAscii("added1"))).toBe(-1);
      // a request: writes defaults, adds keys, removes added or default keys
      const ops = rnd(12);
      for (let o = 0; o < ops; o++) {
        const c = rnd(10);
        if (c < 4) st.setString(names[rnd(70)], "w" + o.toString());
        else if (c < 8) st.setString("added" + rnd(20).toString(), "x");
        else if (c == 8) st.remove(lowerAscii("added" + rnd(20).toString()));
        else if (rnd(4) == 0) st.remove(keys[rnd(70)]);
      }
    }
  });
});
