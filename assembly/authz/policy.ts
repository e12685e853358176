// The `authz` configuration section: Istio AuthorizationPolicy specs (plus `name` and `dryRun`),
// parsed with JSON paths for every fault and compiled once at configure time.
//
// "authz": {
//   "pathNormalization": "BASE",     // NONE | BASE | MERGE_SLASHES | DECODE_AND_MERGE_SLASHES
//   "trustedProxies": 0,             // Istio numTrustedProxies / Envoy xff_num_trusted_hops
//   "policies": [ { "name": "deny-admin-delete", "dryRun": false, "action": "DENY",
//                   "rules": [ { "from": [{ "source": { "notRequestPrincipals": ["*"] } }],
//                                "to": [{ "operation": { "methods": ["DELETE"], "paths": ["/api/admin/{**}"] } }] } ] } ]
// }
// Unknown keys are refused (Istio ignores them; we do not), as are Istio features that make no
// sense inside one filter: CUSTOM/`provider` (external authorizers), `selector`/`targetRef(s)`
// (the WasmPlugin's own selector decides where the filter runs).
// `trustDomains`/`notTrustDomains` in `source` are a Bulwark addition (the SPIFFE trust domain).
import { JValue } from "../config/json";
import { Errors, Obj, indexPath } from "../config/reader";
import { StrMatcher } from "./match";
import { PathTemplate, isTemplate } from "./pathtemplate";
import { Cidr, parseCidr } from "./cidr";
import { NORM_NAMES, NORM_BASE } from "./normalize";

export const MAX_POLICIES = 1000;
export const MAX_RULES = 512;
export const MAX_ITEMS = 512;

export const ACTION_ALLOW: i32 = 0;
export const ACTION_DENY: i32 = 1;
export const ACTION_AUDIT: i32 = 2;
export const ACTION_NAMES: Array<string> = ["ALLOW", "DENY", "AUDIT"];

/** A field and its not* twin: positive values (any may match), negative values (none may match). */
export class StrField {
  name: string = "";
  pos: Array<StrMatcher> = [];
  neg: Array<StrMatcher> = [];
  hasPos: bool = false;
  hasNeg: bool = false;
}
export class IpField {
  name: string = "";
  pos: Array<Cidr> = [];
  neg: Array<Cidr> = [];
  hasPos: bool = false;
  hasNeg: bool = false;
}
export class PortField {
  name: string = "";
  pos: Array<i32> = [];
  neg: Array<i32> = [];
  hasPos: bool = false;
  hasNeg: bool = false;
}

export class Source {
  principals: StrField | null = null;
  requestPrincipals: StrField | null = null;
  namespaces: StrField | null = null;
  serviceAccounts: StrField | null = null;
  trustDomains: StrField | null = null;
  ipBlocks: IpField | null = null;
  remoteIpBlocks: IpField | null = null;
}

export class Operation {
  hosts: StrField | null = null;
  ports: PortField | null = null;
  methods: StrField | null = null;
  paths: StrField | null = null;
}

// `when` keys
export const K_HEADER: i32 = 0;
export const K_SOURCE_IP: i32 = 1;
export const K_REMOTE_IP: i32 = 2;
export const K_SOURCE_NAMESPACE: i32 = 3;
export const K_SOURCE_PRINCIPAL: i32 = 4;
export const K_AUTH_PRINCIPAL: i32 = 5;
export const K_AUTH_AUDIENCES: i32 = 6;
export const K_AUTH_PRESENTER: i32 = 7;
export const K_AUTH_CLAIMS: i32 = 8;
export const K_DEST_IP: i32 = 9;
export const K_DEST_PORT: i32 = 10;
export const K_SNI: i32 = 11;

export const WHEN_KEYS = "request.headers[<name>], source.ip, remote.ip, source.namespace, source.principal, " +
  "request.auth.principal, request.auth.audiences, request.auth.presenter, request.auth.claims[<name>]..., " +
  "destination.ip, destination.port, connection.sni";

export class Condition {
  key: string = "";
  kind: i32 = 0;
  header: i32 = -1;                  // index into AuthzConfig.headerNames
  claim: Array<string> = [];         // request.auth.claims[a][b] → ["a", "b"]
  str: StrField | null = null;
  ip: IpField | null = null;
  port: PortField | null = null;
}

export class Rule {
  sources: Array<Source> = [];     // from[].source
  operations: Array<Operation> = []; // to[].operation
  when: Array<Condition> = [];
}

