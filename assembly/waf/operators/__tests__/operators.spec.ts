// Operator spec tables: [argument, input (latin-1: one char = one byte), expected match "1"/"0"].
import { createOperator, operatorNames } from "../registry";
import { OpContext, OpError } from "../operator";
import { parseIp } from "../ipMatch";

function bytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = <u8>s.charCodeAt(i);
  return b;
}
const C = new OpContext();
const NO_DATA = new Map<string, Array<string>>();

function run(name: string, arg: string, input: string, c: OpContext = C): bool {
  const e = new OpError();
  const op = createOperator(name, arg, NO_DATA, e);
  if (op == null || !e.ok) { expect(e.msg).toBe("", name + " " + arg); return false; }
  const b = bytes(input);
  c.reset();
  return op.match(b.dataStart, b.length, c);
}
function table(name: string, rows: string[][]): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    expect(run(name, r[0], r[1])).toBe(r[2] == "1", name + " row " + i.toString() + " arg '" + r[0] + "' input '" + r[1] + "'");
  }
}
function has(s: string, part: string): void { expect(s.includes(part)).toBe(true, "'" + s + "' should contain '" + part + "'"); }
function refused(name: string, arg: string): string {
  const e = new OpError();
  const op = createOperator(name, arg, NO_DATA, e);
  return e.ok && op != null ? "" : e.msg + (e.offset >= 0 ? " @" + e.offset.toString() : "");
}

describe("registry", () => {
  it("knows the operators by their ModSecurity names and refuses others", () => {
    expect(operatorNames().includes("streq")).toBe(true);
    has(refused("nope", ""), "unknown operator 'nope'");
    has(refused("Streq", "a"), "unknown operator"); // names are case-sensitive as in ModSecurity v3
  });
  it("refuses bad regexes with the offset, and empty phrase lists", () => {
    has(refused("rx", "a(?<=b)"), "at offset 1");
    has(refused("rx", "(a"), "offset");
    has(refused("pm", "  "), "no phrases");
    has(refused("pmFromFile", "x.data"), "no data file 'x.data'");
  });
});

describe("string operators", () => {
  it("streq", () => table("streq", [["abc", "abc", "1"], ["abc", "ABC", "0"], ["abc", "abcd", "0"], ["", "", "1"], ["", "x", "0"], ["a\0b", "a\0b", "1"]]));
  it("contains", () => table("contains", [["bc", "abcd", "1"], ["bc", "ab", "0"], ["", "x", "1"], ["BC", "abcd", "0"], ["/etc/passwd", "x=/etc/passwd", "1"], ["dd", "d", "0"]]));
  it("containsWord", () => table("containsWord", [["select", "a select b", "1"], ["select", "selected", "0"], ["select", "select", "1"],
    ["select", "_select", "0"], ["select", "(select)", "1"], ["select", "xselect select", "1"], ["select", "sel", "0"], ["", "x", "1"]]));
  it("beginsWith", () => table("beginsWith", [["/admin", "/admin/x", "1"], ["/admin", "/ad", "0"], ["/admin", "x/admin", "0"], ["", "x", "1"]]));
  it("endsWith", () => table("endsWith", [[".bak", "a.bak", "1"], [".bak", "a.bak.x", "0"], [".bak", "bak", "0"], ["", "", "1"]]));
  it("within", () => table("within", [["GET HEAD POST", "GET", "1"], ["GET HEAD POST", "PUT", "0"], ["GET HEAD POST", "", "1"],
    ["GET HEAD POST", "HEAD POST", "1"], ["GET", "GETS", "0"]]));
  it("contains records the fragment and the capture", () => {
    const c = new OpContext(); c.capture = true;
    expect(run("contains", "ef", "abcdefg", c)).toBe(true);
    expect(c.fragLen).toBe(2);
    expect(c.capCount).toBe(1);
    expect(load<u8>(c.capPtr[0])).toBe(0x65);
  });
});

