// What authorization knows about one request: Istio's attributes. Method and path are read up
// front; every other attribute (host properties are host calls) on first use, then kept.
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
import { PeerIdentity, parseSpiffeBytes, remoteAddress } from "./identity";
import { normalizePath, plainPathEnd, NORM_DECODE_AND_MERGE_SLASHES } from "./normalize";
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
  /** The first value of header `lname`, or null. */
  first(lname: string): ArrayBuffer | null {
    const v = new Array<ArrayBuffer>();
    this.header(lname, v);
    return v.length ? v[0] : null;
  }
}

export class HeaderValues {
  joined: ArrayBuffer | null = null;       // Envoy: every value joined by ","
  each: Array<ArrayBuffer> = [];
}

// shared defaults, never written to (no allocation per request for what is not used)
const NO_AUTH = new RequestAuth();
const NO_NAMES = new Array<string>();
const NO_BUFS = new Array<ArrayBuffer>();

// which lazily gathered groups are present (bits of Attributes.have)
const HAVE_HOST: u32 = 1;
const HAVE_SOURCE_IP: u32 = 2;
const HAVE_DEST: u32 = 4;
const HAVE_REMOTE_IP: u32 = 8;
const HAVE_PEER: u32 = 16;
const HAVE_SNI: u32 = 32;
const HAVE_AUTH: u32 = 64;
const HAVE_RAW_PATH: u32 = 128;
const HAVE_MTLS: u32 = 256;

/** The request's attributes. Method and path are read up front (every decision needs the %00
 *  check); everything else is read from the source on first use and kept, so a request pays only
 *  for what the policies it is checked against actually look at (host properties are host calls). */
export class Attributes {
  method: ArrayBuffer | null = null;
  rawPathBuf: ArrayBuffer | null = null;
  path: ArrayBuffer | null = null;         // normalised per pathNormalization
  strictPath: ArrayBuffer | null = null;   // DECODE_AND_MERGE_SLASHES, when it differs from `path`
  badPath: bool = false;                   // %00: Istio rejects with 400
  auth: RequestAuth = NO_AUTH;

  src: RequestSource | null = null;
  trustedProxies: i32 = 0;
  headerNames: Array<string> = NO_NAMES;
  have: u32 = 0;
  _rawPath: string = "";
  _host: ArrayBuffer | null = null;
  _hostNoPort: ArrayBuffer | null = null;
  _destPort: i32 = -1;
  _destIp: IpAddr | null = null;
  _sourceIp: IpAddr | null = null;
  _remoteIp: IpAddr | null = null;
  _mtls: bool = false;
  _peer: PeerIdentity | null = null;
  _sni: ArrayBuffer | null = null;
  _headers: Array<HeaderValues | null> | null = null;   // indexed like AuthzConfig.headerNames
  _authPrincipal: ArrayBuffer | null = null;
  _authPresenter: ArrayBuffer | null = null;
  _authAudiences: Array<ArrayBuffer> = NO_BUFS;

  get rawPath(): string {
    if (!(this.have & HAVE_RAW_PATH)) {
      this.have |= HAVE_RAW_PATH;
      if (this.rawPathBuf != null) this._rawPath = String.UTF8.decode(this.rawPathBuf!);
    }
    return this._rawPath;
  }

  private gatherHost(): void {
    this.have |= HAVE_HOST;
    const src = this.src;
    if (src == null) return;
    let host = first(src, ":authority");
    if (host == null) host = first(src, "host");
    if (host != null) {
      const lh = lowerCopy(host);
      this._host = lh;
      const hp = changetype<usize>(host);
      let c = host.byteLength - 1;
      while (c >= 0 && load<u8>(hp + c) != 0x3a && load<u8>(hp + c) != 0x5d) c--;
      this._hostNoPort = c >= 0 && load<u8>(hp + c) == 0x3a ? lh.slice(0, c) : lh;
    }
  }
  /** :authority (or Host), lower case. */
  get host(): ArrayBuffer | null { if (!(this.have & HAVE_HOST)) this.gatherHost(); return this._host; }
  /** The same without ":port". */
  get hostNoPort(): ArrayBuffer | null { if (!(this.have & HAVE_HOST)) this.gatherHost(); return this._hostNoPort; }

  get sourceIp(): IpAddr | null {
    if (!(this.have & HAVE_SOURCE_IP)) {
      this.have |= HAVE_SOURCE_IP;
      if (this.src != null) this._sourceIp = parseHostPort(this.src!.property("source.address"));
    }
    return this._sourceIp;
  }

  private gatherDest(): void {
    this.have |= HAVE_DEST;
    const src = this.src;
    if (src == null) return;
    const dstAddr = src.property("destination.address");
    this._destIp = parseHostPort(dstAddr);
    const dp = propInt(src.property("destination.port"));
    this._destPort = dp >= 0 && dp <= 65535 ? <i32>dp : portOf(dstAddr);
  }
  get destIp(): IpAddr | null { if (!(this.have & HAVE_DEST)) this.gatherDest(); return this._destIp; }
  get destPort(): i32 { if (!(this.have & HAVE_DEST)) this.gatherDest(); return this._destPort; }

