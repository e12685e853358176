// End-user authentication of one request: Istio RequestAuthentication semantics, verified here.
//
// Semantics (istio.io/latest/docs/reference/config/security/request_authentication/ and Envoy's
// jwt_authn filter, which Istio configures with `allow_missing` requirements):
//   - the token is looked for in every location any rule names (header with prefix, query
//     parameter, cookie); no token anywhere → NoToken: the request goes on with no identity
//     (an AuthorizationPolicy may then require one);
//   - more than one distinct token → Invalid ("multiple tokens": Istio does not define which
//     one would win, so we refuse rather than guess);
//   - the token's `iss` picks the rule(s) (Envoy's extractor matches tokens to providers by
//     issuer); the token must have been found in a location that rule reads; an issuer no rule
//     names → Invalid;
//   - exp / nbf / iat checked with the configured skew (60 s, Envoy's clock_skew_seconds default):
//     now > exp + skew → expired; now + skew < nbf → not yet valid; now + skew < iat → issued in
//     the future; a present but non-numeric exp/nbf/iat → Invalid;
//   - audiences: when the rule lists some, one `aud` value (string or array) must be among them,
//     compared as Envoy's jwt_verify_lib does (scheme "http://"/"https://" and one trailing "/"
//     ignored);
//   - signature by the rule's JWKS (see jose/jws.ts for alg/key matching);
//   - success → RequestAuth: principal "<iss>/<sub>", audiences, presenter (`azp`), claims
//     (the payload; `spaceDelimitedClaims` strings split into lists), plus output headers
//     (`outputPayloadToHeader`: the payload segment as sent, base64url; `outputClaimToHeaders`:
//     string / integer / boolean claims) and, unless `forwardOriginalToken`, removal of the header
//     that carried the token (Envoy `forward: false`; tokens in query parameters stay).
//   - configured output header names are removed from every request first, so a client cannot
//     forge `x-jwt-*` headers on a request without a token (stricter than Envoy, on purpose).
// Time comes from the host clock (proxy_get_current_time_nanoseconds), passed in as `now` (s).
// Example: const r = authn.authenticate(headerMap, nowNanos() / 1e9); if (r.status == AuthnStatus.Invalid) → 401
import { JsonParser, JValue, JKind } from "../../config/json";
import { HeaderMap } from "../../host/headers";
import { RequestAuth, SPACE_DELIMITED_CLAIMS } from "../attributes";
import { lowerByte } from "../../util/bytes";
import { sha256 } from "./crypto/sha256";
import { Jws, JwsError, jwsErrorText, MAX_TOKEN_BYTES } from "./jose/jws";
import { JwtConfig, JwtRule, LocKind, TokenLocation } from "./rules";
import { TokenCache, CacheEntry, NO_EXP_TTL } from "./cache";

export namespace AuthnStatus {
  export const NoToken: i32 = 0;
  export const Ok: i32 = 1;
  export const Invalid: i32 = 2;
}

export class AuthnResult {
  status: i32 = AuthnStatus.NoToken;
  reason: string = "";
  auth: RequestAuth = new RequestAuth();
  rule: i32 = -1;
  cached: bool = false;
  removeHeaders: Array<string> = [];
  setHeaders: Array<string> = [];   // name, value, name, value ...
}

class Found {
  constructor(public p: usize, public n: i32, public loc: i32) {}
}

const H_PATH = String.UTF8.encode(":path");
const H_COOKIE = String.UTF8.encode("cookie");
const HASH = memory.data(32);
const NO_AUTH = new RequestAuth();

function invalid(r: AuthnResult, reason: string): AuthnResult {
  r.status = AuthnStatus.Invalid; r.reason = reason; r.auth = NO_AUTH; r.setHeaders = [];
  return r;
}

@inline function isWs(c: u32): bool { return c == 0x20 || c == 0x09; }

function startsWithFold(p: usize, n: i32, lowerPrefix: ArrayBuffer): bool {
  const m = lowerPrefix.byteLength;
  if (n < m) return false;
  const q = changetype<usize>(lowerPrefix);
  for (let i = 0; i < m; i++) if (lowerByte(load<u8>(p + i)) != <u32>load<u8>(q + i)) return false;
  return true;
}

