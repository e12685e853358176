// The plugin configuration: what rule authors write, checked with JSON paths, compiled once.
//
// {
//   "debug": false,                      // details of decisions in replies (never on by default)
//   "denyList": [                         // requests refused with 403 before anything else runs
//     { "id": "no-trace", "msg": "TRACE is disabled", "methods": ["TRACE", "TRACK"] },
//     { "id": "no-dotfiles", "pathPrefixes": ["/.git", "/.env"] },
//     { "id": "scanner", "headers": [{ "name": "user-agent", "contains": ["sqlmap", "nikto"] }] }
//   ]
// }
// Within an entry every given condition must hold (AND); within a list any item may (OR).
import { PhraseMatcher } from "../regex/aho";
import { JsonParser, JValue, lineCol } from "./json";
import { Errors, Obj, indexPath, isHttpToken } from "./reader";
import { lowerUtf8, startsWith } from "../util/bytes";
import { KeptBytes } from "../waf/bytes";
import { AuthzConfig, parseAuthz } from "../authz/policy";
import { Waf } from "../waf/engine/rule";
import { parseWaf } from "../waf/engine/parse";
import { JwtConfig, parseJwtConfig } from "../authz/jwt/rules";

export const MAX_DENY_RULES = 1000;

export class HeaderCond {
  name: ArrayBuffer = new ArrayBuffer(0); // lower case
  equals: Array<ArrayBuffer> = [];        // lower case, matched ignoring ASCII case
  present: bool = false;                  // no value list: the header being present is enough
  /** the `contains` list, matched ignoring ASCII case: one automaton, one pass per header value */
  containsAny: PhraseMatcher | null = null;
  /** the last value the contains list was not found in (filter.ts headerMatches: a User-Agent
   *  repeats from request to request) */
  notIn: KeptBytes = new KeptBytes();
}

export class DenyRule {
  id: string = "";
  msg: string = "";
  methods: Array<ArrayBuffer> = [];
  pathPrefixes: Array<ArrayBuffer> = [];
  /** the bytes the prefixes have after their '/' (a path whose second byte is none of them
   *  starts with none of them), and whether one is just "/" */
  prefixSecond: StaticArray<u64> = new StaticArray<u64>(4);
  prefixSlash: bool = false;
  headers: Array<HeaderCond> = [];

  /** Whether the normalised path [p, p+n) starts with one of the prefixes (compared only when
   *  its second byte is one of theirs). */
  pathStartsWithPrefix(p: usize, n: i32): bool {
    if (!this.prefixSlash) {
      if (n < 2) return false;
      const b = <u32>load<u8>(p + 1);
      if ((unchecked(this.prefixSecond[b >> 6]) & ((<u64>1) << (<u64>(b & 63)))) == 0) return false;
    }
    for (let k = 0; k < this.pathPrefixes.length; k++) if (startsWith(p, n, this.pathPrefixes[k])) return true;
    return false;
  }
}

export class Config {
  debug: bool = false;
  denyList: Array<DenyRule> = [];
  authz: AuthzConfig = new AuthzConfig(); // Istio AuthorizationPolicies (assembly/authz/policy.ts)
  waf: Waf | null = null;                 // WAF engine settings and rule packs (assembly/waf/engine/parse.ts)
  jwt: JwtConfig | null = null;           // end-user JWTs, Istio RequestAuthentication (assembly/authz/jwt/rules.ts)
}

const TOP_KEYS = ["$schema", "debug", "denyList", "authz", "waf", "jwt"];
const DENY_KEYS = ["id", "msg", "methods", "pathPrefixes", "headers"];
const HEADER_KEYS = ["name", "contains", "equals"];