  get remoteIp(): IpAddr | null {
    if (!(this.have & HAVE_REMOTE_IP)) {
      this.have |= HAVE_REMOTE_IP;
      const sip = this.sourceIp;
      if (this.src != null) {
        const xffVals = new Array<ArrayBuffer>();
        this.src!.header("x-forwarded-for", xffVals);
        this._remoteIp = remoteAddress(join(xffVals), this.trustedProxies, sip);
      } else this._remoteIp = sip;
    }
    return this._remoteIp;
  }

  private gatherPeer(): void {
    // Istio's peer identity needs mTLS and a SPIFFE URI SAN. The SAN is read first: without one
    // (plaintext, or TLS without a client certificate) there is no identity and the second host
    // call, connection.mtls, is not needed.
    this.have |= HAVE_PEER;
    const src = this.src;
    if (src != null) {
      const san = src.property("connection.uri_san_peer_certificate");
      if (san != null) {
        const id = parseSpiffeBytes(san);
        if (id.principal != null && this.mtls) this._peer = id;
      }
    }
    if (this._peer == null) this._peer = new PeerIdentity();
  }
  /** connection.mtls. */
  get mtls(): bool {
    if (!(this.have & HAVE_MTLS)) {
      this.have |= HAVE_MTLS;
      if (this.src != null) this._mtls = propBool(this.src!.property("connection.mtls"));
    }
    return this._mtls;
  }
  get peer(): PeerIdentity { if (!(this.have & HAVE_PEER)) this.gatherPeer(); return this._peer!; }

  get sni(): ArrayBuffer | null {
    if (!(this.have & HAVE_SNI)) {
      this.have |= HAVE_SNI;
      if (this.src != null) {
        const sni = this.src!.property("connection.requested_server_name");
        if (sni != null && sni.byteLength > 0) this._sni = sni;
      }
    }
    return this._sni;
  }

  /** Values of the configured header `i` (an index into AuthzConfig.headerNames). */
  header(i: i32): HeaderValues {
    if (this._headers == null) this._headers = new Array<HeaderValues | null>();
    const hs = this._headers!;
    while (hs.length <= i) hs.push(null);
    let hv = hs[i];
    if (hv == null) {
      const v = new HeaderValues();
      if (this.src != null && i < this.headerNames.length) this.src!.header(this.headerNames[i], v.each);
      v.joined = join(v.each);
      hs[i] = v;
      hv = v;
    }
    return hv;
  }

  private gatherAuth(): void {
    this.have |= HAVE_AUTH;
    const auth = this.auth;
    if (auth.authenticated) {
      if (auth.principal.length) this._authPrincipal = String.UTF8.encode(auth.principal);
      if (auth.presenter.length) this._authPresenter = String.UTF8.encode(auth.presenter);
      if (auth.audiences.length) this._authAudiences = new Array<ArrayBuffer>();
      for (let i = 0; i < auth.audiences.length; i++) this._authAudiences.push(String.UTF8.encode(auth.audiences[i]));
    }
  }
  get authPrincipal(): ArrayBuffer | null { if (!(this.have & HAVE_AUTH)) this.gatherAuth(); return this._authPrincipal; }
  get authPresenter(): ArrayBuffer | null { if (!(this.have & HAVE_AUTH)) this.gatherAuth(); return this._authPresenter; }
  get authAudiences(): Array<ArrayBuffer> { if (!(this.have & HAVE_AUTH)) this.gatherAuth(); return this._authAudiences; }
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

function first(src: RequestSource, name: string): ArrayBuffer | null { return src.first(name); }

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

/** Reads method and path (normalised; also fully normalised when `strict` and that differs)
 *  now; every other attribute is read from `src` when a policy first asks for it. `src` must stay
 *  valid while the attributes are in use. */
export function buildAttributes(src: RequestSource, mode: i32, trustedProxies: i32,
                                headerNames: Array<string>, auth: RequestAuth, strict: bool = true): Attributes {
  const a = new Attributes();
  a.src = src;
  a.trustedProxies = trustedProxies;
  a.headerNames = headerNames;
  a.auth = auth;
  a.method = first(src, ":method");
  const raw = first(src, ":path");
  a.rawPathBuf = raw;
  const rp: usize = raw == null ? 0 : changetype<usize>(raw);
  const rn: i32 = raw == null ? 0 : raw.byteLength;
  const plain = plainPathEnd(rp, rn);
  if (plain >= 0) {
    // already normal under every mode: the bytes as received (no %00 possible without '%')
    a.path = plain == rn ? raw : raw!.slice(0, plain);
    return a;
  }
  a.path = normalizePath(rp, rn, mode);
  if (a.path == null) { a.badPath = true; a.path = new ArrayBuffer(0); }
  else if (strict && mode != NORM_DECODE_AND_MERGE_SLASHES) {
    const sp = normalizePath(rp, rn, NORM_DECODE_AND_MERGE_SLASHES);
    if (sp != null && !bytesEqual(sp, a.path!)) a.strictPath = sp;
  }
  return a;
}

export function ipString(ip: IpAddr | null): string { return ip == null ? "(none)" : ip.toString(); }
export function bufString(b: ArrayBuffer | null): string { return b == null ? "(none)" : String.UTF8.decode(b); }
export { parseIpPtr };
