import { compileRegex, lastCompileError, Regex, PhraseMatcher, RegexSet, CASELESS, DOTALL, MULTILINE, BYTES } from "../index";

function re(p: string, f: i32 = 0): Regex {
  const r = compileRegex(p, f);
  if (r == null) throw new Error("compile failed: " + p + ": " + lastCompileError());
  return r!;
}
function span(r: Regex, s: string): string {
  const b = String.UTF8.encode(s);
  if (!r.find(changetype<usize>(b), b.byteLength)) return "-";
  return r.matchStart.toString() + "-" + r.matchEnd.toString();
}
function caps(r: Regex, s: string): string {
  const b = String.UTF8.encode(s);
  const out = new StaticArray<i32>(20);
  const n = r.captures(changetype<usize>(b), b.byteLength, out);
  if (n == 0) return "-";
  const parts = new Array<string>();
  for (let i = 0; i < n && i < 10; i++) parts.push(out[2 * i] < 0 ? "-" : out[2 * i].toString() + "-" + out[2 * i + 1].toString());
  return parts.join(" ");
}
function test(r: Regex, s: string): bool {
  const b = String.UTF8.encode(s);
  return r.test(changetype<usize>(b), b.byteLength);
}
function bytesTest(r: Regex, bytes: Array<u8>): bool {
  const b = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) b[i] = bytes[i];
  return r.test(b.dataStart, b.length);
}

const bad: Array<string> = [
    // pattern, message
    "a(?<=b)", "unsupported construct '(?<=' at offset 1",
    "x(?<!y)", "unsupported construct '(?<!' at offset 1",
    "(?=a)", "unsupported construct '(?=' at offset 0",
    "ab(?!c)", "unsupported construct '(?!' at offset 2",
    "(?>a+)", "unsupported construct '(?>' at offset 0",
    "a++", "unsupported construct '++' at offset 1",
    "a*+", "unsupported construct '*+' at offset 1",
    "a{2}+", "unsupported construct '{2}+' at offset 1",
    "(a)\\1", "unsupported construct '\\1' (backreference) at offset 3",
    "(?P<n>a)(?P=n)", "unsupported construct '(?P=' at offset 8",
    "\\k<n>", "unsupported construct '\\k' (backreference) at offset 0",
    "(?|a)", "unsupported construct '(?|' at offset 0",
    "a\\Z", "unsupported construct '\\Z' at offset 1",
    "a{1001}", "invalid repeat count '{1001}' at offset 1",
    "a{5,2}", "invalid repeat count '{5,2}' at offset 1",
    "(a", "missing closing ) at offset 0",
    "a)", "unexpected ) at offset 1",
    "[a", "missing closing ] at offset 0",
    "[z-a]", "invalid character class range 'z-a' at offset 1",
    "a**", "invalid nested repetition operator '**' at offset 1",
    "*a", "missing argument to repetition operator '*' at offset 0",
    "\\q", "invalid escape sequence '\\q' at offset 0",
];
describe("regex parser errors", () => {
  it("names the construct and offset", () => {
    for (let i = 0; i < bad.length; i += 2) {
      expect(compileRegex(bad[i], 0)).toBeNull(bad[i]);
      expect(lastCompileError()).toBe(bad[i + 1], bad[i]);
    }
  });
  it("caps the program size", () => {
    expect(compileRegex("(?:(?:a{1000}){1000})", 0)).toBeNull();
    expect(lastCompileError().startsWith("pattern too large")).toBe(true);
  });
  it("accepts literal braces and RE2 syntax", () => {
    expect(compileRegex("a{,3}x{", 0)).not.toBeNull();
    expect(compileRegex("(?P<name>a)(?<other>b)(?i:c)(?s-m).\\Q*+?\\E[[:alpha:][:^digit:]]\\x{263a}\\pN", 0)).toBeNull(); // \pN refused
    expect(compileRegex("(?P<name>a)(?<other>b)(?i:c)(?s-m).\\Q*+?\\E[[:alpha:][:^digit:]]\\x{263a}", 0)).not.toBeNull();
  });
});