function eqBytes(p: usize, n: i32, b: ArrayBuffer): bool {
  return n == b.byteLength && memory.compare(p, changetype<usize>(b), n) == 0;
}

/** Envoy jwt_verify_lib audience normalisation: no scheme, no trailing '/'. */
function normAud(s: string): string {
  let t = s;
  if (t.startsWith("https://")) t = t.substring(8);
  else if (t.startsWith("http://")) t = t.substring(7);
  if (t.endsWith("/")) t = t.substring(0, t.length - 1);
  return t;
}

function claimAt(payload: JValue, path: Array<string>): JValue | null {
  let v: JValue | null = payload;
  for (let i = 0; i < path.length && v != null; i++) v = v.kind == JKind.Obj ? v.get(path[i]) : null;
  return v;
}

function claimText(v: JValue): string | null {
  if (v.kind == JKind.Str) return v.s;
  if (v.kind == JKind.Bool) return v.b ? "true" : "false";
  if (v.kind == JKind.Num && v.n == Math.floor(v.n) && Math.abs(v.n) < 9.0e15) return (<i64>v.n).toString();
  return null;
}

/** A header value must not carry CR, LF or NUL (they would split or truncate the header). */
function safeHeaderValue(s: string): bool {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c == 0x0d || c == 0x0a || c == 0) return false; }
  return true;
}

/**
 * request.auth.* from a verified payload (here, or by Envoy's jwt_authn, ./metadata.ts): principal
 * "<iss>/<sub>", audiences (`aud` string or list), presenter (`azp`), claims (the payload, with the
 * extra `spaceDelimited` string claims split into lists; scope/scp/permission are split by RequestAuth).
 */
export function authFromPayload(iss: string, payload: JValue, spaceDelimited: Array<string>): RequestAuth {
  const a = new RequestAuth();
  a.authenticated = true;
  const sub = payload.get("sub");
  a.principal = iss + "/" + (sub != null && sub.kind == JKind.Str ? sub.s : "");
  const aud = payload.get("aud");
  if (aud != null) {
    if (aud.kind == JKind.Str) a.audiences.push(aud.s);
    else if (aud.kind == JKind.Arr) for (let i = 0; i < aud.arr.length; i++) if (aud.arr[i].kind == JKind.Str) a.audiences.push(aud.arr[i].s);
  }
  const azp = payload.get("azp");
  if (azp != null && azp.kind == JKind.Str) a.presenter = azp.s;
  for (let i = 0; i < spaceDelimited.length; i++) {
    const name = spaceDelimited[i];
    if (SPACE_DELIMITED_CLAIMS.includes(name)) continue;
    for (let k = 0; k < payload.keys.length; k++) {
      if (payload.keys[k] != name || payload.vals[k].kind != JKind.Str) continue;
      const parts = payload.vals[k].s.split(" ");
      const list = new JValue();
      list.kind = JKind.Arr;
      for (let j = 0; j < parts.length; j++) {
        if (parts[j].length == 0) continue;
        const s = new JValue(); s.kind = JKind.Str; s.s = parts[j]; list.arr.push(s);
      }
      payload.vals[k] = list;
    }
  }
  a.payload = payload;
  return a;
}

export class JwtAuthn {
  cache: TokenCache;
  constructor(public cfg: JwtConfig) {
    this.cache = new TokenCache(cfg.cacheMaxEntries, cfg.cacheMaxBytes);
  }

