import { body, flag, err, repeat } from "./util";

describe("urlencoded", () => {
  it("splits pairs and decodes", () => {
    expect(body(0, "a=1&b=x%20y+z")).toBe("A\ta\t1\nA\tb\tx y z\n");
    expect(body(0, "a&&b=&=v&c=1=2")).toBe("A\ta\t\nA\tb\t\nA\t\tv\nA\tc\t1=2\n");
    expect(body(0, "")).toBe("");
    expect(body(0, "n%41me=%c3%a9")).toBe("A\tnAme\t\xc3\xa9\n".replaceAll("\xc3\xa9", "é"));
  });
  it("keeps invalid escapes and flags URLENCODED_ERROR", () => {
    const o = body(0, "%zz=1&b=%4");
    expect(o).toBe("A\t%zz\t1\nA\tb\t%4\nG\tURLENCODED_ERROR\t1\n");
  });
  it("enforces maxArgs with an error, not a trap", () => {
    const o = body(0, "a=1&b=2&c=3", 2 << 16);
    expect(err(o)).toBe("URLENCODED: too many arguments (limit 2)");
    expect(o.startsWith("A\ta\t1\nA\tb\t2\n")).toBe(true);
  });
});

describe("JSON", () => {
  it("flattens with Coraza names", () => {
    expect(body(1, "{\"a\":{\"b\":1},\"c\":[true,null,\"x\"]}")).toBe(
      "A\tjson.a.b\t1\nA\tjson.c.0\ttrue\nA\tjson.c.1\t\nA\tjson.c.2\tx\nA\tjson.c\t3\n");
    expect(body(1, "[{\"a\":1},[2]]")).toBe("A\tjson.0.a\t1\nA\tjson.1.0\t2\nA\tjson.1\t1\nA\tjson\t2\n");
    expect(body(1, " {\"x\" : -1.5e+3 , \"y\":false} ")).toBe("A\tjson.x\t-1.5e+3\nA\tjson.y\tfalse\n");
    expect(body(1, "{}")).toBe("");
    expect(body(1, "[]")).toBe("");
    expect(body(1, "{\"a\":[],\"b\":{}}")).toBe("");
    expect(body(1, "\"top\"")).toBe("");
  });
  it("flattens with ModSecurity v3 names", () => {
    expect(body(1, "{\"a\":{\"b\":1},\"c\":[true,\"x\"]}", 1)).toBe("A\tjson.a.b\t1\nA\tjson.c.array_0\ttrue\nA\tjson.c.array_1\tx\n");
  });
  it("decodes string escapes", () => {
    expect(body(1, "{\"k\\n\":\"\\u0041\\ud83d\\ude00\\/\\\"\"}")).toBe("A\tjson.k\\n\tA😀/\"\n");
    expect(body(1, "[\"\\ud800x\"]")).toBe("A\tjson.0\t\uFFFDx\nA\tjson\t1\n");
  });
  it("rejects malformed input with REQBODY_ERROR", () => {
    expect(err(body(1, ""))).toBe("JSON: empty body");
    expect(err(body(1, "{\"a\":1"))).toBe("JSON: unexpected end of input");
    expect(err(body(1, "{\"a\":"))).toBe("JSON: unexpected end of input");
    expect(err(body(1, "{\"a"))).toBe("JSON: unterminated string at offset 1");
    expect(err(body(1, "{\"a\":}"))).toBe("JSON: unexpected character at offset 5");
    expect(err(body(1, "{\"a\":\"\\q\"}"))).toBe("JSON: bad escape at offset 6");
    expect(err(body(1, "{\"a\":\"\\u12\"}"))).toBe("JSON: bad escape at offset 6");
    expect(err(body(1, "{\"a\":\"\\u12zz\"}"))).toBe("JSON: bad \\u escape at offset 6");
    expect(err(body(1, "{\"a\":\"x\ny\"}"))).toBe("JSON: control character in string at offset 7");
    expect(err(body(1, "{} x"))).toBe("JSON: trailing data at offset 3");
    expect(err(body(1, "[1,]"))).toBe("JSON: unexpected character at offset 3");
    expect(err(body(1, "{\"a\" 1}"))).toBe("JSON: expected ':' at offset 5");
    expect(err(body(1, "{1:2}"))).toBe("JSON: expected a key at offset 1");
    expect(err(body(1, "[1 2]"))).toBe("JSON: expected ',' or ']' at offset 3");
    expect(err(body(1, "01"))).toBe("JSON: trailing data at offset 1");
    expect(err(body(1, "[tru]"))).toBe("JSON: bad literal at offset 1");
    expect(err(body(1, "[1.]"))).toBe("JSON: bad number at offset 1");
    expect(err(body(1, "[-]"))).toBe("JSON: unexpected character at offset 1");
  });
  it("keeps what came before an error (best-effort inspection)", () => {
    expect(body(1, "{\"a\":\"x\",\"b\":")).toBe("A\tjson.a\tx\nE\tJSON: unexpected end of input\n");
  });
  it("limits depth without recursion", () => {
    expect(err(body(1, repeat("[", 600) + repeat("]", 600)))).toBe("JSON: nesting deeper than 512");
    expect(err(body(1, repeat("[", 20000)))).toBe("JSON: nesting deeper than 512");
    expect(err(body(1, "[[[[1]]]]", 4 << 8))).toBe("");
    expect(err(body(1, "[[[[[1]]]]]", 4 << 8))).toBe("JSON: nesting deeper than 4");
    expect(err(body(1, repeat("{\"a\":", 600) + "1" + repeat("}", 600)))).toBe("JSON: nesting deeper than 512");
  });
  it("limits argument count", () => {
    expect(err(body(1, "[1,2,3]", 2 << 16))).toBe("JSON: too many arguments (limit 2)");
  });
});