export class Policy {
  name: string = "";
  action: i32 = ACTION_ALLOW;
  dryRun: bool = false;
  rules: Array<Rule> = [];
}

export class AuthzConfig {
  present: bool = false;
  normalization: i32 = NORM_BASE;
  trustedProxies: i32 = 0;
  policies: Array<Policy> = [];
  headerNames: Array<string> = [];   // lower case, referenced by request.headers[...]
  hasDryRun: bool = false;
  hasAudit: bool = false;
  usesPaths: bool = false;
  denies: Array<i32> = [];           // indices of DENY policies, in order
  allows: Array<i32> = [];           // indices of ALLOW policies, in order
  /** When no policy can match a request whose method none of these matches: every rule of every
   *  policy needs a method (each `to` operation lists `methods`), there are no ALLOW policies and
   *  none is dryRun. Then such a request is allowed by default without gathering its attributes
   *  (enforce.ts methodGateAllows). Null when any policy could match whatever the method. */
  methodGate: Array<StrMatcher> | null = null;
}

const AUTHZ_KEYS = ["pathNormalization", "trustedProxies", "policies"];
const POLICY_KEYS = ["name", "dryRun", "action", "rules", "provider", "selector", "targetRef", "targetRefs"];
const RULE_KEYS = ["from", "to", "when"];
const SOURCE_KEYS = ["principals", "notPrincipals", "requestPrincipals", "notRequestPrincipals", "namespaces", "notNamespaces",
  "serviceAccounts", "notServiceAccounts", "ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks",
  "trustDomains", "notTrustDomains"];
const OPERATION_KEYS = ["hosts", "notHosts", "ports", "notPorts", "methods", "notMethods", "paths", "notPaths"];
const CONDITION_KEYS = ["key", "values", "notValues"];

function notName(f: string): string { return "not" + f.charAt(0).toUpperCase() + f.substring(1); }

class Ctx {
  constructor(public errs: Errors, public cfg: AuthzConfig) {}
}

function values(o: Obj, key: string): Array<string> {
  const vs = o.strs(key);
  if (vs.length > MAX_ITEMS) o.errs.add(o.at(key), "more than " + MAX_ITEMS.toString() + " values");
  for (let i = 0; i < vs.length; i++) if (vs[i].length == 0) o.errs.add(indexPath(o.at(key), i), "empty value (Istio refuses empty values)");
  return vs;
}

const KIND_PLAIN: i32 = 0;
const KIND_FOLD: i32 = 1;
const KIND_PATH: i32 = 2;
const KIND_SA: i32 = 3;

function strMatchers(o: Obj, key: string, kind: i32): Array<StrMatcher> {
  const vs = values(o, key);
  const out = new Array<StrMatcher>();
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    const p = indexPath(o.at(key), i);
    if (kind == KIND_PATH) {
      if (isTemplate(v)) {
        const why = PathTemplate.check(v);
        if (why.length) { o.errs.add(p, "invalid path template '" + v + "': " + why); continue; }
        out.push(StrMatcher.template(PathTemplate.compile(v), v));
        continue;
      }
      if (v.includes("{") || v.includes("}")) { o.errs.add(p, "invalid path template '" + v + "': '{' and '}' may only appear as the operators {*} and {**}"); continue; }
    }
    if (kind == KIND_SA) {
      const parts = v.split("/");
      if (parts.length != 2 || parts[0].length == 0 || parts[1].length == 0 || v.includes("*")) {
        o.errs.add(p, "must be '<namespace>/<service account>' without wildcards, got '" + v + "'");
        continue;
      }
    }
    out.push(StrMatcher.parse(v, kind == KIND_FOLD));
  }
  return out;
}

function strField(o: Obj, key: string, kind: i32): StrField | null {
  const nk = notName(key);
  if (!o.has(key) && !o.has(nk)) return null;
  const f = new StrField();
  f.name = key;
  f.hasPos = o.has(key); f.hasNeg = o.has(nk);
  f.pos = strMatchers(o, key, kind);
  f.neg = strMatchers(o, nk, kind);
  return f;
}

function cidrs(o: Obj, key: string): Array<Cidr> {
  const vs = values(o, key);
  const out = new Array<Cidr>();
  for (let i = 0; i < vs.length; i++) {
    const c = parseCidr(vs[i]);
    if (c == null) o.errs.add(indexPath(o.at(key), i), "invalid IP address or CIDR block '" + vs[i] + "'");
    else out.push(c);
  }
  return out;
}

