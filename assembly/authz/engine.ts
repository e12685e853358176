// Istio's evaluation of AuthorizationPolicies, with an optional trace that explains it.
//
// Istio: "If there are any DENY policies that match the request, deny the request. If there are no
// ALLOW policies for the workload, allow the request. If any of the ALLOW policies match the
// request, allow the request. Deny the request." AUDIT "policies do not affect whether requests are
// allowed or denied". A policy matches when any rule matches ("If not set, the match will never
// occur"); a rule "matches requests from a list of sources that perform a list of operations
// subject to a list of conditions. A match occurs when at least one source, one operation and all
// conditions matches the request. An empty rule is always matched." Fields of a source/operation
// are ANDed; values within a field are ORed; a not* twin must match none.
// `dryRun` policies are not enforced: the decision they would give with all policies enforced is
// the shadow decision, logged and counted (Envoy RBAC's shadow_allowed / shadow_denied).
// Two deliberate hardenings (both only ever turn an allow into a deny):
//  * when the configured normalisation leaves the path ambiguous (a backend may still merge "//" or
//    decode %2F/%5C: ISTIO-SECURITY-2021-005 / CVE-2021-31920), the decision is also taken on the
//    fully decoded-and-merged path and the stricter one applies;
//  * a header condition sees Envoy's comma-joined value, and a DENY `values` match also holds when
//    any single copy of a repeated header matches (an ALLOW `notValues` likewise fails).
// Argument: compiled config, the request's attributes, a Trace or null. Result: a Decision.
// Example: authorize(cfg, attrs, null).allowed
import { AuthzConfig, Policy, Rule, Source, Operation, Condition, StrField, IpField, PortField,
  ACTION_ALLOW, ACTION_DENY, ACTION_AUDIT, ACTION_NAMES,
  K_HEADER, K_SOURCE_IP, K_REMOTE_IP, K_SOURCE_NAMESPACE, K_SOURCE_PRINCIPAL, K_AUTH_PRINCIPAL,
  K_AUTH_AUDIENCES, K_AUTH_PRESENTER, K_AUTH_CLAIMS, K_DEST_IP, K_DEST_PORT, K_SNI } from "./policy";
import { Attributes, HeaderValues, bufString, ipString } from "./attributes";
import { StrMatcher, anyMatch, anyMatchRaw, listSrc } from "./match";
import { IpAddr, Cidr, anyCidr } from "./cidr";

export class Trace {
  lines: Array<string> = [];
  add(s: string): void { this.lines.push(s); }
}

export const SHADOW_NONE: i32 = 0;
export const SHADOW_ALLOWED: i32 = 1;
export const SHADOW_DENIED: i32 = 2;

export class Outcome {
  allowed: bool = true;
  policy: i32 = -1;  // deciding policy (-1: no policy decided: no ALLOW policies, or none matched)
  rule: i32 = -1;
}

const NO_AUDITS = new Array<i32>();

export class Decision {
  allowed: bool = true;
  badRequest: bool = false;
  policy: i32 = -1;
  rule: i32 = -1;
  strictPath: bool = false;          // decided on the fully normalised path
  audited: Array<i32> = NO_AUDITS;   // replaced by a fresh array when AUDIT policies exist
  shadow: i32 = SHADOW_NONE;
  shadowPolicy: i32 = -1;
  shadowRule: i32 = -1;
}

function cidrList(cs: Array<Cidr>): string {
  let s = "[";
  for (let i = 0; i < cs.length; i++) { if (i) s += ", "; s += "\"" + cs[i].src + "\""; }
  return s + "]";
}
function portList(ps: Array<i32>): string {
  let s = "[";
  for (let i = 0; i < ps.length; i++) { if (i) s += ", "; s += "\"" + ps[i].toString() + "\""; }
  return s + "]";
}
function verdict(ok: bool): string { return ok ? "holds" : "fails"; }

// ---- one field ----

function strHolds(f: StrField, v: ArrayBuffer | null, where: string, t: Trace | null): bool {
  const pos = f.pos.length == 0 || anyMatch(f.pos, v);
  const neg = f.neg.length == 0 || !anyMatch(f.neg, v);
  if (t != null) {
    let s = "      " + where + ": value " + (v == null ? "(none)" : "\"" + String.UTF8.decode(v) + "\"");
    if (f.pos.length) s += (pos ? " matches " : " does not match ") + listSrc(f.pos);
    if (f.neg.length) s += (f.pos.length ? ";" : "") + (neg ? " is not in not-list " : " is in not-list ") + listSrc(f.neg);
    t.add(s + " → " + verdict(pos && neg));
  }
  return pos && neg;
}

