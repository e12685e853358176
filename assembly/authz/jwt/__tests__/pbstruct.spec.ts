import { JKind, JValue } from "../../../config/json";
import { Errors } from "../../../config/reader";
import { JsonParser } from "../../../config/json";
import {
  PbStatus, PbSpan, findMapValue, structValueOf, structToJson, pbLastStatus, MAX_DEPTH, MAX_NODES,
} from "../pbstruct";
import { authFromMetadata, MetaStatus } from "../metadata";
import { parseJwtConfig, JwtConfig } from "../rules";
import { TokenCache } from "../cache";

// A test-only protobuf writer (the host's TypeScript encoder is src/host/pbstruct.ts).
class W {
  b: Array<u8> = [];
  varint(v: u64): W {
    while (v >= 0x80) { this.b.push(<u8>((v & 0x7f) | 0x80)); v >>= 7; }
    this.b.push(<u8>v);
    return this;
  }
  tag(num: u32, wire: u32): W { return this.varint((<u64>num << 3) | wire); }
  bytes(num: u32, data: Array<u8>): W { this.tag(num, 2).varint(<u64>data.length); for (let i = 0; i < data.length; i++) this.b.push(data[i]); return this; }
  str(num: u32, s: string): W { return this.bytes(num, utf8(s)); }
  f64(num: u32, x: f64): W {
    this.tag(num, 1);
    const u = reinterpret<u64>(x);
    for (let i = 0; i < 8; i++) this.b.push(<u8>((u >> (<u64>(8 * i))) & 0xff));
    return this;
  }
  buf(): ArrayBuffer {
    const out = new ArrayBuffer(this.b.length);
    for (let i = 0; i < this.b.length; i++) store<u8>(changetype<usize>(out) + i, this.b[i]);
    return out;
  }
}
function utf8(s: string): Array<u8> {
  const e = String.UTF8.encode(s);
  const a = new Array<u8>(e.byteLength);
  for (let i = 0; i < e.byteLength; i++) a[i] = load<u8>(changetype<usize>(e) + i);
  return a;
}
function vStr(s: string): Array<u8> { return new W().str(3, s).b; }
function vNum(x: f64): Array<u8> { return new W().f64(2, x).b; }
function vBool(b: bool): Array<u8> { return new W().tag(4, 0).varint(b ? 1 : 0).b; }
function vNull(): Array<u8> { return new W().tag(1, 0).varint(0).b; }
function vStruct(st: Array<u8>): Array<u8> { return new W().bytes(5, st).b; }
function vList(vals: Array<Array<u8>>): Array<u8> {
  const l = new W();
  for (let i = 0; i < vals.length; i++) l.bytes(1, vals[i]);
  return new W().bytes(6, l.b).b;
}
/** Struct from key/Value pairs */
function struct(keys: Array<string>, vals: Array<Array<u8>>): Array<u8> {
  const w = new W();
  for (let i = 0; i < keys.length; i++) w.bytes(1, new W().str(1, keys[i]).bytes(2, vals[i]).b);
  return w.b;
}
/** Metadata { filter_metadata { ns: { key: struct_value payload } } } */
function metadata(ns: string, key: string, payload: Array<u8>): ArrayBuffer {
  const outer = struct([key], [vStruct(payload)]);
  return new W().bytes(1, new W().str(1, ns).bytes(2, outer).b).buf();
}
function toJson(v: JValue): string {
  if (v.kind == JKind.Null) return "null";
  if (v.kind == JKind.Bool) return v.b ? "true" : "false";
  if (v.kind == JKind.Num) return v.n.toString();
  if (v.kind == JKind.Str) return "\"" + v.s + "\"";
  const parts = new Array<string>();
  if (v.kind == JKind.Arr) { for (let i = 0; i < v.arr.length; i++) parts.push(toJson(v.arr[i])); return "[" + parts.join(",") + "]"; }
  for (let i = 0; i < v.keys.length; i++) parts.push("\"" + v.keys[i] + "\":" + toJson(v.vals[i]));
  return "{" + parts.join(",") + "}";
}
function conv(b: ArrayBuffer): string {
  const v = structToJson(changetype<usize>(b), b.byteLength);
  return v == null ? "status " + pbLastStatus.toString() : toJson(v);
}
function bytesOf(a: Array<u8>): ArrayBuffer { const w = new W(); w.b = a; return w.buf(); }
function cfg(json: string, errs: Errors): JwtConfig {
  const v = new JsonParser(String.UTF8.encode(json)).parse()!;
  return parseJwtConfig(v, "jwt", errs);
}
const NS = "envoy.filters.http.jwt_authn";
const SRC_JSON = "{\"fromEnvoyMetadata\":{\"payloadKey\":[\"payload\",\"https://idp.example\"],\"spaceDelimitedClaims\":[\"roles\"]}}";