function ipField(o: Obj, key: string): IpField | null {
  const nk = notName(key);
  if (!o.has(key) && !o.has(nk)) return null;
  const f = new IpField();
  f.name = key;
  f.hasPos = o.has(key); f.hasNeg = o.has(nk);
  f.pos = cidrs(o, key);
  f.neg = cidrs(o, nk);
  return f;
}

function ports(o: Obj, key: string): Array<i32> {
  const vs = values(o, key);
  const out = new Array<i32>();
  for (let i = 0; i < vs.length; i++) {
    const s = vs[i];
    let x = 0, ok = s.length > 0 && s.length <= 5;
    for (let k = 0; k < s.length && ok; k++) {
      const c = s.charCodeAt(k);
      if (c < 0x30 || c > 0x39) ok = false; else x = x * 10 + (c - 0x30);
    }
    if (!ok || x > 65535) o.errs.add(indexPath(o.at(key), i), "invalid port '" + s + "' (an integer from 0 to 65535, no wildcards)");
    else out.push(x);
  }
  return out;
}

function portField(o: Obj, key: string): PortField | null {
  const nk = notName(key);
  if (!o.has(key) && !o.has(nk)) return null;
  const f = new PortField();
  f.name = key;
  f.hasPos = o.has(key); f.hasNeg = o.has(nk);
  f.pos = ports(o, key);
  f.neg = ports(o, nk);
  return f;
}

function parseSource(o: Obj): Source {
  const s = new Source();
  s.principals = strField(o, "principals", KIND_PLAIN);
  s.requestPrincipals = strField(o, "requestPrincipals", KIND_PLAIN);
  s.namespaces = strField(o, "namespaces", KIND_PLAIN);
  s.serviceAccounts = strField(o, "serviceAccounts", KIND_SA);
  s.trustDomains = strField(o, "trustDomains", KIND_PLAIN);
  s.ipBlocks = ipField(o, "ipBlocks");
  s.remoteIpBlocks = ipField(o, "remoteIpBlocks");
  if (o.v.keys.length == 0) o.errs.add(o.path, "must not be empty (Istio: `from.source` must not be empty)");
  return s;
}

function parseOperation(o: Obj): Operation {
  const op = new Operation();
  op.hosts = strField(o, "hosts", KIND_FOLD);
  op.ports = portField(o, "ports");
  op.methods = strField(o, "methods", KIND_PLAIN);
  op.paths = strField(o, "paths", KIND_PATH);
  if (o.v.keys.length == 0) o.errs.add(o.path, "must not be empty (Istio: `to.operation` must not be empty)");
  return op;
}

/** Parses "request.auth.claims[a][b]" style brackets after `prefix`; null when malformed. */
function brackets(key: string, prefix: string): Array<string> | null {
  let rest = key.substring(prefix.length);
  const out = new Array<string>();
  while (rest.length) {
    if (!rest.startsWith("[")) return null;
    const close = rest.indexOf("]");
    if (close <= 1) return null;
    const name = rest.substring(1, close);
    if (name.includes("[")) return null;
    out.push(name);
    rest = rest.substring(close + 1);
  }
  return out.length ? out : null;
}