/** strHolds without a trace: stops at the first failing half. */
@inline function strOk(f: StrField, v: ArrayBuffer | null): bool {
  return (f.pos.length == 0 || anyMatch(f.pos, v)) && (f.neg.length == 0 || !anyMatch(f.neg, v));
}

function anyOfList(ms: Array<StrMatcher>, vs: Array<ArrayBuffer>): bool {
  for (let i = 0; i < vs.length; i++) if (anyMatch(ms, vs[i])) return true;
  return false;
}

function listHolds(f: StrField, vs: Array<ArrayBuffer>, where: string, t: Trace | null): bool {
  const pos = f.pos.length == 0 || anyOfList(f.pos, vs);
  const neg = f.neg.length == 0 || !anyOfList(f.neg, vs);
  if (t != null) {
    let shown = "[";
    for (let i = 0; i < vs.length; i++) { if (i) shown += ", "; shown += "\"" + String.UTF8.decode(vs[i]) + "\""; }
    shown += "]";
    let s = "      " + where + ": values " + shown;
    if (f.pos.length) s += (pos ? " match " : " do not match ") + listSrc(f.pos);
    if (f.neg.length) s += (f.pos.length ? ";" : "") + (neg ? " avoid not-list " : " hit not-list ") + listSrc(f.neg);
    t.add(s + " → " + verdict(pos && neg));
  }
  return pos && neg;
}

function headerMatch(ms: Array<StrMatcher>, hv: HeaderValues, permissive: bool): bool {
  if (anyMatch(ms, hv.joined)) return true;
  if (permissive && hv.each.length > 1) return anyOfList(ms, hv.each);
  return false;
}

function headerHolds(f: StrField, hv: HeaderValues, action: i32, where: string, t: Trace | null): bool {
  const pos = f.pos.length == 0 || headerMatch(f.pos, hv, action != ACTION_ALLOW);
  const neg = f.neg.length == 0 || !headerMatch(f.neg, hv, action == ACTION_ALLOW);
  if (t != null) {
    let s = "      " + where + ": value " + (hv.joined == null ? "(none)" : "\"" + String.UTF8.decode(hv.joined!) + "\"");
    if (hv.each.length > 1) s += " (" + hv.each.length.toString() + " copies)";
    if (f.pos.length) s += (pos ? " matches " : " does not match ") + listSrc(f.pos);
    if (f.neg.length) s += (f.pos.length ? ";" : "") + (neg ? " is not in not-list " : " is in not-list ") + listSrc(f.neg);
    t.add(s + " → " + verdict(pos && neg));
  }
  return pos && neg;
}

function ipHolds(f: IpField, ip: IpAddr | null, where: string, t: Trace | null): bool {
  const pos = f.pos.length == 0 || anyCidr(f.pos, ip);
  const neg = f.neg.length == 0 || !anyCidr(f.neg, ip);
  if (t != null) {
    let s = "      " + where + ": " + ipString(ip);
    if (f.pos.length) s += (pos ? " is in " : " is not in ") + cidrList(f.pos);
    if (f.neg.length) s += (f.pos.length ? ";" : "") + (neg ? " is not in not-list " : " is in not-list ") + cidrList(f.neg);
    t.add(s + " → " + verdict(pos && neg));
  }
  return pos && neg;
}

function portHolds(f: PortField, port: i32, where: string, t: Trace | null): bool {
  const pos = f.pos.length == 0 || (port >= 0 && f.pos.includes(port));
  const neg = f.neg.length == 0 || !(port >= 0 && f.neg.includes(port));
  if (t != null) {
    let s = "      " + where + ": " + (port < 0 ? "(none)" : port.toString());
    if (f.pos.length) s += (pos ? " is in " : " is not in ") + portList(f.pos);
    if (f.neg.length) s += (f.pos.length ? ";" : "") + (neg ? " is not in not-list " : " is in not-list ") + portList(f.neg);
    t.add(s + " → " + verdict(pos && neg));
  }
  return pos && neg;
}

// ---- source, operation, condition ----