const matchCases: Array<string> = [
    // pattern, input, leftmost-first span
    "a+", "xaaay", "1-4",
    "a+?", "xaaay", "1-2",
    "abc", "xxabxabc", "5-8",
    "^abc$", "abc", "0-3",
    "^abc$", "abc\n", "-",
    "x*", "abc", "0-0",
    "(a|ab)(c|bcd)", "abcd", "0-4",
    "\\bfoo\\b", "afoo foo", "5-8",
    "\\Bfoo", "afoo", "1-4",
    "\\d{3}-\\d{4}", "call 555-1234 now", "5-13",
    "[^a-z]+", "abc123def", "3-6",
    "[[:upper:]]+", "abcDEF", "3-6",
    "a.c", "a\nc", "-",
    "\\x41\\x{42}\\t", "AB\t", "0-3",
    ".", "é", "0-2",
    "^.$", "日", "0-3",
    "(?i)straße", "STRAßE", "0-7",
    "a{2,3}", "aaaa", "0-3",
    "a{2,}?", "aaaa", "0-2",
    "(?U)a+", "aaa", "0-1",
    "\\Qa.b\\E", "axb a.b", "4-7",
    "", "abc", "0-0",
];
describe("regex matching", () => {
  it("leftmost-first spans (DFA) and test()", () => {
    for (let i = 0; i < matchCases.length; i += 3) {
      const r = re(matchCases[i]);
      expect(span(r, matchCases[i + 1])).toBe(matchCases[i + 2], matchCases[i] + " on " + matchCases[i + 1]);
      expect(test(r, matchCases[i + 1])).toBe(matchCases[i + 2] != "-", matchCases[i]);
    }
  });
  it("flags", () => {
    expect(span(re("HELLO", CASELESS), "say hello")).toBe("4-9");
    expect(span(re("a.c", DOTALL), "a\nc")).toBe("0-3");
    expect(span(re("^b$", MULTILINE), "a\nb\nc")).toBe("2-3");
    expect(span(re("^b$", 0), "a\nb\nc")).toBe("-");
    expect(span(re("(?i)k"), "\u212a")).toBe("0-3");
  });
  it("never stops or traps on invalid UTF-8", () => {
    const r = re("a.*z", DOTALL);
    expect(bytesTest(r, [0x61, 0xff, 0xc3, 0x28, 0xe1, 0x80, 0x41, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x7a])).toBe(true);
    expect(bytesTest(re("a[^x]b"), [0x61, 0xc3, 0x62])).toBe(true);
    expect(bytesTest(re("^..$"), [0xc3, 0xa9])).toBe(false);
  });
  it("leading .* stays linear (CRS 944140 shape)", () => {
    const r = re(".*\\.(?:jsp|jspx)\\.*$", DOTALL);
    expect(test(r, "a.jsp.".repeat(2000) + "x")).toBe(false);
    expect(span(r, "dir/file.jspx")).toBe("0-13");
  });
});

const capCases: Array<string> = [
    "(a+)(b)?", "xaab", "1-4 1-3 3-4",
    "(a|ab)(c|bcd)(d*)", "abcd", "0-4 0-1 1-4 4-4",
    "(a*)*", "b", "0-0 0-0",
    "(a*)+", "b", "0-0 0-0",
    "(?:(a)|b)+", "ab", "0-2 0-1",
    "(?P<user>\\w+)@(?P<host>[\\w.]+)", "mail bob@example.com", "5-20 5-8 9-20",
    "x(y)?z", "xz", "0-2 -",
    "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)", "abcdefghij", "0-10 0-1 1-2 2-3 3-4 4-5 5-6 6-7 7-8 8-9",
];
describe("regex captures", () => {
  it("Pike VM submatches on the DFA span", () => {
    for (let i = 0; i < capCases.length; i += 3) {
      expect(caps(re(capCases[i]), capCases[i + 1])).toBe(capCases[i + 2], capCases[i] + " on " + capCases[i + 1]);
    }
  });
});

describe("literal prefilter", () => {
  it("extracts required literals", () => {
    expect(re("union\\s+select").literals!.join(",")).toBe("select");
    // (?i)s also matches U+017F (long s), so its UTF-8 form is a second literal
    expect(re("(?i)<SCRIPT").literals![0]).toBe("<script");
    expect(re("(?i)<SCRIPT").literals!.length).toBe(2);
    expect(re("(?:cat|dog)s?").literals!.join(",")).toBe("cat,dog");
    expect(re("\\d+").literals).toBeNull();
    expect(re("a?b?").literals).toBeNull();
  });
  it("in byte mode: big classes as byte sets, two copies of a repeated part, rare bytes first", () => {
    const cls = re("[^a-zA-Z0-9]", BYTES).literals!;
    expect(cls.length).toBe(256 - 62);
    expect(cls.includes("<")).toBe(true);
    expect(cls.includes("a")).toBe(false);
    expect(re("[\\x80-\\xff]", BYTES).literals!.length).toBe(128);
    expect(re(".", BYTES | DOTALL).literals).toBeNull();
    expect(re("(?:\\.|%2e){2}/", BYTES).literals!.join(",")).toBe("..,.%2e,%2e.,%2e%2e");
    // "(" and ")" are common in headers (User-Agent), "{" is not
    expect(re("\\(\\s*\\)\\s*\\{", BYTES).literals!.join(",")).toBe("{");
  });
  it("RegexSet finds the candidates in one pass", () => {
    const set = new RegexSet([re("union\\s+select", CASELESS), re("\\d+"), re("<script"), re("etc/passwd")]);
    const b = String.UTF8.encode("id=1 UNION  SELECT pw from /etc/passwd");
    set.scan(changetype<usize>(b), b.byteLength);
    expect(set.candidate(0)).toBe(true);
    expect(set.candidate(1)).toBe(true);
    expect(set.candidate(2)).toBe(false);
    expect(set.candidate(3)).toBe(true);
  });
});

