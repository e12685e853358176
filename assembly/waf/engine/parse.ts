/**
 * Parses and checks the `waf` section of the plugin configuration (engine settings and rule
 * packs) into the compiled model of rule.ts. Every fault is reported with its JSON path, e.g.
 *   waf.packs[2].rules[14].match.rx: unsupported construct '(?<=' at offset 7
 *   waf.packs[0].rules[3].variables[1]: unknown variable 'ARGZ'
 * Nothing here runs per request. The authoring format is rules/rulepack.schema.json.
 */
import { JValue, JKind } from "../../config/json";
import { Errors, Obj, indexPath, childPath } from "../../config/reader";
import { Rule, Waf, WafSettings, Act, ACT_NAMES, SEV_NAMES, Sev, SetVar, SetOp, Ctl, CtlKind, Engine, BodyProc, BODY_PROC_NAMES, PackInfo } from "./rule";
import { parseSelector, VarSel, V, VAR_NAMES, availablePhase } from "./variables";
import { parseMacro } from "./macro";
import { createOperator } from "../operators/registry";
import { Rx } from "../operators/rx";
import { keyHash } from "./transaction";
import { OpError, hasMacro, NumericOperator } from "../operators/operator";
import { transformId } from "../transforms/registry";
import { JsonParser } from "../../config/json";
import { BUILTIN_PACK_IDS, BUILTIN_PACKS_JSON } from "../builtin/packs.gen";

export const MAX_RULES = 20000;
export const MAX_CHAIN = 16;

const WAF_KEYS = ["mode", "paranoiaLevel", "detectionParanoiaLevel", "anomalyThresholds", "requestBodyLimit",
  "requestBodyLimitAction", "responseBodyLimit", "responseBodyLimitAction", "responseBodyMimeTypes", "inspectResponse",
  "failOpen", "prefilter", "tx", "packs", "builtinPacks"];
const PACK_KEYS = ["id", "description", "version", "rules", "tests", "data"];
const RULE_KEYS = ["id", "phase", "paranoiaLevel", "variables", "transformations", "match", "negate", "action", "status",
  "msg", "logdata", "tags", "severity", "capture", "setvar", "chain", "skip", "skipAfter", "ctl", "multiMatch", "log",
  "auditlog", "description", "marker"];
const CHAINED_KEYS = ["variables", "transformations", "match", "negate", "capture", "setvar", "chain", "ctl", "multiMatch",
  "logdata", "description"];
const STARTER_ONLY = ["id", "phase", "paranoiaLevel", "action", "status", "msg", "tags", "severity", "skip", "skipAfter", "log", "auditlog", "marker"];

class Ctx {
  waf: Waf;
  errs: Errors;
  ids: Map<i32, string> = new Map();
  markers: Set<string> = new Set();
  skipAfters: Array<string> = [];
  skipAfterPaths: Array<string> = [];
  data: Map<string, Array<string>> = new Map();
  constructor(waf: Waf, errs: Errors) { this.waf = waf; this.errs = errs; }
}