function sourceMatches(s: Source, a: Attributes, where: string, t: Trace | null): bool {
  let ok = true;
  // with a trace every field is shown; without one the first failure ends the check
  if (s.principals != null && (ok || t != null)) ok = strHolds(s.principals!, a.peer.principal, (t == null ? "" : where + ".principals"), t) && ok;
  if (s.requestPrincipals != null && (ok || t != null)) ok = strHolds(s.requestPrincipals!, a.authPrincipal, (t == null ? "" : where + ".requestPrincipals"), t) && ok;
  if (s.namespaces != null && (ok || t != null)) ok = strHolds(s.namespaces!, a.peer.namespace, (t == null ? "" : where + ".namespaces"), t) && ok;
  if (s.serviceAccounts != null && (ok || t != null)) ok = strHolds(s.serviceAccounts!, a.peer.serviceAccount, (t == null ? "" : where + ".serviceAccounts"), t) && ok;
  if (s.trustDomains != null && (ok || t != null)) ok = strHolds(s.trustDomains!, a.peer.trustDomain, (t == null ? "" : where + ".trustDomains"), t) && ok;
  if (s.ipBlocks != null && (ok || t != null)) ok = ipHolds(s.ipBlocks!, a.sourceIp, (t == null ? "" : where + ".ipBlocks (source.ip)"), t) && ok;
  if (s.remoteIpBlocks != null && (ok || t != null)) ok = ipHolds(s.remoteIpBlocks!, a.remoteIp, (t == null ? "" : where + ".remoteIpBlocks (remote.ip)"), t) && ok;
  return ok;
}

/** sourceMatches without a trace, the cheapest fields first (request principal: no host call). */
function sourceMatchesFast(s: Source, a: Attributes): bool {
  if (s.requestPrincipals != null && !strOk(s.requestPrincipals!, a.authPrincipal)) return false;
  if (s.principals != null && !strOk(s.principals!, a.peer.principal)) return false;
  if (s.namespaces != null && !strOk(s.namespaces!, a.peer.namespace)) return false;
  if (s.serviceAccounts != null && !strOk(s.serviceAccounts!, a.peer.serviceAccount)) return false;
  if (s.trustDomains != null && !strOk(s.trustDomains!, a.peer.trustDomain)) return false;
  if (s.ipBlocks != null && !ipHolds(s.ipBlocks!, a.sourceIp, "", null)) return false;
  if (s.remoteIpBlocks != null && !ipHolds(s.remoteIpBlocks!, a.remoteIp, "", null)) return false;
  return true;
}

function hostHolds(f: StrField, a: Attributes, where: string, t: Trace | null): bool {
  // hosts compare without case (RFC 4343; ISTIO-SECURITY-2021-008 / CVE-2021-39155); a pattern
  // without a port also matches the authority's host when the request names a port
  let pos = f.pos.length == 0 || anyMatch(f.pos, a.host);
  if (!pos && a.hostNoPort != a.host) {
    for (let i = 0; i < f.pos.length && !pos; i++) if (!f.pos[i].colon) pos = f.pos[i].matches(a.hostNoPort);
  }
  let hit = anyMatch(f.neg, a.host);
  if (!hit && a.hostNoPort != a.host) {
    for (let i = 0; i < f.neg.length && !hit; i++) if (!f.neg[i].colon) hit = f.neg[i].matches(a.hostNoPort);
  }
  const neg = f.neg.length == 0 || !hit;
  if (t != null) {
    let s = "      " + where + ": host " + (a.host == null ? "(none)" : "\"" + String.UTF8.decode(a.host!) + "\"");
    if (f.pos.length) s += (pos ? " matches " : " does not match ") + listSrc(f.pos);
    if (f.neg.length) s += (f.pos.length ? ";" : "") + (neg ? " is not in not-list " : " is in not-list ") + listSrc(f.neg);
    t.add(s + " → " + verdict(pos && neg));
  }
  return pos && neg;
}

function operationMatches(o: Operation, a: Attributes, path: ArrayBuffer | null, where: string, t: Trace | null): bool {
  let ok = true;
  if (o.hosts != null && (ok || t != null)) ok = hostHolds(o.hosts!, a, (t == null ? "" : where + ".hosts"), t) && ok;
  if (o.ports != null && (ok || t != null)) ok = portHolds(o.ports!, a.destPort, (t == null ? "" : where + ".ports"), t) && ok;
  if (o.methods != null && (ok || t != null)) ok = strHolds(o.methods!, a.method, (t == null ? "" : where + ".methods"), t) && ok;
  if (o.paths != null && (ok || t != null)) ok = strHolds(o.paths!, path, (t == null ? "" : where + ".paths"), t) && ok;
  return ok;
}