describe("numeric operators", () => {
  it("eq", () => table("eq", [["0", "0", "1"], ["0", "", "1"], ["0", "abc", "1"], ["5", "5", "1"], ["5", " 5", "1"], ["5", "5x", "1"], ["5", "6", "0"], ["-1", "-1", "1"], ["3", "+3", "1"]]));
  it("ge", () => table("ge", [["5", "5", "1"], ["5", "6", "1"], ["5", "4", "0"], ["5", "x", "0"], ["-2", "-1", "1"]]));
  it("gt", () => table("gt", [["5", "5", "0"], ["5", "6", "1"], ["0", "1000000000000", "1"]]));
  it("le", () => table("le", [["5", "5", "1"], ["5", "4", "1"], ["5", "6", "0"]]));
  it("lt", () => table("lt", [["5", "5", "0"], ["5", "4", "1"], ["1", "", "1"]]));
  it("marks macro arguments dynamic", () => {
    const e = new OpError();
    const op = createOperator("ge", "%{tx.inbound_anomaly_score_threshold}", NO_DATA, e)!;
    expect(op.dynamic).toBe(true);
    const c = new OpContext();
    const a = bytes("10");
    c.argPtr = a.dataStart; c.argLen = a.length;
    const v = bytes("12");
    expect(op.match(v.dataStart, v.length, c)).toBe(true);
    const w = bytes("9");
    expect(op.match(w.dataStart, w.length, c)).toBe(false);
  });
});