/** Parses `waf` (the JSON value under that key) at JSON path `path`. */
export function parseWaf(v: JValue, path: string, errs: Errors): Waf {
  const waf = new Waf();
  const o = Obj.of(v, path, errs, WAF_KEYS);
  if (o == null) return waf;
  const s = waf.settings;
  const mode = o.str("mode", "block");
  if (mode == "block") s.mode = Engine.On;
  else if (mode == "detect") s.mode = Engine.DetectionOnly;
  else if (mode == "off") s.mode = Engine.Off;
  else errs.add(o.at("mode"), "expected \"block\", \"detect\" or \"off\", got '" + mode + "'");
  s.paranoiaLevel = <i32>o.int("paranoiaLevel", 1, 1, 4);
  s.detectionParanoiaLevel = <i32>o.int("detectionParanoiaLevel", s.paranoiaLevel, 1, 4);
  if (s.detectionParanoiaLevel < s.paranoiaLevel) errs.add(o.at("detectionParanoiaLevel"), "must not be below paranoiaLevel");
  const th = o.obj("anomalyThresholds", ["inbound", "outbound"]);
  if (th != null) {
    s.inboundThreshold = <i32>th.int("inbound", 5, 1, 100000);
    s.outboundThreshold = <i32>th.int("outbound", 4, 1, 100000);
  }
  s.requestBodyLimit = <i32>o.int("requestBodyLimit", 131072, 0, 64 * 1024 * 1024);
  const rba = o.str("requestBodyLimitAction", "reject");
  if (rba == "reject") s.requestBodyReject = true;
  else if (rba == "processPartial") s.requestBodyReject = false;
  else errs.add(o.at("requestBodyLimitAction"), "expected \"reject\" or \"processPartial\", got '" + rba + "'");
  s.responseBodyLimit = <i32>o.int("responseBodyLimit", 524288, 0, 64 * 1024 * 1024);
  const sba = o.str("responseBodyLimitAction", "processPartial");
  if (sba == "reject") s.responseBodyReject = true;
  else if (sba == "processPartial") s.responseBodyReject = false;
  else errs.add(o.at("responseBodyLimitAction"), "expected \"reject\" or \"processPartial\", got '" + sba + "'");
  if (o.has("responseBodyMimeTypes")) s.responseBodyMimeTypes = o.strs("responseBodyMimeTypes");
  s.inspectResponse = o.bool("inspectResponse", true);
  s.failOpen = o.bool("failOpen", false);
  s.prefilter = o.bool("prefilter", true);
  // CRS 901's defaults, then the thresholds and levels, then the author's own TX values
  const init = ["critical_anomaly_score", "5", "error_anomaly_score", "4", "warning_anomaly_score", "3", "notice_anomaly_score", "2",
    "inbound_anomaly_score_threshold", s.inboundThreshold.toString(), "outbound_anomaly_score_threshold", s.outboundThreshold.toString(),
    "blocking_paranoia_level", s.paranoiaLevel.toString(), "detection_paranoia_level", s.detectionParanoiaLevel.toString(),
    "paranoia_level", s.paranoiaLevel.toString(), "executing_paranoia_level", s.detectionParanoiaLevel.toString(),
    "inbound_anomaly_score_pl1", "0", "inbound_anomaly_score_pl2", "0", "inbound_anomaly_score_pl3", "0", "inbound_anomaly_score_pl4", "0",
    "outbound_anomaly_score_pl1", "0", "outbound_anomaly_score_pl2", "0", "outbound_anomaly_score_pl3", "0", "outbound_anomaly_score_pl4", "0"];
  for (let i = 0; i < init.length; i += 2) { s.txInit.push(init[i]); s.txInitValues.push(init[i + 1]); }
  const txv = v.get("tx");
  if (txv != null) {
    if (txv.kind != JKind.Obj) errs.add(o.at("tx"), "expected an object of TX names to values, got " + txv.kindName());
    else for (let i = 0; i < txv.keys.length; i++) {
      const val = txv.vals[i];
      const p = childPath(o.at("tx"), txv.keys[i]);
      let sv = "";
      if (val.kind == JKind.Str) sv = val.s;
      else if (val.kind == JKind.Num && val.n == Math.floor(val.n)) sv = (<i64>val.n).toString();
      else { errs.add(p, "expected a string or an integer, got " + val.kindName()); continue; }
      s.txInit.push(txv.keys[i].toLowerCase()); s.txInitValues.push(sv);
    }
  }
  const ctx = new Ctx(waf, errs);
  const packs = o.arr("packs");
  const packIds = new Set<string>();
  for (let i = 0; i < packs.length; i++) parsePack(packs[i], indexPath(o.at("packs"), i), ctx, i, packIds);
  // the built-in packs (rules/builtin-packs.json, embedded at build time) run after the
  // configuration's own packs, so those can ctl:ruleRemoveById / allow ahead of them
  const wanted = builtinSelection(v, o, errs);
  if (wanted.length) {
    const all = new JsonParser(String.UTF8.encode(BUILTIN_PACKS_JSON)).parse();
    if (all == null || all.kind != JKind.Arr) errs.add(o.at("builtinPacks"), "the embedded packs do not parse (a build fault)");
    else for (let i = 0; i < all.arr.length; i++) {
      if (!wanted.includes(BUILTIN_PACK_IDS[i])) continue;
      parsePack(all.arr[i], "builtin pack '" + BUILTIN_PACK_IDS[i] + "'", ctx, packs.length + i, packIds);
    }
  }
  for (let i = 0; i < ctx.skipAfters.length; i++) {
    if (!ctx.markers.has(ctx.skipAfters[i])) errs.add(ctx.skipAfterPaths[i], "missing marker '" + ctx.skipAfters[i] + "' (no {\"marker\": \"" + ctx.skipAfters[i] + "\"} in any pack)");
  }
  return waf;
}