/** operationMatches without a trace: method and path (already at hand) before host and port. */
function operationMatchesFast(o: Operation, a: Attributes, path: ArrayBuffer | null): bool {
  if (o.methods != null && !strOk(o.methods!, a.method)) return false;
  if (o.paths != null && !strOk(o.paths!, path)) return false;
  if (o.hosts != null && !hostsSlow(changetype<usize>(o), changetype<usize>(a))) return false;
  if (o.ports != null && !portsSlow(changetype<usize>(o), changetype<usize>(a))) return false;
  return true;
}

function conditionHolds(c: Condition, a: Attributes, action: i32, where: string, t: Trace | null): bool {
  const w = t == null ? "" : where + " " + c.key;
  switch (c.kind) {
    case K_HEADER: return headerHolds(c.str!, a.header(c.header), action, w, t);
    case K_SOURCE_IP: return ipHolds(c.ip!, a.sourceIp, w, t);
    case K_REMOTE_IP: return ipHolds(c.ip!, a.remoteIp, w, t);
    case K_DEST_IP: return ipHolds(c.ip!, a.destIp, w, t);
    case K_DEST_PORT: return portHolds(c.port!, a.destPort, w, t);
    case K_SOURCE_NAMESPACE: return strHolds(c.str!, a.peer.namespace, w, t);
    case K_SOURCE_PRINCIPAL: return strHolds(c.str!, a.peer.principal, w, t);
    case K_AUTH_PRINCIPAL: return strHolds(c.str!, a.authPrincipal, w, t);
    case K_AUTH_PRESENTER: return strHolds(c.str!, a.authPresenter, w, t);
    case K_SNI: return strHolds(c.str!, a.sni, w, t);
    case K_AUTH_AUDIENCES: return listHolds(c.str!, a.authAudiences, w, t);
    case K_AUTH_CLAIMS: {
      const vs = a.auth.claimValues(c.claim);
      const bs = new Array<ArrayBuffer>(vs.length);
      for (let i = 0; i < vs.length; i++) bs[i] = String.UTF8.encode(vs[i]);
      return listHolds(c.str!, bs, w, t);
    }
  }
  return false;
}

/** ruleMatches without a trace: operations (method and path first) before sources and
 *  conditions, so a request that fails on method or path never reads the host properties. */
function ruleMatchesFast(r: Rule, action: i32, a: Attributes, path: ArrayBuffer | null): bool {
  const ops = r.operations;
  if (ops.length) {
    let ok = false;
    for (let i = 0; i < ops.length && !ok; i++) ok = operationMatchesFast(unchecked(ops[i]), a, path);
    if (!ok) return false;
  }
  const srcs = r.sources;
  if (srcs.length) {
    let ok = false;
    for (let i = 0; i < srcs.length && !ok; i++) ok = sourceSlow(changetype<usize>(unchecked(srcs[i])), changetype<usize>(a));
    if (!ok) return false;
  }
  const when = r.when;
  for (let i = 0; i < when.length; i++) if (!conditionSlow(changetype<usize>(unchecked(when[i])), changetype<usize>(a), action)) return false;
  return true;
}

function ruleMatches(r: Rule, action: i32, a: Attributes, path: ArrayBuffer | null, where: string, t: Trace | null): bool {
  if (t == null) return ruleMatchesFast(r, action, a, path);
  if (t != null && r.sources.length == 0 && r.operations.length == 0 && r.when.length == 0) t.add("    " + where + ": empty rule → matches (Istio: an empty rule is always matched)");
  let fromOk = r.sources.length == 0;
  for (let i = 0; i < r.sources.length && (!fromOk || t != null); i++) {
    const w = t == null ? "" : where + ".from[" + i.toString() + "].source";
    const m = sourceMatches(r.sources[i], a, w, t);
    if (t != null) t.add("    " + w + ": " + (m ? "matches" : "does not match"));
    fromOk = fromOk || m;
  }
  if (!fromOk && t == null) return false;
  let toOk = r.operations.length == 0;
  for (let i = 0; i < r.operations.length && (!toOk || t != null); i++) {
    const w = t == null ? "" : where + ".to[" + i.toString() + "].operation";
    const m = operationMatches(r.operations[i], a, path, w, t);
    if (t != null) t.add("    " + w + ": " + (m ? "matches" : "does not match"));
    toOk = toOk || m;
  }
  if (!toOk && t == null) return false;
  let whenOk = true;
  for (let i = 0; i < r.when.length && (whenOk || t != null); i++) {
    whenOk = conditionHolds(r.when[i], a, action, t == null ? "" : where + ".when[" + i.toString() + "]", t) && whenOk;
  }
  return fromOk && toOk && whenOk;
}

