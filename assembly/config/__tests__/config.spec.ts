import { loadConfig } from "../model";
import { Errors } from "../reader";
import { JsonParser, JKind } from "../json";

function faults(json: string): Array<string> {
  const errs = new Errors();
  loadConfig(String.UTF8.encode(json), errs);
  return errs.list;
}

describe("JSON parser", () => {
  it("parses nested values, escapes and numbers", () => {
    const v = new JsonParser(String.UTF8.encode('{"a":[1,-2.5e2,true,null,"x\\u00e9\\n"],"b":{}}')).parse()!;
    expect(v.kind).toBe(JKind.Obj);
    const a = v.get("a")!;
    expect(a.arr.length).toBe(5);
    expect(a.arr[1].n).toBe(-250.0);
    expect(a.arr[2].b).toBe(true);
    expect(a.arr[3].kind).toBe(JKind.Null);
    expect(a.arr[4].s).toBe("xé\n");
  });
  it("reports the offset of malformed input", () => {
    const p = new JsonParser(String.UTF8.encode('{"a": [1, 2,, 3]}'));
    expect(p.parse()).toBeNull();
    expect(p.errorOffset).toBe(12);
  });
  it("refuses nesting deeper than the limit without recursing further", () => {
    const p = new JsonParser(String.UTF8.encode("[".repeat(10000)));
    expect(p.parse()).toBeNull();
    expect(p.error.includes("nesting deeper than")).toBe(true, p.error);
  });
  it("refuses duplicate keys", () => {
    const p = new JsonParser(String.UTF8.encode('{"a":1,"a":2}'));
    expect(p.parse()).toBeNull();
    expect(p.error.includes("duplicate key 'a'")).toBe(true, p.error);
  });
  it("refuses trailing garbage and unterminated strings", () => {
    expect(new JsonParser(String.UTF8.encode('{} x')).parse()).toBeNull();
    expect(new JsonParser(String.UTF8.encode('"abc')).parse()).toBeNull();
  });
});

describe("configuration faults carry JSON paths", () => {
  it("accepts the empty configuration and a valid deny list", () => {
    expect(faults("").length).toBe(0);
    expect(faults('{"denyList":[{"id":"a","methods":["TRACE"]},{"id":"b","headers":[{"name":"user-agent","contains":["x"]}]}]}').length).toBe(0);
  });
  it("names an unknown top-level key", () => {
    expect(faults('{"denylist":[]}')[0].includes("denylist: unknown key")).toBe(true, faults('{"denylist":[]}')[0]);
  });
  it("names the index of a wrong-typed list item", () => {
    expect(faults('{"denyList":[{"id":"a","methods":["GET",7]}]}')[0]).toBe("denyList[0].methods[1]: expected a string, got a number");
  });
  it("requires an id and refuses duplicates", () => {
    expect(faults('{"denyList":[{"methods":["GET"]}]}')[0]).toBe("denyList[0].id: required");
    expect(faults('{"denyList":[{"id":"a","methods":["GET"]},{"id":"a","methods":["PUT"]}]}')[0]).toBe("denyList[1].id: duplicate id 'a'");
  });
  it("refuses an entry with no condition (it would deny everything)", () => {
    expect(faults('{"denyList":[{"id":"a"}]}')[0].includes("denyList[0]: needs at least one of")).toBe(true, faults('{"denyList":[{"id":"a"}]}')[0]);
  });
  it("refuses a path prefix without a leading slash and a bad header name", () => {
    expect(faults('{"denyList":[{"id":"a","pathPrefixes":["admin"]}]}')[0]).toBe("denyList[0].pathPrefixes[0]: must start with '/'");
    expect(faults('{"denyList":[{"id":"a","headers":[{"name":"bad name"}]}]}')[0].includes("denyList[0].headers[0].name: not a header name")).toBe(true, faults('{"denyList":[{"id":"a","headers":[{"name":"bad name"}]}]}')[0]);
  });
  it("reports invalid JSON with line and column", () => {
    expect(faults('{\n  "debug": tru\n}')[0].includes("(root): invalid JSON at line 2 column 12")).toBe(true, faults('{\n  "debug": tru\n}')[0]);
  });
  it("refuses a non-object root and wrong types", () => {
    expect(faults("[]")[0]).toBe("(root): expected an object, got an array");
    expect(faults('{"debug":"yes"}')[0]).toBe("debug: expected a boolean, got a string");
  });
});