describe("Struct / Value / ListValue → JValue", () => {
  it("converts every kind, nested objects and lists", () => {
    const inner = struct(["role"], [vStr("admin")]);
    const st = struct(["s", "n", "t", "f", "z", "o", "l"],
      [vStr("x"), vNum(1.5), vBool(true), vBool(false), vNull(), vStruct(inner), vList([vStr("a"), vNum(2), vList([vBool(true)])])]);
    expect(conv(bytesOf(st))).toBe("{\"s\":\"x\",\"n\":1.5,\"t\":true,\"f\":false,\"z\":null,\"o\":{\"role\":\"admin\"},\"l\":[\"a\",2.0,[true]]}");
  });
  it("empty struct, Value without kind (null), unicode keys and values", () => {
    expect(conv(new ArrayBuffer(0))).toBe("{}");
    expect(conv(bytesOf(struct(["k"], [[]])))).toBe("{\"k\":null}");
    expect(conv(bytesOf(struct(["名前"], [vStr("ünï")])))).toBe("{\"名前\":\"ünï\"}");
  });
  it("keeps protobuf semantics: last map key wins, last oneof wins, unknown fields skipped", () => {
    expect(conv(bytesOf(struct(["a", "a"], [vStr("1"), vStr("2")])))).toBe("{\"a\":\"2\"}");
    const twoKinds = vStr("s").concat(vNum(3));
    expect(conv(bytesOf(struct(["a"], [twoKinds])))).toBe("{\"a\":3.0}");
    const unknown = new W().tag(9, 0).varint(7).str(15, "junk").tag(20, 5).b.concat([1, 2, 3, 4]);
    expect(conv(bytesOf(unknown.concat(struct(["a"], [vStr("x").concat(new W().tag(12, 1).b).concat([0, 0, 0, 0, 0, 0, 0, 0])]))))).toBe("{\"a\":\"x\"}");
  });
  it("reads 10-byte varints and refuses an 11th byte", () => {
    // bool_value written as a maximal varint (1 with 9 continuation bytes)
    const big = new W().tag(4, 0).b.concat([0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(conv(bytesOf(struct(["b"], [big])))).toBe("{\"b\":true}");
    const over = new W().tag(4, 0).b.concat([0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(conv(bytesOf(struct(["b"], [over])))).toBe("status " + PbStatus.Malformed.toString());
  });
});

describe("malformed input gives a status, never a trap", () => {
  it("truncated varints, lengths past the end, bad wire types, field 0, groups", () => {
    const M = "status " + PbStatus.Malformed.toString();
    expect(conv(bytesOf([0x0a]))).toBe(M);                       // tag, no length
    expect(conv(bytesOf([0x0a, 0x05, 0x0a]))).toBe(M);           // length past the end
    expect(conv(bytesOf([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toBe(M); // huge length
    expect(conv(bytesOf([0x08, 0x01]))).toBe(M);                 // fields as a varint
    expect(conv(bytesOf([0x00, 0x00]))).toBe(M);                 // field number 0
    expect(conv(bytesOf([0x0b, 0x0c]))).toBe(M);                 // group start
    expect(conv(bytesOf([0x80]))).toBe(M);                       // truncated tag
    expect(conv(bytesOf(struct(["n"], [new W().tag(2, 0).varint(1).b])))).toBe(M); // number_value as varint
    expect(conv(bytesOf(struct(["n"], [new W().tag(2, 1).b.concat([1, 2, 3])])))).toBe(M); // truncated fixed64
    expect(conv(bytesOf(struct(["s"], [new W().tag(3, 0).varint(1).b])))).toBe(M); // string_value as varint
    expect(conv(bytesOf(new W().bytes(1, new W().tag(1, 0).varint(1).b).b))).toBe(M); // entry key as varint
  });
  it("refuses nesting beyond MAX_DEPTH and more than MAX_NODES values", () => {
    let v = vStr("deep");
    for (let i = 0; i < MAX_DEPTH + 2; i++) v = vList([v]);
    expect(conv(bytesOf(struct(["x"], [v])))).toBe("status " + PbStatus.TooDeep.toString());
    let ok = vStr("d");
    for (let i = 0; i < MAX_DEPTH - 2; i++) ok = vList([ok]);
    const okText = conv(bytesOf(struct(["x"], [ok])));
    expect(okText.startsWith("{\"x\":[[[") && okText.includes("[\"d\"]]") && okText.endsWith("]]}")).toBe(true);
    const many = new Array<Array<u8>>();
    for (let i = 0; i < MAX_NODES + 1; i++) many.push(vBool(true));
    expect(conv(bytesOf(struct(["x"], [vList(many)])))).toBe("status " + PbStatus.TooBig.toString());
  });
  it("pseudo-random garbage never traps", () => {
    let seed: u32 = 12345;
    for (let round = 0; round < 300; round++) {
      const n = <i32>(seed % 64);
      const a = new Array<u8>(n);
      for (let i = 0; i < n; i++) { seed = seed * 1103515245 + 12345; a[i] = <u8>(seed >> 16); }
      const b = bytesOf(a);
      structToJson(changetype<usize>(b), b.byteLength);
      const span = new PbSpan();
      findMapValue(changetype<usize>(b), b.byteLength, 1, String.UTF8.encode("k"), span);
      structValueOf(changetype<usize>(b), b.byteLength, span);
      seed = seed * 1103515245 + 12345;
    }
    expect(true).toBe(true);
  });
});

describe("map lookups", () => {
  it("finds Metadata.filter_metadata[ns] and Struct.fields[key]; Missing otherwise", () => {
    const md = metadata(NS, "payload", struct(["iss"], [vStr("i")]));
    const span = new PbSpan();
    expect(findMapValue(changetype<usize>(md), md.byteLength, 1, String.UTF8.encode(NS), span)).toBe(PbStatus.Ok);
    const sp = span.p, sn = span.n;
    expect(findMapValue(sp, sn, 1, String.UTF8.encode("nope"), span)).toBe(PbStatus.Missing);
    expect(findMapValue(sp, sn, 1, String.UTF8.encode("payload"), span)).toBe(PbStatus.Ok);
    expect(structValueOf(span.p, span.n, span)).toBe(PbStatus.Ok);
    expect(findMapValue(changetype<usize>(md), md.byteLength, 1, String.UTF8.encode("other"), span)).toBe(PbStatus.Missing);
    const s = bytesOf(vStr("x"));
    expect(structValueOf(changetype<usize>(s), s.byteLength, span)).toBe(PbStatus.NotStruct);
  });
});

describe("identity from jwt_authn metadata", () => {
  it("principal, audiences, presenter, claims; space-delimited claims split", () => {
    const errs = new Errors();
    const c = cfg(SRC_JSON, errs);
    expect(errs.list.join("|")).toBe("");
    const payload = struct(["iss", "sub", "aud", "azp", "roles", "group"],
      [vStr("https://idp.example"), vStr("alice"), vList([vStr("api"), vStr("web")]), vStr("cli"), vStr("reader  writer"), vStruct(struct(["name"], [vStr("eng")]))]);
    const md = metadata(NS, "payload", payload);
    const r = authFromMetadata(c.fromEnvoyMetadata!, changetype<usize>(md), md.byteLength);
    expect(r.status).toBe(MetaStatus.Ok);
    const a = r.auth!;
    expect(a.authenticated).toBe(true);
    expect(a.principal).toBe("https://idp.example/alice");
    expect(a.audiences.join(",")).toBe("api,web");
    expect(a.presenter).toBe("cli");
    expect(a.claimValues(["roles"]).join(",")).toBe("reader,writer");
    expect(a.claimValues(["group", "name"]).join(",")).toBe("eng");
  });
  it("a cache returns the same identity for the same payload bytes, and expires it", () => {
    const errs = new Errors();
    const c = cfg(SRC_JSON, errs);
    const cache = new TokenCache(16, 1 << 20);
    const md = metadata(NS, "payload", struct(["iss", "sub"], [vStr("https://idp.example"), vStr("carol")]));
    const r1 = authFromMetadata(c.fromEnvoyMetadata!, changetype<usize>(md), md.byteLength, cache, 1000);
    const r2 = authFromMetadata(c.fromEnvoyMetadata!, changetype<usize>(md), md.byteLength, cache, 1001);
    expect(r1.cached).toBe(false);
    expect(r2.cached).toBe(true);
    expect(r2.auth!.principal).toBe("https://idp.example/carol");
    expect(r2.auth == r1.auth).toBe(true);
    const r3 = authFromMetadata(c.fromEnvoyMetadata!, changetype<usize>(md), md.byteLength, cache, 1000 + 301);
    expect(r3.cached).toBe(false);
    expect(r3.auth!.principal).toBe("https://idp.example/carol");
  });
  it("second configured key (older Istio: the issuer) is read when the first is absent", () => {
    const errs = new Errors();
    const c = cfg(SRC_JSON, errs);
    const md = metadata(NS, "https://idp.example", struct(["iss", "sub"], [vStr("https://idp.example"), vStr("bob")]));
    const r = authFromMetadata(c.fromEnvoyMetadata!, changetype<usize>(md), md.byteLength);
    expect(r.auth!.principal).toBe("https://idp.example/bob");
  });
  it("no identity: empty metadata, other namespace, other key; refused: garbage, no iss, untrusted iss, non-struct", () => {
    const errs = new Errors();
    const c = cfg("{\"fromEnvoyMetadata\":{\"payloadKey\":\"payload\",\"issuers\":[\"good\"]}}", errs);
    expect(errs.list.join("|")).toBe("");
    const src = c.fromEnvoyMetadata!;
    const empty = new ArrayBuffer(0);
    expect(authFromMetadata(src, changetype<usize>(empty), 0).status).toBe(MetaStatus.NoIdentity);
    const other = metadata("istio_authn", "payload", struct(["iss"], [vStr("good")]));
    expect(authFromMetadata(src, changetype<usize>(other), other.byteLength).status).toBe(MetaStatus.NoIdentity);
    const otherKey = metadata(NS, "x", struct(["iss"], [vStr("good")]));
    expect(authFromMetadata(src, changetype<usize>(otherKey), otherKey.byteLength).status).toBe(MetaStatus.NoIdentity);
    const garbage = bytesOf([0x0a, 0x7f, 0x01, 0x02]);
    expect(authFromMetadata(src, changetype<usize>(garbage), garbage.byteLength).status).toBe(MetaStatus.Refused);
    const noIss = metadata(NS, "payload", struct(["sub"], [vStr("x")]));
    expect(authFromMetadata(src, changetype<usize>(noIss), noIss.byteLength).status).toBe(MetaStatus.Refused);
    const bad = metadata(NS, "payload", struct(["iss", "sub"], [vStr("evil"), vStr("x")]));
    const rb = authFromMetadata(src, changetype<usize>(bad), bad.byteLength);
    expect(rb.status).toBe(MetaStatus.Refused);
    expect(rb.reason).toBe("metadata envoy.filters.http.jwt_authn.payload: issuer is not trusted");
    const notStruct = new W().bytes(1, new W().str(1, NS).bytes(2, struct(["payload"], [vStr("eyJ...")])).b).buf();
    expect(authFromMetadata(src, changetype<usize>(notStruct), notStruct.byteLength).status).toBe(MetaStatus.Refused);
  });
});

describe("jwt.fromEnvoyMetadata configuration", () => {
  it("refuses faults with JSON paths", () => {
    const e1 = new Errors();
    cfg("{\"fromEnvoyMetadata\":{}}", e1);
    expect(e1.list.join("|")).toBe("jwt.fromEnvoyMetadata.payloadKey: required (the jwt_authn provider's payload_in_metadata name, e.g. \"payload\")");
    const e2 = new Errors();
    cfg("{\"fromEnvoyMetadata\":{\"payloadKey\":[\"a\",\"\"],\"filterName\":\"\",\"issuers\":[],\"x\":1}}", e2);
    expect(e2.list.join("|")).toBe("jwt.fromEnvoyMetadata.x: unknown key (known keys: filterName, payloadKey, issuers, spaceDelimitedClaims)|jwt.fromEnvoyMetadata.filterName: must not be empty|jwt.fromEnvoyMetadata.payloadKey[1]: must not be empty|jwt.fromEnvoyMetadata.issuers: must not be empty");
    const e3 = new Errors();
    cfg("{\"fromEnvoyMetadata\":{\"payloadKey\":5}}", e3);
    expect(e3.list.join("|")).toBe("jwt.fromEnvoyMetadata.payloadKey: expected a string or an array of strings, got a number");
    const e4 = new Errors();
    cfg("{\"fromEnvoyMetadata\":{\"payloadKey\":\"p\"},\"jwtRules\":[]}", e4);
    expect(e4.list.join("|")).toBe("jwt.fromEnvoyMetadata: cannot be combined with jwtRules: either Envoy's jwt_authn verifies tokens (fromEnvoyMetadata) or the filter does (jwtRules)");
    const e5 = new Errors();
    const c = cfg("{\"fromEnvoyMetadata\":{\"payloadKey\":\"p\"}}", e5);
    expect(e5.ok).toBe(true);
    expect(c.fromEnvoyMetadata!.filterName).toBe(NS);
    const e6 = new Errors();
    cfg("{}", e6);
    expect(e6.list.join("|")).toBe("jwt.jwtRules: required");
  });
});