/** Index of the first rule of `p` that matches, or -1. */
// ---- the trace-free evaluation, on addresses ----
// The incremental runtime keeps a shadow stack: every call that holds managed references across
// another call stores them there, and that bookkeeping, not the comparisons, was most of the cost
// per policy. So the loops below walk the compiled configuration by address (it is alive for as
// long as the configuration is; the collector does not move objects) and reach managed code only
// for the attributes that are gathered lazily (hosts, ports, sources, conditions).

@inline function ref(o: usize, off: usize): usize { return load<usize>(o + off); }
@inline function arrData(arr: usize): usize { return load<usize>(arr + offsetof<Array<i32>>("dataStart")); }
@inline function arrLen(arr: usize): i32 { return load<i32>(arr + offsetof<Array<i32>>("length_")); }
@inline function arrAt(arr: usize, i: i32): usize { return load<usize>(arrData(arr) + (<usize>i << alignof<usize>())); }

/** strHolds without a trace on a value given as address/length (`has` false: absent). */
function strOkRaw(f: usize, vp: usize, vn: i32, has: bool): bool {
  const pos = ref(f, offsetof<StrField>("pos"));
  const pc = arrLen(pos);
  if (pc != 0 && (!has || !anyMatchRaw(arrData(pos), pc, vp, vn))) return false;
  const neg = ref(f, offsetof<StrField>("neg"));
  const nc = arrLen(neg);
  if (nc != 0 && has && anyMatchRaw(arrData(neg), nc, vp, vn)) return false;
  return true;
}

function hostsSlow(o: usize, a: usize): bool {
  return hostHolds(changetype<Operation>(o).hosts!, changetype<Attributes>(a), "", null);
}
function portsSlow(o: usize, a: usize): bool {
  return portHolds(changetype<Operation>(o).ports!, changetype<Attributes>(a).destPort, "", null);
}
function sourceSlow(src: usize, a: usize): bool {
  return sourceMatchesFast(changetype<Source>(src), changetype<Attributes>(a));
}
function conditionSlow(c: usize, a: usize, action: i32): bool {
  return conditionHolds(changetype<Condition>(c), changetype<Attributes>(a), action, "", null);
}

/** The request's method and path as address/length pairs for the raw evaluation: unmanaged, one
 *  static instance (evaluations never nest), so passing it costs no shadow-stack slot. */
@unmanaged class RawReq {
  a: usize = 0;
  mp: usize = 0; mn: i32 = 0; hasM: bool = false;
  pp: usize = 0; pn: i32 = 0; hasP: bool = false;
}

function operationRaw(o: usize, q: RawReq): bool {
  const methods = ref(o, offsetof<Operation>("methods"));
  if (methods != 0 && !strOkRaw(methods, q.mp, q.mn, q.hasM)) return false;
  const paths = ref(o, offsetof<Operation>("paths"));
  if (paths != 0 && !strOkRaw(paths, q.pp, q.pn, q.hasP)) return false;
  if (ref(o, offsetof<Operation>("hosts")) != 0 && !hostsSlow(o, q.a)) return false;
  if (ref(o, offsetof<Operation>("ports")) != 0 && !portsSlow(o, q.a)) return false;
  return true;
}

function ruleRaw(r: usize, action: i32, q: RawReq): bool {
  const ops = ref(r, offsetof<Rule>("operations"));
  const no = arrLen(ops);
  if (no != 0) {
    let ok = false;
    for (let i = 0; i < no && !ok; i++) ok = operationRaw(arrAt(ops, i), q);
    if (!ok) return false;
  }
  const srcs = ref(r, offsetof<Rule>("sources"));
  const ns = arrLen(srcs);
  if (ns != 0) {
    let ok = false;
    for (let i = 0; i < ns && !ok; i++) ok = sourceSlow(arrAt(srcs, i), q.a);
    if (!ok) return false;
  }
  const when = ref(r, offsetof<Rule>("when"));
  const nw = arrLen(when);
  for (let i = 0; i < nw; i++) if (!conditionSlow(arrAt(when, i), q.a, action)) return false;
  return true;
}