function parseCondition(o: Obj, ctx: Ctx): Condition | null {
  const c = new Condition();
  const key = o.str("key", "", true);
  c.key = key;
  if (!o.has("values") && !o.has("notValues")) o.errs.add(o.path, "needs `values` or `notValues` (Istio: at least one of values or notValues must be set)");
  if (!o.has("key")) return null;
  const kp = o.at("key");
  let kind = -1;
  if (key.startsWith("request.headers")) {
    const b = brackets(key, "request.headers");
    if (b == null || b.length != 1) { o.errs.add(kp, "malformed header key '" + key + "': expected request.headers[<name>]"); return null; }
    const name = b[0].toLowerCase();
    let idx = ctx.cfg.headerNames.indexOf(name);
    if (idx < 0) { idx = ctx.cfg.headerNames.length; ctx.cfg.headerNames.push(name); }
    c.header = idx;
    kind = K_HEADER;
  } else if (key.startsWith("request.auth.claims")) {
    const b = brackets(key, "request.auth.claims");
    if (b == null) { o.errs.add(kp, "malformed claim key '" + key + "': expected request.auth.claims[<name>] or nested request.auth.claims[<a>][<b>]"); return null; }
    c.claim = b;
    kind = K_AUTH_CLAIMS;
  }
  else if (key == "source.ip") kind = K_SOURCE_IP;
  else if (key == "remote.ip") kind = K_REMOTE_IP;
  else if (key == "source.namespace") kind = K_SOURCE_NAMESPACE;
  else if (key == "source.principal") kind = K_SOURCE_PRINCIPAL;
  else if (key == "request.auth.principal") kind = K_AUTH_PRINCIPAL;
  else if (key == "request.auth.audiences") kind = K_AUTH_AUDIENCES;
  else if (key == "request.auth.presenter") kind = K_AUTH_PRESENTER;
  else if (key == "destination.ip") kind = K_DEST_IP;
  else if (key == "destination.port") kind = K_DEST_PORT;
  else if (key == "connection.sni") kind = K_SNI;
  else if (key.startsWith("experimental.envoy.filters.")) {
    o.errs.add(kp, "'" + key + "': Envoy filter metadata conditions are not supported");
    return null;
  } else {
    o.errs.add(kp, "unknown condition key '" + key + "' (Istio defines: " + WHEN_KEYS + ")");
    return null;
  }
  c.kind = kind;
  if (kind == K_SOURCE_IP || kind == K_REMOTE_IP || kind == K_DEST_IP) {
    const f = new IpField();
    f.name = key; f.hasPos = o.has("values"); f.hasNeg = o.has("notValues");
    f.pos = cidrs(o, "values"); f.neg = cidrs(o, "notValues");
    c.ip = f;
  } else if (kind == K_DEST_PORT) {
    const f = new PortField();
    f.name = key; f.hasPos = o.has("values"); f.hasNeg = o.has("notValues");
    f.pos = ports(o, "values"); f.neg = ports(o, "notValues");
    c.port = f;
  } else {
    const f = new StrField();
    f.name = key; f.hasPos = o.has("values"); f.hasNeg = o.has("notValues");
    f.pos = strMatchers(o, "values", KIND_PLAIN); f.neg = strMatchers(o, "notValues", KIND_PLAIN);
    c.str = f;
  }
  return c;
}

function parseRule(v: JValue, path: string, ctx: Ctx): Rule | null {
  const o = Obj.of(v, path, ctx.errs, RULE_KEYS);
  if (o == null) return null;
  const r = new Rule();
  const from = o.arr("from");
  for (let i = 0; i < from.length && i < MAX_ITEMS; i++) {
    const fp = indexPath(o.at("from"), i);
    const fo = Obj.of(from[i], fp, ctx.errs, ["source"]);
    if (fo == null) continue;
    const so = fo.obj("source", SOURCE_KEYS, true);
    if (so != null) r.sources.push(parseSource(so));
  }
  const to = o.arr("to");
  for (let i = 0; i < to.length && i < MAX_ITEMS; i++) {
    const tp = indexPath(o.at("to"), i);
    const too = Obj.of(to[i], tp, ctx.errs, ["operation"]);
    if (too == null) continue;
    const oo = too.obj("operation", OPERATION_KEYS, true);
    if (oo != null) r.operations.push(parseOperation(oo));
  }
  const when = o.arr("when");
  for (let i = 0; i < when.length && i < MAX_ITEMS; i++) {
    const co = Obj.of(when[i], indexPath(o.at("when"), i), ctx.errs, CONDITION_KEYS);
    if (co == null) continue;
    const c = parseCondition(co, ctx);
    if (c != null) r.when.push(c);
  }
  if (from.length > MAX_ITEMS || to.length > MAX_ITEMS || when.length > MAX_ITEMS) ctx.errs.add(path, "more than " + MAX_ITEMS.toString() + " from/to/when entries");
  return r;
}

