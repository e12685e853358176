// What authorization knows about one request: Istio's attributes, gathered once per request.
//
// `RequestAuth` is the end-user credential as the JWT layer (assembly/authz/jwt/) verified it:
// Istio's request.auth.principal ("<iss>/<sub>"), request.auth.audiences (`aud`),
// request.auth.presenter (`azp`) and request.auth.claims[...] (the payload). Until that layer fills
// it, it is empty: no identity, which is Istio's behaviour for a request without a token (positive
// matches on request.auth.* fail, not* matches hold).
// `RequestSource` is where the raw request comes from: the proxy-wasm host in the filter
// (./gather.ts), a JSON request in the explain harness (./harness.ts).
// Example: buildAttributes(src, cfg, auth).path is the path policies match.
import { JValue, JKind } from "../config/json";
import { IpAddr, parseHostPort, parseIpPtr } from "./cidr";
import { PeerIdentity, parseSpiffe, remoteAddress } from "./identity";
import { normalizePath, NORM_DECODE_AND_MERGE_SLASHES } from "./normalize";
import { lowerByte } from "../util/bytes";

/** Claims whose string value is a space-delimited list (OAuth 2.0 `scope`), as Istio configures Envoy. */
export const SPACE_DELIMITED_CLAIMS: Array<string> = ["scope", "scp", "permission"];

export class RequestAuth {
  authenticated: bool = false;
  principal: string = "";          // <iss>/<sub>
  audiences: Array<string> = [];   // aud (string or list)
  presenter: string = "";          // azp
  payload: JValue | null = null;   // the verified JWT payload

  /** String values of the claim at `path` (nested objects by name): a string gives one value
   *  (or its space-separated parts for scope-like claims), a list gives its string elements. */
  claimValues(path: Array<string>): Array<string> {
    const out = new Array<string>();
    if (!this.authenticated || this.payload == null) return out;
    let v: JValue | null = this.payload;
    for (let i = 0; i < path.length && v != null; i++) v = v.kind == JKind.Obj ? v.get(path[i]) : null;
    if (v == null) return out;
    if (v.kind == JKind.Str) {
      if (path.length == 1 && SPACE_DELIMITED_CLAIMS.includes(path[0])) {
        const parts = v.s.split(" ");
        for (let i = 0; i < parts.length; i++) if (parts[i].length) out.push(parts[i]);
      } else out.push(v.s);
    } else if (v.kind == JKind.Arr) {
      for (let i = 0; i < v.arr.length; i++) if (v.arr[i].kind == JKind.Str) out.push(v.arr[i].s);
    } else if (v.kind == JKind.Bool) {
      out.push(v.b ? "true" : "false");
    }
    return out;
  }
}

/** Where the request's raw facts come from. */
export abstract class RequestSource {
  /** Appends every value of header `lname` (lower case), in order. */
  abstract header(lname: string, out: Array<ArrayBuffer>): void;
  /** An Envoy attribute ("source.address", "connection.mtls", ...) as bytes, or null. */
  abstract property(path: string): ArrayBuffer | null;
}

export class HeaderValues {
  joined: ArrayBuffer | null = null;       // Envoy: every value joined by ","
  each: Array<ArrayBuffer> = [];
}

export class Attributes {
  method: ArrayBuffer | null = null;
  rawPath: string = "";
  path: ArrayBuffer | null = null;         // normalised per pathNormalization
  strictPath: ArrayBuffer | null = null;   // DECODE_AND_MERGE_SLASHES, when it differs from `path`
  badPath: bool = false;                   // %00: Istio rejects with 400
  host: ArrayBuffer | null = null;         // :authority, lower case
  hostNoPort: ArrayBuffer | null = null;   // the same without ":port"
  destPort: i32 = -1;
  destIp: IpAddr | null = null;
  sourceIp: IpAddr | null = null;
  remoteIp: IpAddr | null = null;
  mtls: bool = false;
  peer: PeerIdentity = new PeerIdentity();
  sni: ArrayBuffer | null = null;
  headers: Array<HeaderValues> = [];       // indexed like AuthzConfig.headerNames
  auth: RequestAuth = new RequestAuth();
  authPrincipal: ArrayBuffer | null = null;
  authPresenter: ArrayBuffer | null = null;
  authAudiences: Array<ArrayBuffer> = [];
}

function lowerCopy(b: ArrayBuffer): ArrayBuffer {
  const o = b.slice(0);
  const p = changetype<usize>(o);
  for (let i = 0; i < o.byteLength; i++) store<u8>(p + i, <u8>lowerByte(load<u8>(p + i)));
  return o;
}

function join(vals: Array<ArrayBuffer>): ArrayBuffer | null {
  if (vals.length == 0) return null;
  if (vals.length == 1) return vals[0];
  let n = vals.length - 1;
  for (let i = 0; i < vals.length; i++) n += vals[i].byteLength;
  const out = new ArrayBuffer(n);
  let o = changetype<usize>(out);
  for (let i = 0; i < vals.length; i++) {
    if (i) { store<u8>(o, 0x2c); o++; }
    memory.copy(o, changetype<usize>(vals[i]), vals[i].byteLength);
    o += vals[i].byteLength;
  }
  return out;
}

