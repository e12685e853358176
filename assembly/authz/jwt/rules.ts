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
// Istio's defaults (istio.io/latest/docs/reference/config/security/jwt/, JWTRule): without any
// fromHeaders/fromParams/fromCookies a rule reads `Authorization: Bearer <token>` and then the
// `access_token` query parameter. `jwksUri` is refused: a filter cannot fetch keys while
// configuring, so the key set must be inline (`jwks`).
import { JValue } from "../../config/json";
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

export class JwtConfig {
  rules: Array<JwtRule> = [];
  locations: Array<TokenLocation> = [];
  outputHeaders: Array<string> = [];   // every configured output header (stripped from requests)
  clockSkewSeconds: f64 = 60;
  cacheMaxEntries: i32 = 1024;
  cacheMaxBytes: i32 = 4 << 20;
}

const JWT_KEYS = ["jwtRules", "clockSkewSeconds", "cache"];
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

/** Parses the `jwt` object at `path`. */
export function parseJwtConfig(v: JValue, path: string, errs: Errors): JwtConfig {
  const cfg = new JwtConfig();
  const o = Obj.of(v, path, errs, JWT_KEYS);
  if (o == null) return cfg;
  const rules = o.arr("jwtRules", true);
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