function policyRaw(p: usize, q: RawReq): i32 {
  const rules = ref(p, offsetof<Policy>("rules"));
  const n = arrLen(rules);
  const action = load<i32>(p + offsetof<Policy>("action"));
  for (let i = 0; i < n; i++) if (ruleRaw(arrAt(rules, i), action, q)) return i;
  return -1;
}

/** policyMatch without a trace. */
function policyMatchFast(p: Policy, a: Attributes, path: ArrayBuffer | null): i32 {
  const q = rawReq(a, path);
  const r = policyRaw(changetype<usize>(p), q);
  keep(a, p);
  return r;
}

const RAW_REQ = memory.data(offsetof<RawReq>());

function rawReq(a: Attributes, path: ArrayBuffer | null): RawReq {
  const q = changetype<RawReq>(RAW_REQ);
  q.mp = 0; q.mn = 0; q.hasM = false; q.pp = 0; q.pn = 0; q.hasP = false;
  q.a = changetype<usize>(a);
  const m = a.method;
  if (m != null) { q.mp = changetype<usize>(m); q.mn = m.byteLength; q.hasM = true; }
  if (path != null) { q.pp = changetype<usize>(path); q.pn = path.byteLength; q.hasP = true; }
  return q;
}

/** Keeps `a` and `o` visibly alive up to here (they are only held by address in between). */
@inline function keep(a: Attributes, o: Object): void {
  if (changetype<usize>(a) == 0 || changetype<usize>(o) == 0) unreachable();
}

/** decide without a trace: DENY policies, then ALLOW policies, each list built at configure time. */
function decideFast(cfg: AuthzConfig, a: Attributes, path: ArrayBuffer | null, withDry: bool): Outcome {
  const out = new Outcome();
  const q = rawReq(a, path);
  const ps = changetype<usize>(cfg.policies);
  const denies = cfg.denies, nd = denies.length;
  let decided = false;
  for (let i = 0; i < nd; i++) {
    const k = unchecked(denies[i]);
    const p = arrAt(ps, k);
    if (load<bool>(p + offsetof<Policy>("dryRun")) && !withDry) continue;
    const r = policyRaw(p, q);
    if (r >= 0) { out.allowed = false; out.policy = k; out.rule = r; decided = true; break; }
  }
  if (!decided) {
    const allows = cfg.allows, na = allows.length;
    let anyAllow = false;
    for (let i = 0; i < na; i++) {
      const k = unchecked(allows[i]);
      const p = arrAt(ps, k);
      if (load<bool>(p + offsetof<Policy>("dryRun")) && !withDry) continue;
      anyAllow = true;
      const r = policyRaw(p, q);
      if (r >= 0) { out.allowed = true; out.policy = k; out.rule = r; decided = true; break; }
    }
    if (!decided) out.allowed = !anyAllow;
  }
  keep(a, cfg);
  if (path != null) keep(a, path);
  return out;
}

export function policyMatch(p: Policy, a: Attributes, path: ArrayBuffer | null, t: Trace | null): i32 {
  if (t == null) return policyMatchFast(p, a, path);
  let hit = -1;
  if (t != null && p.rules.length == 0) t.add("    no rules → never matches (Istio: if rules are not set, the match will never occur)");
  for (let i = 0; i < p.rules.length; i++) {
    const w = t == null ? "" : "rules[" + i.toString() + "]";
    const m = ruleMatches(p.rules[i], p.action, a, path, w, t);
    if (t != null) t.add("    " + w + ": " + (m ? "MATCHES" : "does not match"));
    if (m && hit < 0) { hit = i; if (t == null) break; }
  }
  return hit;
}

function policyLine(cfg: AuthzConfig, k: i32, rule: i32, t: Trace): void {
  const p = cfg.policies[k];
  t.add("  " + ACTION_NAMES[p.action] + " \"" + p.name + "\"" + (p.dryRun ? " (dryRun)" : "") + ": " +
    (rule >= 0 ? "matched by rules[" + rule.toString() + "]" : "no match"));
}