/** Ids of the built-in packs `waf.builtinPacks` selects: "all" (the default), "none", or a list of ids. */
function builtinSelection(v: JValue, o: Obj, errs: Errors): Array<string> {
  const out = new Array<string>();
  const b = v.get("builtinPacks");
  if (b == null || (b.kind == JKind.Str && b.s == "all")) { for (let i = 0; i < BUILTIN_PACK_IDS.length; i++) out.push(BUILTIN_PACK_IDS[i]); return out; }
  if (b.kind == JKind.Str && b.s == "none") return out;
  if (b.kind == JKind.Arr) {
    for (let i = 0; i < b.arr.length; i++) {
      const e = b.arr[i];
      const p = indexPath(o.at("builtinPacks"), i);
      if (e.kind != JKind.Str) { errs.add(p, "expected a pack id, got " + e.kindName()); continue; }
      if (!BUILTIN_PACK_IDS.includes(e.s)) { errs.add(p, "unknown built-in pack '" + e.s + "' (built in: " + BUILTIN_PACK_IDS.join(", ") + ")"); continue; }
      if (!out.includes(e.s)) out.push(e.s);
    }
    return out;
  }
  errs.add(o.at("builtinPacks"), "expected \"all\", \"none\" or a list of built-in pack ids, got " + (b.kind == JKind.Str ? "'" + b.s + "'" : b.kindName()));
  return out;
}

function parsePack(v: JValue, path: string, ctx: Ctx, index: i32, packIds: Set<string>): void {
  const o = Obj.of(v, path, ctx.errs, PACK_KEYS);
  if (o == null) return;
  const info = new PackInfo();
  info.id = o.str("id", "", true);
  info.path = path;
  if (info.id.length && packIds.has(info.id)) ctx.errs.add(o.at("id"), "duplicate pack id '" + info.id + "'");
  packIds.add(info.id);
  o.str("description"); o.str("version");
  ctx.waf.packs.push(info);
  ctx.data = new Map();
  const dv = v.get("data");
  if (dv != null) {
    if (dv.kind != JKind.Obj) ctx.errs.add(o.at("data"), "expected an object of file names to arrays of lines, got " + dv.kindName());
    else for (let i = 0; i < dv.keys.length; i++) {
      const fo = new Obj(dv, o.at("data"), ctx.errs);
      ctx.data.set(dv.keys[i], fo.strs(dv.keys[i]));
    }
  }
  o.arr("tests"); // run by `bulwark test`; the filter only checks the type
  const rules = o.arr("rules", true);
  for (let i = 0; i < rules.length; i++) {
    if (ctx.waf.ruleCount >= MAX_RULES) { ctx.errs.add(o.at("rules"), "more than " + MAX_RULES.toString() + " rules in the configuration"); return; }
    const rp = indexPath(o.at("rules"), i);
    const rv = rules[i];
    if (rv.kind == JKind.Obj && rv.get("marker") != null) { parseMarker(rv, rp, ctx); continue; }
    const r = parseRule(rv, rp, ctx, index, false, 0);
    if (r == null) continue;
    ctx.waf.phases[r.phase].push(r);
    ctx.waf.ruleCount++;
  }
}