function parsePolicy(v: JValue, path: string, ctx: Ctx, seen: Set<string>): Policy | null {
  const o = Obj.of(v, path, ctx.errs, POLICY_KEYS);
  if (o == null) return null;
  const p = new Policy();
  p.name = o.str("name", "", true);
  if (o.has("name") && p.name.length == 0) ctx.errs.add(o.at("name"), "must not be empty");
  if (p.name.length && seen.has(p.name)) ctx.errs.add(o.at("name"), "duplicate policy name '" + p.name + "'");
  seen.add(p.name);
  p.dryRun = o.bool("dryRun");
  const action = o.str("action", "ALLOW");
  if (action == "CUSTOM") ctx.errs.add(o.at("action"), "CUSTOM (an external authorizer named by `provider`) is not supported inside Bulwark; use ALLOW, DENY or AUDIT");
  else if (!ACTION_NAMES.includes(action)) ctx.errs.add(o.at("action"), "unknown action '" + action + "' (ALLOW, DENY or AUDIT)");
  else p.action = ACTION_NAMES.indexOf(action);
  if (o.has("provider")) ctx.errs.add(o.at("provider"), "external authorization providers (CUSTOM) are not supported inside Bulwark");
  if (o.has("selector")) ctx.errs.add(o.at("selector"), "workload selection belongs to the WasmPlugin's own `selector`; remove it here (every policy applies wherever the filter runs)");
  if (o.has("targetRef")) ctx.errs.add(o.at("targetRef"), "targeting belongs to the WasmPlugin's own `targetRef(s)`; remove it here");
  if (o.has("targetRefs")) ctx.errs.add(o.at("targetRefs"), "targeting belongs to the WasmPlugin's own `targetRef(s)`; remove it here");
  const rules = o.arr("rules");
  if (rules.length > MAX_RULES) ctx.errs.add(o.at("rules"), "more than " + MAX_RULES.toString() + " rules");
  for (let i = 0; i < rules.length && i < MAX_RULES; i++) {
    const r = parseRule(rules[i], indexPath(o.at("rules"), i), ctx);
    if (r != null) p.rules.push(r);
  }
  return p;
}

/** Parses the `authz` section (`v` is its value) into `cfg`. */
export function parseAuthz(v: JValue, path: string, errs: Errors): AuthzConfig {
  const cfg = new AuthzConfig();
  cfg.present = true;
  const o = Obj.of(v, path, errs, AUTHZ_KEYS);
  if (o == null) return cfg;
  const ctx = new Ctx(errs, cfg);
  const mode = o.str("pathNormalization", "BASE");
  if (!NORM_NAMES.includes(mode)) errs.add(o.at("pathNormalization"), "unknown normalization '" + mode + "' (NONE, BASE, MERGE_SLASHES or DECODE_AND_MERGE_SLASHES)");
  else cfg.normalization = NORM_NAMES.indexOf(mode);
  cfg.trustedProxies = <i32>o.int("trustedProxies", 0, 0, 64);
  const list = o.arr("policies");
  if (list.length > MAX_POLICIES) errs.add(o.at("policies"), "more than " + MAX_POLICIES.toString() + " policies");
  const seen = new Set<string>();
  for (let i = 0; i < list.length && i < MAX_POLICIES; i++) {
    const p = parsePolicy(list[i], indexPath(o.at("policies"), i), ctx, seen);
    if (p == null) continue;
    if (p.dryRun) cfg.hasDryRun = true;
    if (p.action == ACTION_AUDIT) cfg.hasAudit = true;
    if (p.action == ACTION_DENY) cfg.denies.push(cfg.policies.length);
    if (p.action == ACTION_ALLOW) cfg.allows.push(cfg.policies.length);
    for (let r = 0; r < p.rules.length; r++) {
      const ops = p.rules[r].operations;
      for (let k = 0; k < ops.length; k++) if (ops[k].paths != null) cfg.usesPaths = true;
    }
    cfg.policies.push(p);
  }
  cfg.methodGate = methodGate(cfg);
  return cfg;
}

/** AuthzConfig.methodGate: the `methods` matchers of every operation of every rule, or null. */
function methodGate(cfg: AuthzConfig): Array<StrMatcher> | null {
  if (cfg.allows.length != 0 || cfg.hasDryRun || cfg.policies.length == 0) return null;
  const out = new Array<StrMatcher>();
  for (let i = 0; i < cfg.policies.length; i++) {
    const rules = cfg.policies[i].rules;
    for (let r = 0; r < rules.length; r++) {
      const ops = rules[r].operations;
      if (ops.length == 0) return null;            // a rule without `to` matches any method
      for (let k = 0; k < ops.length; k++) {
        const m = ops[k].methods;
        if (m == null || !m.hasPos) return null;    // only notMethods (or none): any other method
        for (let j = 0; j < m.pos.length; j++) out.push(m.pos[j]);
      }
    }
  }
  return out;
}