function first(src: RequestSource, name: string): ArrayBuffer | null {
  const v = new Array<ArrayBuffer>();
  src.header(name, v);
  return v.length ? v[0] : null;
}

function bytesEqual(a: ArrayBuffer, b: ArrayBuffer): bool {
  return a.byteLength == b.byteLength && memory.compare(changetype<usize>(a), changetype<usize>(b), a.byteLength) == 0;
}

/** Envoy serialises booleans as one byte and integers as 8 little-endian bytes; text is accepted too. */
function propBool(v: ArrayBuffer | null): bool {
  if (v == null || v.byteLength == 0) return false;
  if (v.byteLength == 1) return load<u8>(changetype<usize>(v)) != 0 && load<u8>(changetype<usize>(v)) != 0x30;
  return String.UTF8.decode(v) == "true";
}

function propInt(v: ArrayBuffer | null): i64 {
  if (v == null || v.byteLength == 0) return -1;
  const p = changetype<usize>(v);
  if (v.byteLength == 8) {
    // 8 bytes: an Envoy int64 unless it reads as 8 ASCII digits
    let digits = true;
    for (let i = 0; i < 8; i++) { const c = load<u8>(p + i); if (c < 0x30 || c > 0x39) digits = false; }
    if (!digits) return load<i64>(p);
  }
  let x: i64 = 0;
  for (let i = 0; i < v.byteLength; i++) {
    const c = load<u8>(p + i);
    if (c < 0x30 || c > 0x39 || i > 6) return -1;
    x = x * 10 + <i64>(c - 0x30);
  }
  return x;
}

function portOf(v: ArrayBuffer | null): i32 {
  if (v == null) return -1;
  const p = changetype<usize>(v), n = v.byteLength;
  let i = n - 1;
  while (i >= 0 && load<u8>(p + i) != 0x3a) i--;
  if (i < 0 || i == n - 1) return -1;
  let x = 0;
  for (let k = i + 1; k < n; k++) {
    const c = load<u8>(p + k);
    if (c < 0x30 || c > 0x39 || k - i > 5) return -1;
    x = x * 10 + (c - 0x30);
  }
  return x <= 65535 ? x : -1;
}

/** Gathers every attribute the policies can ask for. */
export function buildAttributes(src: RequestSource, mode: i32, trustedProxies: i32,
                                headerNames: Array<string>, auth: RequestAuth): Attributes {
  const a = new Attributes();
  a.method = first(src, ":method");
  const raw = first(src, ":path");
  const rp: usize = raw == null ? 0 : changetype<usize>(raw);
  const rn: i32 = raw == null ? 0 : raw.byteLength;
  if (raw != null) a.rawPath = String.UTF8.decode(raw);
  a.path = normalizePath(rp, rn, mode);
  if (a.path == null) { a.badPath = true; a.path = new ArrayBuffer(0); }
  else if (mode != NORM_DECODE_AND_MERGE_SLASHES) {
    const strict = normalizePath(rp, rn, NORM_DECODE_AND_MERGE_SLASHES);
    if (strict != null && !bytesEqual(strict, a.path!)) a.strictPath = strict;
  }
  let host = first(src, ":authority");
  if (host == null) host = first(src, "host");
  if (host != null) {
    a.host = lowerCopy(host);
    const hp = changetype<usize>(host);
    let c = host.byteLength - 1;
    while (c >= 0 && load<u8>(hp + c) != 0x3a && load<u8>(hp + c) != 0x5d) c--;
    a.hostNoPort = c >= 0 && load<u8>(hp + c) == 0x3a ? a.host!.slice(0, c) : a.host;
  }
  for (let i = 0; i < headerNames.length; i++) {
    const hv = new HeaderValues();
    src.header(headerNames[i], hv.each);
    hv.joined = join(hv.each);
    a.headers.push(hv);
  }
  const srcAddr = src.property("source.address");
  a.sourceIp = parseHostPort(srcAddr);
  const dstAddr = src.property("destination.address");
  a.destIp = parseHostPort(dstAddr);
  const dp = propInt(src.property("destination.port"));
  a.destPort = dp >= 0 && dp <= 65535 ? <i32>dp : portOf(dstAddr);
  const xffVals = new Array<ArrayBuffer>();
  src.header("x-forwarded-for", xffVals);
  a.remoteIp = remoteAddress(join(xffVals), trustedProxies, a.sourceIp);
  a.mtls = propBool(src.property("connection.mtls"));
  if (a.mtls) {
    const san = src.property("connection.uri_san_peer_certificate");
    if (san != null) a.peer = parseSpiffe(String.UTF8.decode(san));
  }
  const sni = src.property("connection.requested_server_name");
  if (sni != null && sni.byteLength > 0) a.sni = sni;
  a.auth = auth;
  if (auth.authenticated) {
    if (auth.principal.length) a.authPrincipal = String.UTF8.encode(auth.principal);
    if (auth.presenter.length) a.authPresenter = String.UTF8.encode(auth.presenter);
    for (let i = 0; i < auth.audiences.length; i++) a.authAudiences.push(String.UTF8.encode(auth.audiences[i]));
  }
  return a;
}

export function ipString(ip: IpAddr | null): string { return ip == null ? "(none)" : ip.toString(); }
export function bufString(b: ArrayBuffer | null): string { return b == null ? "(none)" : String.UTF8.decode(b); }
export { parseIpPtr };