describe("phrase matcher (Aho-Corasick)", () => {
  it("leftmost match, case-insensitive", () => {
    const m = PhraseMatcher.build(["passwd", "ETC/PASSWD", "shadow", "wd", ""]);
    const b = String.UTF8.encode("GET /etc/Passwd HTTP/1.1");
    expect(m.find(changetype<usize>(b), b.byteLength)).toBe(true);
    expect(m.matchStart).toBe(5);
    expect(m.matchEnd).toBe(15);
    expect(m.matchIndex).toBe(1);
    expect(m.count).toBe(4);
  });
  it("no match", () => {
    const m = PhraseMatcher.build(["alpha", "beta"]);
    const b = String.UTF8.encode("gamma delta");
    expect(m.test(changetype<usize>(b), b.byteLength)).toBe(false);
    expect(m.find(changetype<usize>(b), b.byteLength)).toBe(false);
  });
  it("overlapping phrases: smallest start wins", () => {
    const m = PhraseMatcher.build(["bcd", "abcdef"]);
    const b = String.UTF8.encode("xabcdefg");
    expect(m.find(changetype<usize>(b), b.byteLength)).toBe(true);
    expect(m.matchStart).toBe(1);
    expect(m.matchIndex).toBe(1);
  });
});

describe("BYTES mode (PCRE without UTF, as ModSecurity's @rx)", () => {
  it("'.' and negated classes consume one byte; UTF-8 mode consumes a character", () => {
    expect(test(re("^.$", DOTALL), "é")).toBe(true);
    expect(test(re("^.$", DOTALL | BYTES), "é")).toBe(false);
    expect(test(re("^..$", DOTALL | BYTES), "é")).toBe(true);
    expect(test(re("^[^a][^a]$", BYTES), "é")).toBe(true);
    expect(span(re("a.{0,3}b", DOTALL | BYTES), "xaééb")).toBe("-");
    expect(span(re("a.{0,4}b", DOTALL | BYTES), "xaééb")).toBe("1-7");
    expect(bytesTest(re("^a.b$", DOTALL | BYTES), [0x61, 0xff, 0x62])).toBe(true);
  });
  it("\\xHH is one byte; a non-ASCII literal is its UTF-8 bytes; [é] is the class of those bytes", () => {
    expect(bytesTest(re("\\xac\\xed\\x00\\x05", BYTES), [0x41, 0xac, 0xed, 0x00, 0x05])).toBe(true);
    expect(bytesTest(re("\\xac\\xed\\x00\\x05", 0), [0x41, 0xac, 0xed, 0x00, 0x05])).toBe(false);
    expect(bytesTest(re("[\\x80-\\xff]", BYTES), [0x41, 0x90])).toBe(true);
    expect(test(re("café", BYTES), "un café")).toBe(true);
    expect(bytesTest(re("^[é]$", BYTES), [0xa9])).toBe(true);
    expect(test(re("\\x{20ac}", BYTES), "5 €")).toBe(true);
  });
  it("case folding is ASCII-only", () => {
    expect(test(re("(?i)k", BYTES), "\u212a")).toBe(false);
    expect(test(re("(?i)k", 0), "\u212a")).toBe(true);
    expect(test(re("(?i)SELECT", BYTES), "select")).toBe(true);
    expect(test(re("(?i)é", BYTES), "É")).toBe(false);
  });
  it("captures and spans as in UTF-8 mode on ASCII", () => {
    expect(caps(re("(\\w+)=(\\d+)", DOTALL | BYTES), "x foo=42 y")).toBe("2-8 2-5 6-8");
    expect(span(re("(?i)union\\s+select", DOTALL | BYTES), "1 UNION  SELECT x")).toBe("2-15");
  });
});