  /** Collects every token candidate from the configured locations. */
  private extract(h: HeaderMap, out: Array<Found>): void {
    const locs = this.cfg.locations;
    for (let l = 0; l < locs.length; l++) {
      const loc = locs[l];
      if (loc.kind == LocKind.Header) {
        for (let i = h.find(loc.nameBytes); i >= 0; i = h.find(loc.nameBytes, i + 1)) {
          let p = h.valuePtr(i), n = h.valueLen(i);
          if (!startsWithFold(p, n, loc.prefix)) continue;
          p += loc.prefix.byteLength; n -= loc.prefix.byteLength;
          while (n > 0 && isWs(load<u8>(p))) { p++; n--; }
          while (n > 0 && isWs(load<u8>(p + n - 1))) n--;
          if (n > 0) out.push(new Found(p, n, l));
        }
      } else if (loc.kind == LocKind.Param) {
        const pi = h.find(H_PATH);
        if (pi < 0) continue;
        const p = h.valuePtr(pi), n = h.valueLen(pi);
        let q = 0;
        while (q < n && load<u8>(p + q) != 0x3f) q++;
        let i = q + 1;
        while (i < n) {
          let e = i;
          while (e < n && load<u8>(p + e) != 0x26 && load<u8>(p + e) != 0x23) e++;
          let eq = i;
          while (eq < e && load<u8>(p + eq) != 0x3d) eq++;
          if (eq < e && eqBytes(p + i, eq - i, loc.nameBytes) && e - eq - 1 > 0) out.push(new Found(p + eq + 1, e - eq - 1, l));
          if (e < n && load<u8>(p + e) == 0x23) break;
          i = e + 1;
        }
      } else {
        for (let ci = h.find(H_COOKIE); ci >= 0; ci = h.find(H_COOKIE, ci + 1)) {
          const p = h.valuePtr(ci), n = h.valueLen(ci);
          let i = 0;
          while (i < n) {
            while (i < n && isWs(load<u8>(p + i))) i++;
            let e = i;
            while (e < n && load<u8>(p + e) != 0x3b) e++;
            let eq = i;
            while (eq < e && load<u8>(p + eq) != 0x3d) eq++;
            let ve = e;
            while (ve > eq + 1 && isWs(load<u8>(p + ve - 1))) ve--;
            if (eq < e && eqBytes(p + i, eq - i, loc.nameBytes) && ve - eq - 1 > 0) out.push(new Found(p + eq + 1, ve - eq - 1, l));
            i = e + 1;
          }
        }
      }
    }
  }

  authenticate(h: HeaderMap, now: f64): AuthnResult {
    const r = new AuthnResult();
    r.auth = NO_AUTH;
    const outs = this.cfg.outputHeaders;
    for (let i = 0; i < outs.length; i++) if (h.find(String.UTF8.encode(outs[i])) >= 0) r.removeHeaders.push(outs[i]);
    const found = new Array<Found>();
    this.extract(h, found);
    if (found.length == 0) return r;
    const t = found[0];
    for (let i = 1; i < found.length; i++) {
      const f = found[i];
      if (f.n != t.n || memory.compare(f.p, t.p, t.n) != 0) return invalid(r, "Jwt: more than one token in the request");
    }
    if (t.n > MAX_TOKEN_BYTES) return invalid(r, "Jwt is too long");
    // where the token was seen (the same token may sit in several places)
    const seenAt = new Array<i32>();
    for (let i = 0; i < found.length; i++) if (!seenAt.includes(found[i].loc)) seenAt.push(found[i].loc);
    sha256(t.p, t.n, HASH);
    const hit = this.cache.get(HASH, now);
    if (hit != null) {
      if (this.allowedAt(this.cfg.rules[hit.rule], seenAt)) {
        r.status = AuthnStatus.Ok; r.auth = hit.auth; r.rule = hit.rule; r.cached = true;
        for (let i = 0; i < hit.setHeaders.length; i++) r.setHeaders.push(hit.setHeaders[i]);
        this.strip(r, hit.rule, found);
        return r;
      }
    }
    return this.verifyFresh(r, t, found, seenAt, now);
  }

  private allowedAt(rule: JwtRule, seenAt: Array<i32>): bool {
    for (let i = 0; i < seenAt.length; i++) if (rule.locations.includes(seenAt[i])) return true;
    return false;
  }

  private strip(r: AuthnResult, ruleIdx: i32, found: Array<Found>): void {
    const rule = this.cfg.rules[ruleIdx];
    if (rule.forwardOriginalToken) return;
    for (let i = 0; i < found.length; i++) {
      const loc: TokenLocation = this.cfg.locations[found[i].loc];
      if (loc.kind == LocKind.Header && rule.locations.includes(found[i].loc) && !r.removeHeaders.includes(loc.name)) r.removeHeaders.push(loc.name);
    }
  }