describe("ipMatch", () => {
  it("matches IPv4/IPv6 addresses and CIDR blocks", () => table("ipMatch", [
    ["10.0.0.0/8", "10.1.2.3", "1"], ["10.0.0.0/8", "11.1.2.3", "0"], ["192.168.1.7", "192.168.1.7", "1"], ["192.168.1.7", "192.168.1.8", "0"],
    ["10.0.0.0/8, 192.168.0.0/16", "192.168.44.1", "1"], ["0.0.0.0/0", "8.8.8.8", "1"], ["1.2.3.4/31", "1.2.3.5", "1"], ["1.2.3.4/32", "1.2.3.5", "0"],
    ["::1", "::1", "1"], ["2001:db8::/32", "2001:db8:1::5", "1"], ["2001:db8::/32", "2001:db9::5", "0"], ["fe80::/10", "fe80::1", "1"],
    ["fe80::/10", "fec0::1", "0"], ["::ffff:10.0.0.0/104", "::ffff:10.9.9.9", "1"], ["10.0.0.0/8", "::ffff:10.0.0.1", "0"],
    ["10.0.0.0/8", "not-an-ip", "0"], ["10.0.0.0/8", "10.0.0", "0"], ["10.0.0.0/8", "10.0.0.256", "0"], ["::1", "1::1::1", "0"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8", "1"], ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "0"], ["::", "::", "1"],
  ]));
  it("refuses bad arguments", () => {
    has(refused("ipMatch", "10.0.0.0/33"), "bad prefix length");
    has(refused("ipMatch", "10.0.0.300"), "not an IPv4 or IPv6 address");
    has(refused("ipMatch", ""), "no addresses");
    has(refused("ipMatch", "1.2.3.4, ::1/129"), "bad prefix length");
  });
  it("parses addresses", () => {
    const out = new StaticArray<u8>(16);
    const b = bytes("2001:db8::ff00:42:8329");
    expect(parseIp(b.dataStart, b.length, out)).toBe(6);
    expect(out[0]).toBe(0x20); expect(out[1]).toBe(0x01); expect(out[15]).toBe(0x29); expect(out[10]).toBe(0xff);
  });
});

describe("validation operators", () => {
  it("validateByteRange", () => table("validateByteRange", [["1-255", "abc", "0"], ["1-255", "a\0c", "1"], ["32-126", "abc\x7f", "1"],
    ["9,10,13,32-126", "a\tb\nc", "0"], ["9,10,13,32-126", "a\x01", "1"], ["65", "AAA", "0"], ["65", "AAB", "1"], ["0-255", "\xff\0", "0"]]));
  it("validateByteRange refuses bad ranges", () => {
    has(refused("validateByteRange", "1-256"), "bad byte range");
    has(refused("validateByteRange", "9-1"), "bad byte range");
    has(refused("validateByteRange", "a"), "bad byte range");
    has(refused("validateByteRange", "1,,2"), "empty byte range");
  });
  it("validateUrlEncoding", () => table("validateUrlEncoding", [["", "abc", "0"], ["", "a%20b", "0"], ["", "a%2", "1"], ["", "%", "1"],
    ["", "a%zz", "1"], ["", "%4a%4B", "0"], ["", "a%%20", "1"], ["", "", "0"], ["", "100%", "1"]]));
  it("validateUtf8Encoding", () => table("validateUtf8Encoding", [["", "abc", "0"], ["", "caf\xc3\xa9", "0"], ["", "\xe2\x82\xac", "0"],
    ["", "\xf0\x9f\x98\x80", "0"], ["", "\xc0\xaf", "1"], ["", "\xe0\x80\xaf", "1"], ["", "\x80", "1"], ["", "\xc3", "1"],
    ["", "\xe2\x82", "1"], ["", "\xc3\x28", "1"], ["", "\xf4\x90\x80\x80", "1"], ["", "\xf8\x88\x80\x80\x80", "1"], ["", "\xff", "1"],
    ["", "\xed\xa0\x80", "0"]]));
});

describe("rx", () => {
  it("matches with DOTALL, RE2 syntax, inline flags", () => table("rx", [["union\\s+select", "1 union  select 2", "1"], ["union\\s+select", "unionselect", "0"],
    ["(?i)<script", "<SCRIPT>", "1"], ["a.b", "a\nb", "1"], ["^abc$", "abc", "1"], ["^abc$", "xabc", "0"], ["", "", "1"], ["\\d{3}", "ab12", "0"]]));
  it("captures TX.0..TX.n", () => {
    const c = new OpContext(); c.capture = true;
    expect(run("rx", "(\\w+)=(\\d+)", "x foo=42 y", c)).toBe(true);
    expect(c.capCount).toBe(3);
    expect(c.capLen[0]).toBe(6); expect(c.capLen[1]).toBe(3); expect(c.capLen[2]).toBe(2);
    expect(c.fragLen).toBe(6);
  });
});

describe("pm / pmFromFile", () => {
  it("pm ignores ASCII case and finds any phrase", () => table("pm", [["sqlmap nikto", "Mozilla SQLMap/1", "1"], ["sqlmap nikto", "curl", "0"],
    ["a  b", "xbx", "1"], ["passwd shadow", "/etc/SHADOW", "1"]]));
  it("pmFromFile reads the pack's inlined data", () => {
    const data = new Map<string, Array<string>>();
    data.set("bad.data", ["# comment", "", " .git/ ", ".env"]);
    const e = new OpError();
    const op = createOperator("pmFromFile", "bad.data", data, e)!;
    expect(e.ok).toBe(true);
    const c = new OpContext();
    const v = bytes("/app/.ENV");
    expect(op.match(v.dataStart, v.length, c)).toBe(true);
    const w = bytes("/app/# comment");
    expect(op.match(w.dataStart, w.length, c)).toBe(false);
  });
});

describe("constant operators", () => {
  it("unconditionalMatch / noMatch", () => {
    table("unconditionalMatch", [["", "", "1"], ["", "x", "1"]]);
    table("noMatch", [["", "", "0"], ["", "x", "0"]]);
  });
});

describe("libinjection operators", () => {
  it("detectSQLi with the fingerprint as capture", () => {
    const c = new OpContext(); c.capture = true;
    expect(run("detectSQLi", "", "1' or '1'='1", c)).toBe(true);
    expect(c.capCount).toBe(1);
    expect(run("detectSQLi", "", "hello world")).toBe(false);
  });
  it("detectXSS", () => table("detectXSS", [["", "<script>alert(1)</script>", "1"], ["", "<svg/onload=alert(1)>", "1"], ["", "hello <b>", "0"]]));
});
