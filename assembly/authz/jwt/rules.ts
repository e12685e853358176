// The `jwt` section of the plugin configuration: Istio RequestAuthentication `jwtRules`, checked
// with JSON paths and compiled once (keys decoded, token locations merged).
//
// {
//   "jwt": {
//     "jwtRules": [{
//       "issuer": "https://issuer.example",            // must equal the token's `iss`
//       "audiences": ["api"],                          // any one of them in `aud`; none: not checked
//       "jwks": "{\"keys\":[...]}",                     // inline JWKS (JSON text), as Istio allows
//       "fromHeaders": [{"name": "authorization", "prefix": "Bearer "}],
//       "fromParams": ["access_token"], "fromCookies": ["session"],
//       "forwardOriginalToken": false,                 // default: the token header is removed
//       "outputPayloadToHeader": "x-jwt-payload",      // base64url payload for the upstream
//       "outputClaimToHeaders": [{"header": "x-jwt-sub", "claim": "sub"}],
//       "spaceDelimitedClaims": ["roles"],             // besides scope / scp / permission
//       "allowHmac": false                              // Bulwark: oct keys (HS256/384/512) only with true
//     }],
//     "clockSkewSeconds": 60,                          // exp / nbf / iat tolerance (Envoy's default)
//     "cache": {"maxEntries": 1024, "maxBytes": 4194304}
//   }
// }
// or, where Envoy's own jwt_authn filter already verified the token (payload_in_metadata set):
// {
//   "jwt": {
//     "fromEnvoyMetadata": {
//       "filterName": "envoy.filters.http.jwt_authn",  // the dynamic metadata namespace (default)
//       "payloadKey": "payload",                        // jwt_authn payload_in_metadata (Istio: "payload",
//                                                       // older Istio: the issuer); a list: first present wins
//       "issuers": ["https://issuer.example"],          // optional: trust only payloads with these `iss`
//       "spaceDelimitedClaims": ["roles"]               // besides scope / scp / permission
//     }
//   }
// }
// With fromEnvoyMetadata the filter verifies nothing itself (no jwtRules, no 401): request.auth.*
// comes from that metadata (./metadata.ts); no metadata, no identity (as Istio). `cache` then
// bounds the identities kept by payload bytes; `clockSkewSeconds` is not used (Envoy checked exp).
// Istio's defaults (istio.io/latest/docs/reference/config/security/jwt/, JWTRule): without any
// fromHeaders/fromParams/fromCookies a rule reads `Authorization: Bearer <token>` and then the
// `access_token` query parameter. `jwksUri` is refused: a filter cannot fetch keys while
// configuring, so the key set must be inline (`jwks`).
import { JValue, JKind } from "../../config/json";
import { Errors, Obj, indexPath, isHttpToken } from "../../config/reader";
import { Jwk, parseJwks } from "./jose/jwk";

export const MAX_RULES = 64;

export namespace LocKind {
  export const Header: i32 = 0;
  export const Param: i32 = 1;
  export const Cookie: i32 = 2;
}

export class TokenLocation {
  kind: i32 = LocKind.Header;
  name: string = "";                       // header names lower case
  nameBytes: ArrayBuffer = new ArrayBuffer(0);
  prefix: ArrayBuffer = new ArrayBuffer(0); // lower case; matched ignoring ASCII case
  same(o: TokenLocation): bool {
    return this.kind == o.kind && this.name == o.name &&
      String.UTF8.decode(this.prefix) == String.UTF8.decode(o.prefix);
  }
}

export class ClaimToHeader {
  header: string = "";
  claim: Array<string> = [];   // "a.b" → ["a", "b"] (nested claims)
}

export class JwtRule {
  issuer: string = "";
  audiences: Array<string> = [];
  keys: Array<Jwk> = [];
  locations: Array<i32> = [];   // indices into JwtConfig.locations
  forwardOriginalToken: bool = false;
  outputPayloadToHeader: string = "";
  outputClaimToHeaders: Array<ClaimToHeader> = [];
  spaceDelimitedClaims: Array<string> = [];
  allowHmac: bool = false;
}

/** `jwt.fromEnvoyMetadata`: trust the payload Envoy's jwt_authn filter put in dynamic metadata. */
export class EnvoyMetadataSource {
  filterName: string = DEFAULT_JWT_FILTER;
  filterNameBytes: ArrayBuffer = String.UTF8.encode(DEFAULT_JWT_FILTER);
  payloadKeys: Array<string> = [];
  payloadKeyBytes: Array<ArrayBuffer> = [];
  issuers: Array<string> = [];            // empty: any issuer Envoy verified
  spaceDelimitedClaims: Array<string> = [];
}