function parseMarker(v: JValue, path: string, ctx: Ctx): void {
  const o = Obj.of(v, path, ctx.errs, ["marker", "description"]);
  if (o == null) return;
  const name = o.str("marker", "", true);
  if (name.length == 0) { ctx.errs.add(o.at("marker"), "must not be empty"); return; }
  ctx.markers.add(name);
  for (let p = 1; p <= 5; p++) {
    const m = new Rule();
    m.isMarker = true; m.marker = name; m.path = path; m.phase = p;
    ctx.waf.phases[p].push(m);
  }
}

function parseRule(v: JValue, path: string, ctx: Ctx, pack: i32, chained: bool, depth: i32): Rule | null {
  const errs = ctx.errs;
  const o = Obj.of(v, path, errs, chained ? CHAINED_KEYS.concat(STARTER_ONLY) : RULE_KEYS);
  if (o == null) return null;
  const r = new Rule();
  r.path = path; r.pack = pack; r.isChained = chained;
  if (chained) {
    for (let i = 0; i < STARTER_ONLY.length; i++) {
      if (o.has(STARTER_ONLY[i])) errs.add(o.at(STARTER_ONLY[i]), "not allowed in a chained rule (it belongs to the chain starter)");
    }
  } else {
    const id = o.int("id", 0, 1, 2147483647);
    if (!o.has("id")) errs.add(o.at("id"), "required");
    r.id = <i32>id;
    if (r.id > 0) {
      if (ctx.ids.has(r.id)) errs.add(o.at("id"), "duplicate id " + r.id.toString() + " (also at " + ctx.ids.get(r.id) + ")");
      else ctx.ids.set(r.id, path);
    }
    r.phase = <i32>o.int("phase", 2, 1, 5);
    r.paranoiaLevel = <i32>o.int("paranoiaLevel", 1, 1, 4);
  }
  // variables
  const vars = o.strs("variables", true, true);
  for (let i = 0; i < vars.length; i++) {
    const e = new Array<string>();
    const sel = parseSelector(vars[i], e);
    const vp = indexPath(o.at("variables"), i);
    if (sel == null) { errs.add(vp, e[0]); continue; }
    if (sel.exclude) { r.exclusions.push(sel); continue; }
    r.vars.push(sel);
  }
  if (vars.length > 0 && r.vars.length == 0 && r.exclusions.length > 0) errs.add(o.at("variables"), "only exclusions: name at least one variable to inspect");
  // transformations
  const ts = o.strs("transformations");
  for (let i = 0; i < ts.length; i++) {
    const id = transformId(ts[i]);
    if (id < 0) { errs.add(indexPath(o.at("transformations"), i), "unknown transformation '" + ts[i] + "'"); continue; }
    if (ts[i].toLowerCase() == "none") { r.tids.length = 0; r.tnames.length = 0; continue; }
    r.tids.push(id); r.tnames.push(ts[i]);
  }
  let parent = 0;
  for (let i = 0; i < r.tids.length; i++) { parent = internNode(ctx.waf, parent, r.tids[i]); r.tnodes.push(parent); }
  // operator
  const mv = v.get("match");
  if (mv == null) errs.add(o.at("match"), "required");
  else if (mv.kind != JKind.Obj) errs.add(o.at("match"), "expected an object with one operator, e.g. {\"rx\": \"…\"}, got " + mv.kindName());
  else if (mv.keys.length != 1) errs.add(o.at("match"), "expected exactly one operator, got " + mv.keys.length.toString());
  else {
    const name = mv.keys[0];
    const av = mv.vals[0];
    const ap = childPath(o.at("match"), name);
    if (av.kind != JKind.Str) errs.add(ap, "the operator argument must be a string (\"\" when it takes none), got " + av.kindName());
    else {
      const oe = new OpError();
      const op = createOperator(name, av.s, ctx.data, oe);
      if (!oe.ok || op == null) errs.add(ap, oe.msg + (oe.offset >= 0 ? " at offset " + oe.offset.toString() : ""));
      else {
        if (op instanceof Rx) (<Rx>op).path = ap;   // a deferred compile reports its fault here
        r.op = op; r.opName = name;
        if (op.dynamic) {
          const e = new Array<string>();
          r.opArg = parseMacro(av.s, e);
          if (r.opArg == null) errs.add(ap, e[0]);
        }
      }
    }
  }
  r.negate = o.bool("negate");
  // a constant numeric comparison without transformations: counts are compared as numbers
  // (eval.ts evalRule), with no decimal written and parsed back
  const rop = r.op;
  if (rop != null && rop instanceof NumericOperator && !rop.dynamic && r.tnodes.length == 0) r.numOp = <NumericOperator>rop;
  // actions
  if (!chained) {
    const a = o.str("action", "pass");
    const ai = ACT_NAMES.indexOf(a);
    if (ai <= 0) errs.add(o.at("action"), "expected one of deny, block, pass, allow, drop, got '" + a + "'");
    else r.action = <Act>ai;
    r.status = <i32>o.int("status", 0, 100, 599);
    if (o.has("msg")) { const e = new Array<string>(); r.msg = parseMacro(o.str("msg"), e); if (e.length) errs.add(o.at("msg"), e[0]); }
    r.tags = o.strs("tags");
    const sv = v.get("severity");
    if (sv != null) {
      if (sv.kind == JKind.Str) {
        const k = SEV_NAMES.indexOf(sv.s.toUpperCase());
        if (k < 0) errs.add(o.at("severity"), "expected one of " + SEV_NAMES.join(", ") + " or 0..7, got '" + sv.s + "'");
        else r.severity = k;
      } else r.severity = <i32>o.int("severity", Sev.None, 0, 7);
    }
    r.log = o.bool("log", true);
    r.auditlog = o.bool("auditlog", true);
    r.skip = <i32>o.int("skip", 0, 0, 100000);
    r.skipAfter = o.str("skipAfter");
    if (o.has("skipAfter")) {
      if (r.skipAfter.length == 0) errs.add(o.at("skipAfter"), "must not be empty");
      else { ctx.skipAfters.push(r.skipAfter); ctx.skipAfterPaths.push(o.at("skipAfter")); }
      if (r.skip > 0) errs.add(o.at("skip"), "skip and skipAfter cannot be combined");
    }
  }
  if (o.has("logdata")) { const e = new Array<string>(); r.logdata = parseMacro(o.str("logdata"), e); if (e.length) errs.add(o.at("logdata"), e[0]); }
  r.capture = o.bool("capture");
  r.multiMatch = o.bool("multiMatch");
  const sets = o.strs("setvar");
  for (let i = 0; i < sets.length; i++) {
    const sp = indexPath(o.at("setvar"), i);
    const e = new Array<string>();
    const s = parseSetvar(sets[i], e);
    if (s == null) errs.add(sp, e[0]); else r.setvars.push(s);
  }
  const ctls = o.strs("ctl");
  for (let i = 0; i < ctls.length; i++) {
    const e = new Array<string>();
    const c = parseCtl(ctls[i], e);
    if (c == null) errs.add(indexPath(o.at("ctl"), i), e[0]); else r.ctls.push(c);
  }
  // variables not available in this phase (ModSecurity would silently see nothing)
  const phase = chained ? 0 : r.phase;
  if (phase > 0) for (let i = 0; i < r.vars.length; i++) {
    const ap = availablePhase(r.vars[i].v);
    if (ap > phase && !(phase == 5)) errs.add(o.at("variables"), "'" + VAR_NAMES[r.vars[i].v] + "' has no value before phase " + ap.toString() + " (this rule is phase " + phase.toString() + ")");
  }
  // chain
  const cv = v.get("chain");
  if (cv != null) {
    if (cv.kind != JKind.Obj) errs.add(o.at("chain"), "chain without a follower: expected the next rule as an object, got " + cv.kindName());
    else if (depth + 1 >= MAX_CHAIN) errs.add(o.at("chain"), "chains are limited to " + MAX_CHAIN.toString() + " rules");
    else {
      const next = parseRule(cv, o.at("chain"), ctx, pack, true, depth + 1);
      if (next != null) r.chain = next;
    }
  }
  return r;
}

