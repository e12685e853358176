// A request described as JSON, for `bulwark authz explain` (./harness.ts) and the specs:
// { "method": "GET", "path": "/api/x?y=1", "authority": "api.example.com",
//   "headers": [["x-user", "a"], ["x-user", "b"]]   (or { "x-user": "a" } / { "x-user": ["a", "b"] }),
//   "properties": { "source.address": "10.0.0.1:1234", "connection.mtls": true,
//                   "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/a/sa/b",
//                   "destination.port": 8080 },
//   "auth": { "principal": "iss/sub", "audiences": ["a"], "presenter": "p", "claims": { ... } } }
// Property values are encoded as Envoy does: booleans as one byte, numbers as 8-byte integers.
import { JsonParser, JKind, lineCol } from "../config/json";
import { Errors, Obj, indexPath } from "../config/reader";
import { RequestSource, RequestAuth } from "./attributes";

export class JsonRequest extends RequestSource {
  names: Array<string> = [];
  vals: Array<ArrayBuffer> = [];
  propNames: Array<string> = [];
  propVals: Array<ArrayBuffer> = [];
  auth: RequestAuth = new RequestAuth();

  header(lname: string, out: Array<ArrayBuffer>): void {
    for (let i = 0; i < this.names.length; i++) if (this.names[i] == lname) out.push(this.vals[i]);
  }
  property(path: string): ArrayBuffer | null {
    const i = this.propNames.indexOf(path);
    return i < 0 ? null : this.propVals[i];
  }
  add(name: string, value: string): void { this.names.push(name.toLowerCase()); this.vals.push(String.UTF8.encode(value)); }
}

const REQ_KEYS = ["method", "path", "authority", "headers", "properties", "auth"];
const AUTH_KEYS = ["principal", "audiences", "presenter", "claims"];

export function parseJsonRequest(text: string, errs: Errors): JsonRequest {
  const r = new JsonRequest();
  const buf = String.UTF8.encode(text);
  const parser = new JsonParser(buf);
  const root = parser.parse();
  if (root == null) { errs.add("", "invalid JSON at " + lineCol(buf, parser.errorOffset) + ": " + parser.error); return r; }
  const o = Obj.of(root, "", errs, REQ_KEYS);
  if (o == null) return r;
  r.add(":method", o.str("method", "GET"));
  r.add(":path", o.str("path", "/"));
  if (o.has("authority")) r.add(":authority", o.str("authority"));
  const h = root.get("headers");
  if (h != null) {
    if (h.kind == JKind.Arr) {
      for (let i = 0; i < h.arr.length; i++) {
        const p = h.arr[i];
        if (p.kind != JKind.Arr || p.arr.length != 2 || p.arr[0].kind != JKind.Str || p.arr[1].kind != JKind.Str) {
          errs.add(indexPath("headers", i), "expected [name, value]"); continue;
        }
        r.add(p.arr[0].s, p.arr[1].s);
      }
    } else if (h.kind == JKind.Obj) {
      for (let i = 0; i < h.keys.length; i++) {
        const v = h.vals[i];
        if (v.kind == JKind.Str) r.add(h.keys[i], v.s);
        else if (v.kind == JKind.Arr) { for (let k = 0; k < v.arr.length; k++) if (v.arr[k].kind == JKind.Str) r.add(h.keys[i], v.arr[k].s); }
        else errs.add("headers." + h.keys[i], "expected a string or a list of strings");
      }
    } else errs.add("headers", "expected a list of [name, value] pairs or an object");
  }
  const props = root.get("properties");
  if (props != null && props.kind == JKind.Obj) {
    for (let i = 0; i < props.keys.length; i++) {
      const v = props.vals[i];
      let b: ArrayBuffer;
      if (v.kind == JKind.Bool) { b = new ArrayBuffer(1); store<u8>(changetype<usize>(b), v.b ? 1 : 0); }
      else if (v.kind == JKind.Num) { b = new ArrayBuffer(8); store<i64>(changetype<usize>(b), <i64>v.n); }
      else if (v.kind == JKind.Str) b = String.UTF8.encode(v.s);
      else { errs.add("properties." + props.keys[i], "expected a string, number or boolean"); continue; }
      r.propNames.push(props.keys[i]); r.propVals.push(b);
    }
  } else if (props != null) errs.add("properties", "expected an object");
  const ao = o.obj("auth", AUTH_KEYS);
  if (ao != null) {
    const a = r.auth;
    a.authenticated = true;
    a.principal = ao.str("principal");
    a.presenter = ao.str("presenter");
    a.audiences = ao.strs("audiences");
    const claims = root.get("auth")!.get("claims");
    if (claims != null) {
      if (claims.kind != JKind.Obj) errs.add("auth.claims", "expected an object");
      else a.payload = claims;
    }
  }
  return r;
}