function parseDenyRule(v: JValue, path: string, errs: Errors, seen: Set<string>): DenyRule | null {
  const o = Obj.of(v, path, errs, DENY_KEYS);
  if (o == null) return null;
  const r = new DenyRule();
  r.id = o.str("id", "", true);
  if (o.has("id") && r.id.length == 0) errs.add(o.at("id"), "must not be empty");
  if (r.id.length && seen.has(r.id)) errs.add(o.at("id"), "duplicate id '" + r.id + "'");
  seen.add(r.id);
  r.msg = o.str("msg");
  const methods = o.strs("methods", false, true);
  for (let i = 0; i < methods.length; i++) {
    if (!isHttpToken(methods[i])) errs.add(indexPath(o.at("methods"), i), "not an HTTP method token: '" + methods[i] + "'");
    r.methods.push(String.UTF8.encode(methods[i]));
  }
  const prefixes = o.strs("pathPrefixes", false, true);
  for (let i = 0; i < prefixes.length; i++) {
    if (!prefixes[i].startsWith("/")) errs.add(indexPath(o.at("pathPrefixes"), i), "must start with '/'");
    const pb = String.UTF8.encode(prefixes[i]);
    r.pathPrefixes.push(pb);
    if (pb.byteLength < 2) r.prefixSlash = true;
    else { const b = <u32>load<u8>(changetype<usize>(pb) + 1); r.prefixSecond[b >> 6] |= (<u64>1) << (<u64>(b & 63)); }
  }
  const hs = o.arr("headers");
  if (o.has("headers") && hs.length == 0) errs.add(o.at("headers"), "must not be empty");
  for (let i = 0; i < hs.length; i++) {
    const hp = indexPath(o.at("headers"), i);
    const h = Obj.of(hs[i], hp, errs, HEADER_KEYS);
    if (h == null) continue;
    const c = new HeaderCond();
    const name = h.str("name", "", true);
    if (h.has("name") && !isHttpToken(name)) errs.add(h.at("name"), "not a header name: '" + name + "'");
    c.name = lowerUtf8(name);
    const contains = h.strs("contains", false, true);
    if (contains.length) c.containsAny = PhraseMatcher.build(contains);
    const equals = h.strs("equals", false, true);
    for (let k = 0; k < equals.length; k++) c.equals.push(lowerUtf8(equals[k]));
    // no value list: the header being present is enough; so is an empty `contains` string (every
    // value contains it, and the automaton skips empty phrases)
    c.present = (!h.has("contains") && !h.has("equals")) || contains.includes("");
    r.headers.push(c);
  }
  if (!o.has("methods") && !o.has("pathPrefixes") && !o.has("headers")) {
    errs.add(path, "needs at least one of methods, pathPrefixes, headers (an entry without conditions would deny everything)");
  }
  return r;
}

/** Parses and checks a plugin configuration. An empty configuration is the empty object. */
export function loadConfig(buf: ArrayBuffer, errs: Errors): Config {
  const cfg = new Config();
  if (buf.byteLength == 0) return cfg;
  const parser = new JsonParser(buf);
  const root = parser.parse();
  if (root == null) {
    errs.add("", "invalid JSON at " + lineCol(buf, parser.errorOffset) + " (byte " + parser.errorOffset.toString() + "): " + parser.error);
    return cfg;
  }
  const o = Obj.of(root, "", errs, TOP_KEYS);
  if (o == null) return cfg;
  o.str("$schema");
  cfg.debug = o.bool("debug");
  const list = o.arr("denyList");
  if (list.length > MAX_DENY_RULES) errs.add(o.at("denyList"), "more than " + MAX_DENY_RULES.toString() + " entries");
  const seen = new Set<string>();
  for (let i = 0; i < list.length && i < MAX_DENY_RULES; i++) {
    const r = parseDenyRule(list[i], indexPath(o.at("denyList"), i), errs, seen);
    if (r != null) cfg.denyList.push(r);
  }
  const waf = root.get("waf");
  if (waf != null) cfg.waf = parseWaf(waf, o.at("waf"), errs);
  const authz = root.get("authz");
  if (authz != null) cfg.authz = parseAuthz(authz, o.at("authz"), errs);
  const jwt = root.get("jwt");
  if (jwt != null) cfg.jwt = parseJwtConfig(jwt, o.at("jwt"), errs);
  return cfg;
}