function internNode(waf: Waf, parent: i32, tid: i32): i32 {
  for (let i = 0; i < waf.tParent.length; i++) if (waf.tParent[i] == parent && waf.tId[i] == tid) return i + 1;
  waf.tParent.push(parent); waf.tId.push(tid);
  return waf.tParent.length;
}

/** `tx.name=value`, `tx.name=+N`, `tx.name=-N`, `!tx.name`, `tx.name` (sets 1). */
export function parseSetvar(s: string, err: Array<string>): SetVar | null {
  const sv = new SetVar();
  sv.text = s;
  let t = s;
  let del = false;
  if (t.startsWith("!")) { del = true; t = t.substring(1); }
  const eq = t.indexOf("=");
  const lhs = eq < 0 ? t : t.substring(0, eq);
  const dot = lhs.indexOf(".");
  if (dot < 0) { err.push("bad setvar '" + s + "': expected 'tx.NAME=VALUE', 'tx.NAME=+N', 'tx.NAME=-N' or '!tx.NAME'"); return null; }
  const coll = lhs.substring(0, dot).toLowerCase();
  if (coll != "tx") { err.push("bad setvar '" + s + "': only the TX collection is supported (got '" + lhs.substring(0, dot) + "')"); return null; }
  const name = lhs.substring(dot + 1);
  if (name.length == 0) { err.push("bad setvar '" + s + "': empty variable name"); return null; }
  const e = new Array<string>();
  const nm = parseMacro(name, e);
  if (nm == null) { err.push("bad setvar '" + s + "': " + e[0]); return null; }
  sv.name = nm;
  if (nm.constant) {
    sv.lname = nm.text.toLowerCase(); sv.lkey = String.UTF8.encode(sv.lname);
    sv.lkeyHash = keyHash(changetype<usize>(sv.lkey!), sv.lkey!.byteLength);
  }
  if (del) {
    if (eq >= 0) { err.push("bad setvar '" + s + "': a deletion '!tx.NAME' takes no value"); return null; }
    sv.op = SetOp.Delete;
    return sv;
  }
  let rhs = eq < 0 ? "1" : t.substring(eq + 1);
  if (rhs.startsWith("+")) { sv.op = SetOp.Add; rhs = rhs.substring(1); }
  else if (rhs.startsWith("-")) { sv.op = SetOp.Sub; rhs = rhs.substring(1); }
  if (sv.op != SetOp.Set) {
    if (rhs.length == 0) { err.push("bad setvar '" + s + "': '+'/'-' need a number or a macro"); return null; }
    if (!hasMacro(rhs)) {
      for (let i = 0; i < rhs.length; i++) {
        const d = rhs.charCodeAt(i) - 0x30;
        if (d < 0 || d > 9) { err.push("bad setvar '" + s + "': '" + rhs + "' is not a number"); return null; }
      }
    }
  }
  const vm = parseMacro(rhs, e);
  if (vm == null) { err.push("bad setvar '" + s + "': " + e[0]); return null; }
  sv.value = vm;
  return sv;
}