/** Istio's decision over the policies (dry-run ones too when `withDry`), on `path`. */
export function decide(cfg: AuthzConfig, a: Attributes, path: ArrayBuffer | null, withDry: bool, t: Trace | null): Outcome {
  if (t == null) return decideFast(cfg, a, path, withDry);
  const out = new Outcome();
  let decided = false;
  for (let k = 0; k < cfg.policies.length; k++) {
    const p = cfg.policies[k];
    if (p.action != ACTION_DENY || (p.dryRun && !withDry)) continue;
    if (t != null) t.add("  evaluating DENY \"" + p.name + "\"" + (p.dryRun ? " (dryRun)" : ""));
    const r = policyMatch(p, a, path, t);
    if (t != null) policyLine(cfg, k, r, t);
    if (r >= 0 && !decided) { out.allowed = false; out.policy = k; out.rule = r; decided = true; if (t == null) return out; }
  }
  let anyAllow = false;
  for (let k = 0; k < cfg.policies.length; k++) {
    const p = cfg.policies[k];
    if (p.action != ACTION_ALLOW || (p.dryRun && !withDry)) continue;
    anyAllow = true;
    if (t != null) t.add("  evaluating ALLOW \"" + p.name + "\"" + (p.dryRun ? " (dryRun)" : ""));
    const r = policyMatch(p, a, path, t);
    if (t != null) policyLine(cfg, k, r, t);
    if (r >= 0 && !decided) { out.allowed = true; out.policy = k; out.rule = r; decided = true; if (t == null) return out; }
  }
  if (!decided) {
    // no DENY matched: allowed when there is no ALLOW policy, denied when ALLOW policies exist and none matched
    out.allowed = !anyAllow;
    if (t != null) t.add(anyAllow ? "  no ALLOW policy matched → denied (Istio: deny the request)" : "  no ALLOW policies → allowed (Istio: if there are no ALLOW policies for the workload, allow the request)");
  }
  return out;
}

function applyStrict(cfg: AuthzConfig, a: Attributes, withDry: bool, first: Outcome, t: Trace | null): Outcome {
  if (a.strictPath == null || !first.allowed) return first;
  if (t != null) t.add("  path \"" + bufString(a.path) + "\" is ambiguous: also deciding on the fully decoded and merged \"" + bufString(a.strictPath) + "\" (CVE-2021-31920)");
  const second = decide(cfg, a, a.strictPath, withDry, t);
  return second.allowed ? first : second;
}

/** The enforced decision, the audits and the shadow decision for one request. */
export function authorize(cfg: AuthzConfig, a: Attributes, t: Trace | null): Decision {
  const d = new Decision();
  if (a.badPath) {
    d.allowed = false; d.badRequest = true;
    if (t != null) t.add("path contains %00 → rejected with 400 (Istio: the request will always be rejected)");
    return d;
  }
  if (t != null) t.add("enforced policies, in evaluation order (DENY, then ALLOW):");
  const first = decide(cfg, a, a.path, false, t);
  const out = applyStrict(cfg, a, false, first, t);
  d.allowed = out.allowed; d.policy = out.policy; d.rule = out.rule; d.strictPath = out !== first;
  if (cfg.hasAudit) {
    if (t != null) t.add("AUDIT policies (never change the decision):");
    d.audited = new Array<i32>();
    for (let k = 0; k < cfg.policies.length; k++) {
      const p = cfg.policies[k];
      if (p.action != ACTION_AUDIT || p.dryRun) continue;
      const r = policyMatch(p, a, a.path, t);
      if (t != null) policyLine(cfg, k, r, t);
      if (r >= 0) d.audited.push(k);
    }
  }
  if (cfg.hasDryRun) {
    if (t != null) t.add("shadow decision (dryRun policies as if enforced):");
    const s1 = decide(cfg, a, a.path, true, t);
    const s = applyStrict(cfg, a, true, s1, t);
    d.shadow = s.allowed ? SHADOW_ALLOWED : SHADOW_DENIED;
    d.shadowPolicy = s.policy; d.shadowRule = s.rule;
  }
  return d;
}

/** "policy 'x' rules[0]" or the default that decided. */
export function describe(cfg: AuthzConfig, allowed: bool, policy: i32, rule: i32): string {
  if (policy < 0) return allowed ? "no ALLOW policies (allowed by default)" : "no ALLOW policy matched (denied by default)";
  const p = cfg.policies[policy];
  return ACTION_NAMES[p.action] + " policy '" + p.name + "' rules[" + rule.toString() + "]";
}

export { ACTION_ALLOW, ACTION_DENY, ACTION_AUDIT };
