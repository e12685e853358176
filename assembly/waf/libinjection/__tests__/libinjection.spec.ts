// Specs for @detectSQLi / @detectXSS (assembly/waf/libinjection): input -> verdict and fingerprint.
// The full libinjection corpus runs in `npm run conformance` (needs ../shared).
import { detectSQLi, detectXSS, lastFingerprint, lastFingerprintLen } from "../index";
import { SqliState, lookupWord, isKnownFingerprint, FLAG_QUOTE_NONE, FLAG_SQL_ANSI } from "../sqli";

function sqli(s: string): string {
  const b = String.UTF8.encode(s);
  return detectSQLi(changetype<usize>(b), b.byteLength) ? lastFingerprint() : "-";
}
function xss(s: string): bool {
  const b = String.UTF8.encode(s);
  return detectXSS(changetype<usize>(b), b.byteLength);
}

const SQLI_CASES: string[][] = [
  // input, fingerprint ("-" = not SQLi)
  ["1' OR '1'='1", "s&sos"],
  ["1 UNION SELECT password FROM users", "1UEnk"],
  ["admin'--", "sc"],
  ["1; DROP TABLE users", "1;Tnn"],
  ["' or 1=1 #", "s&1c"],
  ["1) or sleep(5)#", "1)&f("],
  ["-1 union all select 1,2,3--", "1UE1c"],
  ["1/*!UNION*/SELECT", "X"],
  ["1 and 1=1", "1&1"],
  ["x' AND 1=(SELECT COUNT(*) FROM tabname); --", "s&1o("],
  ["1' union select null,null --", "sUEvc"],
  ["hello world", "-"],
  ["O'Reilly", "-"],
  ["john.doe@example.com", "-"],
  ["1234", "-"],
  ["a+b=c", "-"],
  ["\"hello\" she said", "-"],
  ["The cat sat on the mat; it was happy.", "-"],
  ["1 union", "-"],
  ["", "-"],
];

const XSS_CASES: string[][] = [
  ["<script>alert(1)</script>", "1"],
  ["<img src=x onerror=alert(1)>", "1"],
  ["<a href=\"javascript:alert(1)\">x</a>", "1"],
  ["<a href=\"&#106;avascript:alert(1)\">", "1"],
  ["<svg/onload=alert(1)>", "1"],
  ["x\" onmouseover=\"alert(1)", "1"],
  ["<div style=\"color:red\">", "1"],
  ["<!DOCTYPE html>", "1"],
  ["<iframe src=//evil>", "1"],
  ["<!--[if IE]><script>x</script><![endif]-->", "1"],
  ["<b>bold</b>", "0"],
  ["hello <world>", "0"],
  ["<p class=\"a\">text</p>", "0"],
  ["a < b && c > d", "0"],
  ["<a href=\"http://example.com\">ok</a>", "0"],
  ["", "0"],
];

describe("detectSQLi", () => {
  it("reports verdicts and fingerprints", () => {
    for (let i = 0; i < SQLI_CASES.length; i++) {
      expect<string>(SQLI_CASES[i][0] + " => " + sqli(SQLI_CASES[i][0])).toBe(SQLI_CASES[i][0] + " => " + SQLI_CASES[i][1]);
    }
  });
  it("clears the fingerprint after a benign input", () => {
    sqli("1' OR '1'='1");
    expect<i32>(lastFingerprintLen()).toBe(5);
    sqli("hello");
    expect<i32>(lastFingerprintLen()).toBe(0);
    expect<string>(lastFingerprint()).toBe("");
  });
  it("looks keywords up case-insensitively", () => {
    const b = String.UTF8.encode("uNiOn");
    expect<u8>(lookupWord(changetype<usize>(b), 5)).toBe(0x55); // U
    const c = String.UTF8.encode("notakeyword");
    expect<u8>(lookupWord(changetype<usize>(c), 11)).toBe(0);
    const f = String.UTF8.encode("s&sos");
    expect<bool>(isKnownFingerprint(changetype<usize>(f), 5)).toBe(true);
    const g = String.UTF8.encode("nnnnn");
    expect<bool>(isKnownFingerprint(changetype<usize>(g), 5)).toBe(false);
  });
  it("folds 1+1 into one number", () => {
    const st = new SqliState();
    const b = String.UTF8.encode("1+1 UNION SELECT");
    st.init(changetype<usize>(b), b.byteLength, FLAG_QUOTE_NONE | FLAG_SQL_ANSI);
    expect<i32>(st.fold()).toBe(3);
    expect<u8>(st.tokens[0].type).toBe(0x31);
    expect<u8>(st.tokens[1].type).toBe(0x55);
    expect<u8>(st.tokens[2].type).toBe(0x45);
  });
  it("survives hostile shapes", () => {
    expect<string>(sqli("/*/*/*/*")).toBe(sqli("/*/*/*/*")); // no trap
    let s = "";
    for (let i = 0; i < 200; i++) s += "'\\";
    sqli(s);
    sqli("$$");
    sqli("$a$");
    sqli("q'");
    sqli("@@`");
    sqli("0x");
    sqli("\\");
    expect<bool>(true).toBe(true);
  });
});

describe("detectXSS", () => {
  it("reports verdicts", () => {
    for (let i = 0; i < XSS_CASES.length; i++) {
      const got = xss(XSS_CASES[i][0]) ? "1" : "0";
      expect<string>(XSS_CASES[i][0] + " => " + got).toBe(XSS_CASES[i][0] + " => " + XSS_CASES[i][1]);
    }
  });
  it("does not recurse on </></></>...", () => {
    let s = "";
    for (let i = 0; i < 20000; i++) s += "</>";
    expect<bool>(xss(s)).toBe(false);
  });
});