function parseIdRange(s: string, c: Ctl): bool {
  const dash = s.indexOf("-", 1);
  const a = dash < 0 ? s : s.substring(0, dash);
  const b = dash < 0 ? s : s.substring(dash + 1);
  const x = parseId(a), y = parseId(b);
  if (x <= 0 || y <= 0 || y < x) return false;
  c.idLo = x; c.idHi = y;
  return true;
}
function parseId(s: string): i32 {
  if (s.length == 0 || s.length > 10) return -1;
  let v: i64 = 0;
  for (let i = 0; i < s.length; i++) { const d = s.charCodeAt(i) - 0x30; if (d < 0 || d > 9) return -1; v = v * 10 + d; }
  return v > 2147483647 ? -1 : <i32>v;
}

/** ctl:ruleRemoveById=ID[-ID], ruleRemoveByTag=TAG, ruleRemoveTargetById=ID;VAR[:key], ruleEngine=On|Off|DetectionOnly,
 *  requestBodyProcessor=URLENCODED|JSON|MULTIPART|XML, requestBodyAccess=On|Off. */
export function parseCtl(s: string, err: Array<string>): Ctl | null {
  const eq = s.indexOf("=");
  if (eq < 0) { err.push("bad ctl '" + s + "': expected NAME=VALUE"); return null; }
  const name = s.substring(0, eq), val = s.substring(eq + 1);
  const c = new Ctl();
  if (name == "ruleRemoveById") {
    c.kind = CtlKind.RuleRemoveById;
    if (!parseIdRange(val, c)) { err.push("bad ctl '" + s + "': expected a rule id or a range ID-ID"); return null; }
  } else if (name == "ruleRemoveByTag") {
    c.kind = CtlKind.RuleRemoveByTag; c.tag = val;
    if (val.length == 0) { err.push("bad ctl '" + s + "': empty tag"); return null; }
  } else if (name == "ruleRemoveTargetById") {
    c.kind = CtlKind.RuleRemoveTargetById;
    const semi = val.indexOf(";");
    if (semi < 0) { err.push("bad ctl '" + s + "': expected ID;VARIABLE[:key]"); return null; }
    const id = parseId(val.substring(0, semi));
    if (id <= 0) { err.push("bad ctl '" + s + "': '" + val.substring(0, semi) + "' is not a rule id"); return null; }
    c.idLo = id; c.idHi = id;
    const e = new Array<string>();
    const sel = parseSelector(val.substring(semi + 1), e);
    if (sel == null) { err.push("bad ctl '" + s + "': " + e[0]); return null; }
    if (sel.count || sel.exclude) { err.push("bad ctl '" + s + "': the target is VARIABLE or VARIABLE:key"); return null; }
    c.target = sel;
  } else if (name == "ruleEngine") {
    c.kind = CtlKind.RuleEngine;
    if (val == "On") c.value = Engine.On; else if (val == "Off") c.value = Engine.Off;
    else if (val == "DetectionOnly") c.value = Engine.DetectionOnly;
    else { err.push("bad ctl '" + s + "': ruleEngine is On, Off or DetectionOnly"); return null; }
  } else if (name == "requestBodyProcessor") {
    c.kind = CtlKind.RequestBodyProcessor;
    const k = BODY_PROC_NAMES.indexOf(val.toUpperCase());
    if (k <= 0) { err.push("bad ctl '" + s + "': requestBodyProcessor is URLENCODED, JSON, MULTIPART or XML"); return null; }
    c.value = k;
  } else if (name == "requestBodyAccess") {
    c.kind = CtlKind.RequestBodyAccess;
    if (val == "On") c.value = 1; else if (val == "Off") c.value = 0;
    else { err.push("bad ctl '" + s + "': requestBodyAccess is On or Off"); return null; }
  } else {
    err.push("unknown ctl '" + name + "' (known: ruleRemoveById, ruleRemoveByTag, ruleRemoveTargetById, ruleEngine, requestBodyProcessor, requestBodyAccess)");
    return null;
  }
  return c;
}