export const DEFAULT_JWT_FILTER = "envoy.filters.http.jwt_authn";
export const MAX_PAYLOAD_KEYS = 16;

export class JwtConfig {
  fromEnvoyMetadata: EnvoyMetadataSource | null = null;
  rules: Array<JwtRule> = [];
  locations: Array<TokenLocation> = [];
  outputHeaders: Array<string> = [];   // every configured output header (stripped from requests)
  clockSkewSeconds: f64 = 60;
  cacheMaxEntries: i32 = 1024;
  cacheMaxBytes: i32 = 4 << 20;
}

const JWT_KEYS = ["jwtRules", "clockSkewSeconds", "cache", "fromEnvoyMetadata"];
const META_KEYS = ["filterName", "payloadKey", "issuers", "spaceDelimitedClaims"];
const CACHE_KEYS = ["maxEntries", "maxBytes"];
const RULE_KEYS = ["issuer", "audiences", "jwks", "jwksUri", "fromHeaders", "fromParams", "fromCookies",
  "forwardOriginalToken", "outputPayloadToHeader", "outputClaimToHeaders", "spaceDelimitedClaims", "allowHmac", "timeout"];
const FROM_HEADER_KEYS = ["name", "prefix"];
const CLAIM_HEADER_KEYS = ["header", "claim"];


function addLocation(cfg: JwtConfig, rule: JwtRule, loc: TokenLocation): void {
  for (let i = 0; i < cfg.locations.length; i++) {
    if (cfg.locations[i].same(loc)) { if (!rule.locations.includes(i)) rule.locations.push(i); return; }
  }
  cfg.locations.push(loc);
  rule.locations.push(cfg.locations.length - 1);
}

function loc(kind: i32, name: string, prefix: string): TokenLocation {
  const l = new TokenLocation();
  l.kind = kind;
  l.name = kind == LocKind.Header ? name.toLowerCase() : name;
  l.nameBytes = String.UTF8.encode(l.name);
  l.prefix = String.UTF8.encode(prefix.toLowerCase());
  return l;
}

function parseRule(v: JValue, path: string, cfg: JwtConfig, errs: Errors): JwtRule | null {
  const o = Obj.of(v, path, errs, RULE_KEYS);
  if (o == null) return null;
  const r = new JwtRule();
  r.issuer = o.str("issuer", "", true);
  if (o.has("issuer") && r.issuer.length == 0) errs.add(o.at("issuer"), "must not be empty");
  r.audiences = o.strs("audiences");
  r.allowHmac = o.bool("allowHmac");
  if (o.has("jwksUri")) errs.add(o.at("jwksUri"), "keys cannot be fetched from inside the filter; put the key set inline in \"jwks\"");
  const jwks = o.str("jwks", "", !o.has("jwksUri"));
  if (o.has("jwks")) r.keys = parseJwks(jwks, o.at("jwks"), errs, r.allowHmac);
  o.str("timeout");
  const hs = o.arr("fromHeaders");
  for (let i = 0; i < hs.length; i++) {
    const hp = indexPath(o.at("fromHeaders"), i);
    const h = Obj.of(hs[i], hp, errs, FROM_HEADER_KEYS);
    if (h == null) continue;
    const name = h.str("name", "", true);
    if (h.has("name") && !isHttpToken(name)) errs.add(h.at("name"), "not a header name: '" + name + "'");
    addLocation(cfg, r, loc(LocKind.Header, name, h.str("prefix")));
  }
  const ps = o.strs("fromParams");
  for (let i = 0; i < ps.length; i++) {
    if (ps[i].length == 0) errs.add(indexPath(o.at("fromParams"), i), "must not be empty");
    addLocation(cfg, r, loc(LocKind.Param, ps[i], ""));
  }
  const cs = o.strs("fromCookies");
  for (let i = 0; i < cs.length; i++) {
    if (!isHttpToken(cs[i])) errs.add(indexPath(o.at("fromCookies"), i), "not a cookie name: '" + cs[i] + "'");
    addLocation(cfg, r, loc(LocKind.Cookie, cs[i], ""));
  }
  if (!o.has("fromHeaders") && !o.has("fromParams") && !o.has("fromCookies")) {
    addLocation(cfg, r, loc(LocKind.Header, "authorization", "Bearer "));
    addLocation(cfg, r, loc(LocKind.Param, "access_token", ""));
  }
  r.forwardOriginalToken = o.bool("forwardOriginalToken");
  r.outputPayloadToHeader = o.str("outputPayloadToHeader").toLowerCase();
  if (o.has("outputPayloadToHeader")) {
    if (!isHttpToken(r.outputPayloadToHeader)) errs.add(o.at("outputPayloadToHeader"), "not a header name: '" + r.outputPayloadToHeader + "'");
    else if (!cfg.outputHeaders.includes(r.outputPayloadToHeader)) cfg.outputHeaders.push(r.outputPayloadToHeader);
  }
  const chs = o.arr("outputClaimToHeaders");
  for (let i = 0; i < chs.length; i++) {
    const cp = indexPath(o.at("outputClaimToHeaders"), i);
    const c = Obj.of(chs[i], cp, errs, CLAIM_HEADER_KEYS);
    if (c == null) continue;
    const ch = new ClaimToHeader();
    ch.header = c.str("header", "", true).toLowerCase();
    if (c.has("header") && !isHttpToken(ch.header)) errs.add(c.at("header"), "not a header name: '" + ch.header + "'");
    const claim = c.str("claim", "", true);
    if (c.has("claim") && claim.length == 0) errs.add(c.at("claim"), "must not be empty");
    ch.claim = claim.split(".");
    if (ch.header.length && !cfg.outputHeaders.includes(ch.header)) cfg.outputHeaders.push(ch.header);
    r.outputClaimToHeaders.push(ch);
  }
  r.spaceDelimitedClaims = o.strs("spaceDelimitedClaims");
  return r;
}