  private verifyFresh(r: AuthnResult, t: Found, found: Array<Found>, seenAt: Array<i32>, now: f64): AuthnResult {
    const jws = new Jws();
    const pe = jws.parse(t.p, t.n);
    if (pe != JwsError.Ok) return invalid(r, jwsErrorText(pe));
    if (jws.payload.length == 0) return invalid(r, "Jwt payload is not a JSON object");
    const parser = new JsonParser(jws.payload.buffer);
    const payload = parser.parse();
    if (payload == null || payload.kind != JKind.Obj) return invalid(r, "Jwt payload is not a JSON object");
    const iss = payload.get("iss");
    if (iss == null || iss.kind != JKind.Str) return invalid(r, "Jwt has no issuer (iss)");
    // time claims (RFC 7519 §4.1.4-6, NumericDate seconds)
    const skew = this.cfg.clockSkewSeconds;
    const exp = payload.get("exp"), nbf = payload.get("nbf"), iat = payload.get("iat");
    if (exp != null && exp.kind != JKind.Num) return invalid(r, "Jwt exp is not a number");
    if (nbf != null && nbf.kind != JKind.Num) return invalid(r, "Jwt nbf is not a number");
    if (iat != null && iat.kind != JKind.Num) return invalid(r, "Jwt iat is not a number");
    if (exp != null && now > exp.n + skew) return invalid(r, "Jwt is expired");
    if (nbf != null && now + skew < nbf.n) return invalid(r, "Jwt not yet valid");
    if (iat != null && now + skew < iat.n) return invalid(r, "Jwt issued in the future");
    // the rules of this issuer that read the place the token came from
    const rules = this.cfg.rules;
    let issuerKnown = false, reason = "";
    for (let ri = 0; ri < rules.length; ri++) {
      const rule = rules[ri];
      if (rule.issuer != iss.s) continue;
      issuerKnown = true;
      if (!this.allowedAt(rule, seenAt)) { reason = "Jwt is not in a location its issuer's rule reads"; continue; }
      if (!this.audienceOk(rule, payload)) { reason = "Audiences in Jwt are not allowed"; continue; }
      const ve = jws.verify(rule.keys);
      if (ve != JwsError.Ok) { reason = jwsErrorText(ve); continue; }
      // accepted by rule ri
      const e = new CacheEntry();
      e.rule = ri;
      this.outputHeaders(rule, payload, t, jws, e.setHeaders); // before buildAuth splits claims
      e.auth = authFromPayload(iss.s, payload, rule.spaceDelimitedClaims);
      e.until = exp != null ? exp.n + skew : now + NO_EXP_TTL;
      e.cost = t.n + 4 * jws.payload.length + 256;
      this.cache.put(HASH, e);
      r.status = AuthnStatus.Ok; r.auth = e.auth; r.rule = ri;
      for (let i = 0; i < e.setHeaders.length; i++) r.setHeaders.push(e.setHeaders[i]);
      this.strip(r, ri, found);
      return r;
    }
    return invalid(r, issuerKnown ? reason : "Jwt issuer is not configured");
  }

  private audienceOk(rule: JwtRule, payload: JValue): bool {
    if (rule.audiences.length == 0) return true;
    const aud = payload.get("aud");
    if (aud == null) return false;
    if (aud.kind == JKind.Str) return this.audIn(rule, aud.s);
    if (aud.kind == JKind.Arr) {
      for (let i = 0; i < aud.arr.length; i++) if (aud.arr[i].kind == JKind.Str && this.audIn(rule, aud.arr[i].s)) return true;
    }
    return false;
  }

  private audIn(rule: JwtRule, a: string): bool {
    const na = normAud(a);
    for (let i = 0; i < rule.audiences.length; i++) if (normAud(rule.audiences[i]) == na) return true;
    return false;
  }

  private outputHeaders(rule: JwtRule, payload: JValue, t: Found, jws: Jws, out: Array<string>): void {
    if (rule.outputPayloadToHeader.length) {
      out.push(rule.outputPayloadToHeader);
      out.push(String.UTF8.decodeUnsafe(t.p + jws.dot1 + 1, jws.dot2 - jws.dot1 - 1));
    }
    for (let i = 0; i < rule.outputClaimToHeaders.length; i++) {
      const c = rule.outputClaimToHeaders[i];
      const v = claimAt(payload, c.claim);
      if (v == null) continue;
      const s = claimText(v);
      if (s == null || !safeHeaderValue(s)) continue;
      out.push(c.header); out.push(s);
    }
  }
}