function parseMetadataSource(o: Obj, errs: Errors): EnvoyMetadataSource | null {
  const m = o.obj("fromEnvoyMetadata", META_KEYS);
  if (m == null) return null;
  const src = new EnvoyMetadataSource();
  if (m.has("filterName")) {
    src.filterName = m.str("filterName", DEFAULT_JWT_FILTER);
    if (src.filterName.length == 0) errs.add(m.at("filterName"), "must not be empty");
    src.filterNameBytes = String.UTF8.encode(src.filterName);
  }
  const pk = m.v.get("payloadKey");
  if (pk == null) errs.add(m.at("payloadKey"), "required (the jwt_authn provider's payload_in_metadata name, e.g. \"payload\")");
  else if (pk.kind == JKind.Str) src.payloadKeys.push(pk.s);
  else if (pk.kind == JKind.Arr) {
    src.payloadKeys = m.strs("payloadKey");
    if (pk.arr.length == 0) errs.add(m.at("payloadKey"), "must not be empty");
    if (pk.arr.length > MAX_PAYLOAD_KEYS) errs.add(m.at("payloadKey"), "more than " + MAX_PAYLOAD_KEYS.toString() + " keys");
  } else errs.add(m.at("payloadKey"), "expected a string or an array of strings, got " + pk.kindName());
  for (let i = 0; i < src.payloadKeys.length; i++) {
    if (src.payloadKeys[i].length == 0) errs.add(pk != null && pk.kind == JKind.Arr ? indexPath(m.at("payloadKey"), i) : m.at("payloadKey"), "must not be empty");
    src.payloadKeyBytes.push(String.UTF8.encode(src.payloadKeys[i]));
  }
  src.issuers = m.strs("issuers", false, true);
  for (let i = 0; i < src.issuers.length; i++) if (src.issuers[i].length == 0) errs.add(indexPath(m.at("issuers"), i), "must not be empty");
  src.spaceDelimitedClaims = m.strs("spaceDelimitedClaims");
  return src;
}

/** Parses the `jwt` object at `path`. */
export function parseJwtConfig(v: JValue, path: string, errs: Errors): JwtConfig {
  const cfg = new JwtConfig();
  const o = Obj.of(v, path, errs, JWT_KEYS);
  if (o == null) return cfg;
  cfg.fromEnvoyMetadata = parseMetadataSource(o, errs);
  if (cfg.fromEnvoyMetadata != null && o.has("jwtRules")) {
    errs.add(o.at("fromEnvoyMetadata"), "cannot be combined with jwtRules: either Envoy's jwt_authn verifies tokens (fromEnvoyMetadata) or the filter does (jwtRules)");
    return cfg;
  }
  const rules = o.arr("jwtRules", cfg.fromEnvoyMetadata == null);
  if (rules.length > MAX_RULES) errs.add(o.at("jwtRules"), "more than " + MAX_RULES.toString() + " rules");
  for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
    const r = parseRule(rules[i], indexPath(o.at("jwtRules"), i), cfg, errs);
    if (r != null) cfg.rules.push(r);
  }
  cfg.clockSkewSeconds = <f64>o.int("clockSkewSeconds", 60, 0, 3600);
  const c = o.obj("cache", CACHE_KEYS);
  if (c != null) {
    cfg.cacheMaxEntries = <i32>c.int("maxEntries", 1024, 0, 1 << 20);
    cfg.cacheMaxBytes = <i32>c.int("maxBytes", 4 << 20, 0, 1 << 30);
  }
  return cfg;
}
