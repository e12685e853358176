/**
 * SecLang → Bulwark rule pack (rules/rulepack.schema.json).
 *
 * importSeclang(paths) reads .conf files (directories: their *.conf in name order, Include
 * followed), converts SecRule / SecAction / SecMarker / SecDefaultAction / SecRuleRemoveById /
 * SecRuleRemoveByTag / SecRuleRemoveByMsg / SecRuleUpdateTargetById / SecRuleUpdateTargetByTag /
 * SecRuleUpdateActionById / SecComponentSignature, and inlines @pmFromFile / @ipMatchFromFile data
 * files into the pack's `data`. Everything it cannot express is returned in `problems` with file,
 * line and reason; such rules (whole chains) are left out of the pack.
 * Semantics followed (libmodsecurity v3): SecDefaultAction's deny/drop/allow and status replace
 * `block` only (with a default `pass`, `block` stays CRS anomaly scoring); its log/auditlog/tags/
 * severity/t: apply to rules of its phase. SecRuleRemove… and SecRuleUpdate… act on rules read before
 * them. ctl:ruleRemoveTargetByTag is expanded to ruleRemoveTargetById for the pack's rules with the
 * tag; ctl:forceRequestBodyVariable=On and audit/debug-log ctls are dropped (no effect in Bulwark);
 * ver/rev/maturity/accuracy/sanitise* are dropped (metadata/logging only).
 * Result: { pack, origins (file:line of each pack rule), problems, stats }.
 * Example: convertText('SecRule ARGS "@rx x" "id:1,phase:2,deny"', "a.conf").pack.rules[0]
 *   → { id: 1, phase: 2, variables: ["ARGS"], match: { rx: "x" }, action: "deny" }
 */
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, resolve, basename } from "node:path";
import { tokenize, Directive, Problem } from "./tokenize.ts";

export type { Problem };
export type Json = Record<string, any>;

export const OPERATORS = ["rx", "pm", "pmFromFile", "pmf", "streq", "contains", "containsWord", "beginsWith", "endsWith",
  "within", "eq", "ge", "gt", "le", "lt", "ipMatch", "ipMatchFromFile", "validateByteRange", "validateUrlEncoding",
  "validateUtf8Encoding", "unconditionalMatch", "noMatch", "detectSQLi", "detectXSS"];
const NO_ARG_OPS = new Set(["validateUrlEncoding", "validateUtf8Encoding", "unconditionalMatch", "noMatch", "detectSQLi", "detectXSS"]);
const OP_ALIASES: Record<string, string> = { ipMatchF: "ipMatchFromFile" };
const CTLS = new Set(["ruleRemoveById", "ruleRemoveByTag", "ruleRemoveTargetById", "ruleEngine", "requestBodyProcessor", "requestBodyAccess"]);
/** ctl options that only steer ModSecurity's audit/debug logs: nothing to do in Bulwark. */
const CTL_LOG_ONLY = new Set(["auditEngine", "auditLogParts", "debugLogLevel"]);
/** Actions with no effect on the verdict (metadata or logging details Bulwark does not keep). */
const IGNORED = new Set(["ver", "rev", "maturity", "accuracy", "sanitiseMatched", "sanitiseArg", "sanitiseMatchedBytes",
  "sanitiseRequestHeader", "sanitiseResponseHeader"]);
const DIRECTIVES = new Map(["SecRule", "SecAction", "SecMarker", "SecDefaultAction", "SecComponentSignature", "SecRuleRemoveById",
  "SecRuleRemoveByTag", "SecRuleRemoveByMsg", "SecRuleUpdateTargetById", "SecRuleUpdateTargetByTag", "SecRuleUpdateTargetByMsg",
  "SecRuleUpdateActionById", "Include", "IncludeOptional"].map((n) => [n.toLowerCase(), n]));
const ACTION_NAMES = new Map(["id", "phase", "msg", "logdata", "tag", "severity", "t", "setvar", "ctl", "chain", "skipAfter", "skip",
  "capture", "multiMatch", "log", "nolog", "auditlog", "noauditlog", "status", "pass", "block", "deny", "drop", "allow"].map((n) => [n.toLowerCase(), n]));
const DISRUPTIVE = new Set(["pass", "block", "deny", "drop", "allow"]);
const PHASES: Record<string, number> = { request: 2, response: 4, logging: 5 };
const SEVERITIES = ["EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"];
/** Engine-wide directives: they belong to the plugin configuration's `waf` section, not a pack. */
const SETTINGS: Record<string, string> = {
  SecRuleEngine: "waf.mode", SecRequestBodyAccess: "waf (request bodies are always inspected up to waf.requestBodyLimit)",
  SecRequestBodyLimit: "waf.requestBodyLimit", SecRequestBodyNoFilesLimit: "waf.requestBodyLimit",
  SecRequestBodyLimitAction: "waf.requestBodyLimitAction", SecResponseBodyAccess: "waf.inspectResponse",
  SecResponseBodyLimit: "waf.responseBodyLimit", SecResponseBodyLimitAction: "waf.responseBodyLimitAction",
  SecResponseBodyMimeType: "waf.responseBodyMimeTypes",
};

export interface ImportResult {
  pack: Json;
  origins: string[];
  problems: Problem[];
  /** Converted, but Bulwark may behave differently from ModSecurity (printed, never fatal). */
  warnings: Problem[];
  stats: { statements: number; rules: number; chained: number; markers: number; refused: number };
}

export interface Action { name: string; value?: string }

/** Splits `id:1,msg:'a, b',t:none` into actions; single quotes protect commas, `\'` is a quote. */
export function parseActions(s: string): Action[] {
  const out: Action[] = [];
  let p = 0;
  const n = s.length;
  while (p < n) {
    while (p < n && /[\s,]/.test(s[p])) p++;
    if (p >= n) break;
    let name = "";
    while (p < n && s[p] !== ":" && s[p] !== ",") name += s[p++];
    name = name.trim();
    name = ACTION_NAMES.get(name.toLowerCase()) ?? name; // action names ignore case
    if (p < n && s[p] === ":") {
      p++;
      while (p < n && (s[p] === " " || s[p] === "\t")) p++;
      let v = "";
      if (s[p] === "'") {
        p++;
        while (p < n) {
          if (s[p] === "\\" && s[p + 1] === "'") { v += "'"; p += 2; continue; }
          if (s[p] === "'") { p++; break; }
          v += s[p++];
        }
        while (p < n && s[p] !== ",") p++;
      } else {
        while (p < n && s[p] !== ",") v += s[p++];
        v = v.trim();
      }
      out.push({ name, value: v });
    } else out.push({ name });
  }
  return out;
}

/** Splits `ARGS|!ARGS:a|REQUEST_HEADERS:/x|y/` on `|` outside `/regex/` keys and quotes. */
export function parseVariables(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let p = 0;
  while (p < s.length) {
    const c = s[p];
    if (c === "|") { out.push(cur); cur = ""; p++; continue; }
    if (c === ":" && (s[p + 1] === "/" || s[p + 1] === "'")) {
      cur += c; p++;
      const q = s[p];
      if (q === "'") {
        p++;
        let inner = "";
        while (p < s.length && s[p] !== "'") inner += s[p++];
        p++;
        cur += inner;
        continue;
      }
      cur += s[p++];
      while (p < s.length && s[p] !== "/") { if (s[p] === "\\" && p + 1 < s.length) cur += s[p++]; cur += s[p++]; }
      if (p < s.length) cur += s[p++];
      continue;
    }
    cur += c; p++;
  }
  out.push(cur);
  return out.map((v) => v.trim()).filter((v) => v.length > 0);
}

/** `@name arg`, `!@name arg`, or a bare regex (`@rx` implied). */
export function parseOperator(s: string): { name: string; arg: string; negate: boolean } {
  let t = s;
  let negate = false;
  if (t.startsWith("!")) { negate = true; t = t.slice(1); }
  if (!t.startsWith("@")) return { name: "rx", arg: t, negate };
  const m = /^@([A-Za-z0-9_]+)\s?([\s\S]*)$/.exec(t);
  if (!m) return { name: "", arg: t, negate };
  return { name: m[1], arg: m[2], negate };
}

class Rule {
  json: Json = {};
  chainOpen = false;
  problems: string[] = [];
  constructor(public file: string, public line: number, public chained: boolean) {}
}

const KEY_ORDER = ["id", "phase", "paranoiaLevel", "variables", "transformations", "match", "negate", "action", "status", "msg",
  "logdata", "tags", "severity", "capture", "multiMatch", "setvar", "ctl", "skip", "skipAfter", "log", "auditlog", "chain"];
function ordered(j: Json): Json {
  const o: Json = {};
  for (const k of KEY_ORDER) if (j[k] !== undefined) o[k] = k === "chain" ? ordered(j[k]) : j[k];
  return o;
}

export class Converter {
  problems: Problem[] = [];
  warnings: Problem[] = [];
  entries: Array<{ json: Json; origin: string; marker?: boolean }> = [];
  data: Record<string, string[]> = {};
  defaults = new Map<number, Action[]>();
  description = "";
  stats = { statements: 0, rules: 0, chained: 0, markers: 0, refused: 0 };
  private open: Rule | null = null; // chain starter waiting for its follower(s)
  private openTail: Rule | null = null;
  private openBad = false;
  private seen = new Set<string>();
  private byTag: Array<{ ctl: string[]; text: string; tag: string; target: string; file: string; line: number }> = [];

  constructor(public packId = "seclang") {}

  problem(d: { file: string; line: number }, reason: string): void {
    const last = this.problems[this.problems.length - 1];
    if (last && last.file === d.file && last.line === d.line && last.reason === reason) return;
    this.problems.push({ file: d.file, line: d.line, reason });
  }

  addPath(path: string): void {
    const abs = resolve(path);
    if (!existsSync(abs)) { this.problems.push({ file: path, line: 0, reason: "no such file or directory" }); return; }
    if (statSync(abs).isDirectory()) {
      for (const n of readdirSync(abs).filter((n) => n.endsWith(".conf")).sort()) this.addFile(join(abs, n), join(path, n));
    } else this.addFile(abs, path);
  }

  addFile(abs: string, shown: string): void {
    if (this.seen.has(abs)) return;
    this.seen.add(abs);
    this.addText(readFileSync(abs, "utf8"), shown, dirname(abs));
  }

  addText(text: string, file: string, dir = "."): void {
    for (const d of tokenize(text, file, this.problems)) this.directive(d, dir);
  }

  private directive(d: Directive, dir: string): void {
    const name = DIRECTIVES.get(d.name.toLowerCase()) ?? d.name; // directive names ignore case
    if (this.open && name !== "SecRule" && name !== "SecAction") { this.problem(d, "chain not continued: the rule before ends with 'chain' but this is " + name); this.closeChain(); }
    switch (name) {
      case "SecRule": return this.secRule(d, dir, d.args[0], d.args[1], d.args[2], 3);
      case "SecAction": return this.secRule(d, dir, undefined, undefined, d.args[0], 1);
      case "SecMarker":
        if (d.args.length !== 1) return this.problem(d, "SecMarker takes one name");
        this.stats.markers++;
        this.entries.push({ json: { marker: d.args[0] }, origin: `${d.file}:${d.line}`, marker: true });
        return;
      case "SecDefaultAction": return this.defaultAction(d);
      case "SecComponentSignature": this.description = (this.description ? this.description + "; " : "") + d.args.join(" "); return;
      case "SecRuleRemoveById": return this.removeBy(d, (j) => d.args.some((a) => inIds(a, j.id)));
      case "SecRuleRemoveByTag": return this.removeBy(d, (j) => (j.tags ?? []).some((t: string) => d.args.includes(t)));
      case "SecRuleRemoveByMsg": return this.removeBy(d, (j) => d.args.includes(j.msg));
      case "SecRuleUpdateTargetById": return this.updateTarget(d, (j) => inIds(d.args[0] ?? "", j.id));
      case "SecRuleUpdateTargetByTag": return this.updateTarget(d, (j) => (j.tags ?? []).includes(d.args[0]));
      case "SecRuleUpdateTargetByMsg": return this.updateTarget(d, (j) => j.msg === d.args[0]);
      case "SecRuleUpdateActionById": return this.updateAction(d);
      case "Include": case "IncludeOptional": return this.include(d, dir, name === "IncludeOptional");
      default:
        if (SETTINGS[name]) return this.problem(d, `${name} is an engine setting: set ${SETTINGS[name]} in the plugin configuration instead`);
        return this.problem(d, `directive ${name} is not supported`);
    }
  }

  private include(d: Directive, dir: string, optional: boolean): void {
    if (d.args.length !== 1) return this.problem(d, "Include takes one path");
    const pat = d.args[0];
    const full = resolve(dir, pat);
    let files: string[];
    if (pat.includes("*") || pat.includes("?")) {
      const pd = dirname(full);
      const re = new RegExp("^" + basename(full).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
      files = existsSync(pd) ? readdirSync(pd).filter((n) => re.test(n)).sort().map((n) => join(pd, n)) : [];
    } else files = existsSync(full) ? [full] : [];
    if (files.length === 0 && !optional) return this.problem(d, `Include: nothing matches '${pat}'`);
    for (const f of files) {
      if (statSync(f).isDirectory()) this.addPath(f); else this.addFile(f, f);
    }
  }

  private defaultAction(d: Directive): void {
    const acts = parseActions(d.args[0] ?? "");
    const ph = acts.find((a) => a.name === "phase");
    const phase = ph ? phaseOf(ph.value ?? "") : 2;
    if (!phase) return this.problem(d, `SecDefaultAction: bad phase '${ph?.value}'`);
    const kept: Action[] = [];
    for (const a of acts) {
      if (a.name === "phase") continue;
      if (DISRUPTIVE.has(a.name) || ["status", "log", "nolog", "auditlog", "noauditlog", "t", "tag", "severity"].includes(a.name)) kept.push(a);
      else this.problem(d, `SecDefaultAction: action '${a.name}' is not supported as a default`);
    }
    this.defaults.set(phase, kept);
  }

  private secRule(d: Directive, dir: string, vars: string | undefined, op: string | undefined, actions: string | undefined, nargs: number): void {
    this.stats.statements++;
    if (d.args.length > nargs || (nargs === 3 && d.args.length < 2) || (nargs === 1 && d.args.length < 1)) {
      this.problem(d, `${d.name} expects ${nargs === 3 ? "VARIABLES OPERATOR [ACTIONS]" : "ACTIONS"}, got ${d.args.length} argument(s)`);
      if (this.open) { this.openBad = true; this.closeChain(); }
      return;
    }
    const chained = this.open != null;
    const r = new Rule(d.file, d.line, chained);
    const j = r.json;
    if (vars === undefined) { j.variables = ["REQUEST_METHOD"]; j.match = { unconditionalMatch: "" }; }
    else {
      j.variables = parseVariables(vars);
      if (j.variables.length === 0) r.problems.push("no variables");
      const o = parseOperator(op!);
      const name = OP_ALIASES[o.name] ?? o.name;
      if (!OPERATORS.includes(name)) r.problems.push(`operator @${o.name} is not supported by the engine`);
      else {
        const arg = NO_ARG_OPS.has(name) ? "" : o.arg;
        j.match = { [name]: arg };
        if (name === "pmFromFile" || name === "pmf" || name === "ipMatchFromFile") this.inlineData(r, dir, arg);
      }
      if (o.negate) j.negate = true;
    }
    this.applyActions(r, parseActions(actions ?? ""), false);
    if (!chained) {
      const phase = j.phase ?? 2;
      j.phase = phase;
      const defs = this.defaults.get(phase) ?? [];
      // libmodsecurity v3: the default's disruptive action (and status) only stand in for `block`
      // (below); a rule without a disruptive action of its own passes.
      const fromDefault = defs.filter((a) => (DISRUPTIVE.has(a.name) || a.name === "status" ? false :
        a.name === "log" || a.name === "nolog" ? j.log === undefined : a.name === "auditlog" || a.name === "noauditlog" ? j.auditlog === undefined : a.name !== "t"));
      const save = { ...j };
      this.applyActions(r, fromDefault, true);
      // default transformations come first
      const dt = defs.filter((a) => a.name === "t").map((a) => a.value!);
      if (dt.length && !(save.transformations ?? []).includes("none")) j.transformations = [...dt, ...(save.transformations ?? [])];
      // `block` means "the default disruptive action of this phase": deny/drop/allow there makes it
      // that action (with the default status); with a default `pass` it stays CRS anomaly scoring.
      if (j.action === "block") {
        const dd = defs.find((a) => DISRUPTIVE.has(a.name) && a.name !== "pass" && a.name !== "block");
        if (dd) {
          j.action = dd.name;
          const ds = defs.find((a) => a.name === "status");
          if (ds && j.status === undefined && /^\d{3}$/.test(ds.value ?? "")) j.status = Number(ds.value);
        }
      }
      if (j.action === "pass" || j.action === undefined) delete j.action;
      if (j.log === true) delete j.log;
      if (j.auditlog === true) delete j.auditlog;
      if (j.id === undefined) r.problems.push("rule without an id");
    }
    const wantsChain = r.chainOpen;
    if (chained) {
      this.stats.chained++;
      this.openTail!.json.chain = j;
      if (r.problems.length) { this.openBad = true; for (const p of r.problems) this.problem(d, `rule ${this.open!.json.id ?? "?"} (chained rule): ${p}`); }
      this.openTail = r;
      if (!wantsChain) this.closeChain();
      return;
    }
    this.stats.rules++;
    if (wantsChain) { this.open = r; this.openTail = r; this.openBad = r.problems.length > 0; for (const p of r.problems) this.problem(d, j.id !== undefined ? `rule ${j.id}: ${p}` : p); return; }
    this.finish(r, r.problems.length > 0);
  }

  private closeChain(): void {
    const r = this.open!;
    const bad = this.openBad || this.openTail!.chainOpen;
    if (this.openTail!.chainOpen) this.problem(r, "chain without a following rule");
    this.open = null; this.openTail = null; this.openBad = false;
    this.finish(r, bad, true);
  }

  private finish(r: Rule, bad: boolean, reported = false): void {
    if (bad) {
      this.stats.refused++;
      if (!reported) for (const p of r.problems) this.problem(r, r.json.id !== undefined ? `rule ${r.json.id}: ${p}` : p);
      return;
    }
    this.entries.push({ json: r.json, origin: `${r.file}:${r.line}` });
  }

  private inlineData(r: Rule, dir: string, arg: string): void {
    for (const name of arg.split(/\s+/).filter(Boolean)) {
      if (this.data[arg]) continue;
      const f = resolve(dir, name);
      if (!existsSync(f)) { r.problems.push(`data file '${name}' not found (looked in ${dir})`); continue; }
      const lines = readFileSync(f, "utf8").replace(/\r\n?/g, "\n").split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
      if (name === arg) this.data[arg] = lines;
      else r.problems.push(`@pmFromFile with several files ('${arg}') is not supported`);
    }
  }

  /** Applies SecLang actions to r.json; `update` = from SecDefaultAction/SecRuleUpdateActionById. */
  applyActions(r: Rule, acts: Action[], update: boolean): void {
    const j = r.json;
    const chained = r.chained;
    const starterOnly = (a: Action) => { if (chained && !update) { r.problems.push(`action '${a.name}' is not allowed in a chained rule (it belongs to the chain starter)`); return true; } return false; };
    for (const a of acts) {
      const v = a.value ?? "";
      switch (ACTION_NAMES.get(a.name.toLowerCase()) ?? a.name) { // action names ignore case
        case "id": {
          if (starterOnly(a)) break;
          if (update) break;
          const n = Number(v);
          if (!/^\d+$/.test(v) || n < 1 || n > 2147483647) r.problems.push(`bad id '${v}'`); else j.id = n;
          break;
        }
        case "phase": {
          if (starterOnly(a)) break;
          const p = phaseOf(v);
          if (!p) r.problems.push(`bad phase '${v}'`); else j.phase = p;
          break;
        }
        case "msg": if (!starterOnly(a)) j.msg = v; break;
        case "logdata": j.logdata = v; break;
        case "tag": {
          if (starterOnly(a)) break;
          (j.tags ??= []).push(v);
          const m = /^paranoia-level\/([1-4])$/.exec(v);
          if (m) j.paranoiaLevel = Number(m[1]);
          break;
        }
        case "severity": {
          if (starterOnly(a)) break;
          if (/^[0-7]$/.test(v)) j.severity = Number(v);
          else if (SEVERITIES.includes(v.toUpperCase())) j.severity = v.toUpperCase();
          else r.problems.push(`bad severity '${v}'`);
          break;
        }
        case "t": (j.transformations ??= []).push(v); break;
        case "setvar": {
          if (/^!?tx\./i.test(v)) (j.setvar ??= []).push(v);
          else r.problems.push(`setvar:'${v}': only the TX collection is supported (persistent collections are not)`);
          break;
        }
        case "ctl": {
          const cn = v.split("=")[0];
          if (CTL_LOG_ONLY.has(cn)) break;
          // Bulwark always fills REQUEST_BODY, whatever the body processor: forcing it is a no-op
          if (cn === "forceRequestBodyVariable" && /^on$/i.test(v.slice(cn.length + 1))) break;
          if (cn === "ruleRemoveTargetByTag") {
            const m = /^ruleRemoveTargetByTag=([^;]+);(.+)$/.exec(v);
            if (!m) { r.problems.push(`bad ctl '${v}': expected ruleRemoveTargetByTag=TAG;VARIABLE[:key]`); break; }
            // expanded into ruleRemoveTargetById for every rule with the tag once all files are read
            const ctl: string[] = (j.ctl ??= []);
            ctl.push(v);
            this.byTag.push({ ctl, text: v, tag: m[1], target: m[2], file: r.file, line: r.line });
            break;
          }
          if (CTLS.has(cn)) (j.ctl ??= []).push(v);
          else r.problems.push(`ctl:${cn} is not supported by the engine`);
          break;
        }
        case "chain": if (!update) r.chainOpen = true; else r.problems.push("chain cannot be added by an update"); break;
        case "skipAfter": if (!starterOnly(a)) { j.skipAfter = v; delete j.skip; } break;
        case "skip": {
          if (starterOnly(a)) break;
          if (!/^\d+$/.test(v)) r.problems.push(`bad skip '${v}'`); else { j.skip = Number(v); delete j.skipAfter; }
          break;
        }
        case "capture": j.capture = true; break;
        case "multiMatch": j.multiMatch = true; break;
        case "log": if (!chained) j.log = true; break;
        case "nolog": if (!chained) j.log = false; break;
        case "auditlog": if (!chained) j.auditlog = true; break;
        case "noauditlog": if (!chained) j.auditlog = false; break;
        case "status": {
          if (starterOnly(a)) break;
          if (!/^\d{3}$/.test(v)) r.problems.push(`bad status '${v}'`); else j.status = Number(v);
          break;
        }
        case "pass": case "block": case "deny": case "drop": case "allow":
          if (starterOnly(a)) break;
          if (a.value !== undefined) r.problems.push(`${a.name}:${v} is not supported (only a plain '${a.name}')`);
          j.action = a.name;
          break;
        default:
          if (IGNORED.has(a.name)) break;
          r.problems.push(`action '${a.name}' is not supported`);
      }
    }
  }

  private removeBy(d: Directive, pred: (j: Json) => boolean): void {
    if (d.args.length === 0) return this.problem(d, `${d.name} needs an argument`);
    this.entries = this.entries.filter((e) => e.marker || !pred(e.json));
  }

  private updateTarget(d: Directive, pred: (j: Json) => boolean): void {
    if (d.args.length < 2 || d.args.length > 3) return this.problem(d, `${d.name} expects a rule selector, targets and optionally a replaced target`);
    const add = parseVariables(d.args[1]);
    let n = 0;
    for (const e of this.entries) {
      if (e.marker || !pred(e.json)) continue;
      n++;
      const vs: string[] = e.json.variables;
      if (d.args.length === 3) {
        const k = vs.indexOf(d.args[2]);
        if (k < 0) { this.problem(d, `rule ${e.json.id} has no target '${d.args[2]}' to replace`); continue; }
        vs.splice(k, 1, ...add);
      } else for (const t of add) if (!vs.includes(t)) vs.push(t);
    }
    if (n === 0) this.problem(d, `${d.name}: no rule matches '${d.args[0]}' (it must come after the rule)`);
  }

  private updateAction(d: Directive): void {
    if (d.args.length !== 2) return this.problem(d, "SecRuleUpdateActionById expects an id and actions");
    const e = this.entries.find((e) => !e.marker && inIds(d.args[0], e.json.id));
    if (!e) return this.problem(d, `SecRuleUpdateActionById: no rule with id ${d.args[0]} (it must come after the rule)`);
    const r = new Rule(d.file, d.line, false);
    r.json = e.json;
    const acts = parseActions(d.args[1]);
    if (acts.some((a) => a.name === "t")) delete e.json.transformations; // ModSecurity: new t: replace the old list
    if (acts.some((a) => a.name === "tag")) delete e.json.tags;
    this.applyActions(r, acts, true);
    if (e.json.action === "pass") delete e.json.action;
    for (const p of r.problems) this.problem(d, p);
  }

  result(): ImportResult {
    if (this.open) this.closeChain();
    for (const b of this.byTag) {
      const k = b.ctl.indexOf(b.text);
      if (k < 0) continue;
      const ids = this.entries.filter((e) => !e.marker && (e.json.tags ?? []).includes(b.tag)).map((e) => e.json.id as number);
      if (ids.length === 0) this.problems.push({ file: b.file, line: b.line, reason: `ctl:${b.text}: no imported rule has the tag '${b.tag}'` });
      b.ctl.splice(k, 1, ...ids.map((id) => `ruleRemoveTargetById=${id};${b.target}`));
    }
    const pack: Json = { id: this.packId };
    if (this.description) pack.description = this.description;
    pack.rules = this.entries.map((e) => (e.marker ? e.json : ordered(e.json)));
    if (Object.keys(this.data).length) pack.data = this.data;
    return { pack, origins: this.entries.map((e) => e.origin), problems: this.problems, warnings: this.warnings, stats: this.stats };
  }
}

function phaseOf(v: string): number {
  if (/^[1-5]$/.test(v)) return Number(v);
  return PHASES[v.toLowerCase()] ?? 0;
}

function inIds(spec: string, id: number): boolean {
  for (const part of spec.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(\d+)-(\d+)$/.exec(part);
    if (m) { if (id >= Number(m[1]) && id <= Number(m[2])) return true; }
    else if (Number(part) === id) return true;
  }
  return false;
}

/** Imports files and directories (in the order given) into one pack. */
export function importSeclang(paths: string[], opts: { id?: string } = {}): ImportResult {
  const c = new Converter(opts.id ?? "seclang");
  for (const p of paths) c.addPath(p);
  return c.result();
}

/** Converts SecLang text (tests, snippets); `dir` resolves data files and Includes. */
export function convertText(text: string, file = "<text>", dir = ".", id = "seclang"): ImportResult {
  const c = new Converter(id);
  c.addText(text, file, dir);
  return c.result();
}

/**
 * The OWASP CRS as one pack: `crs-setup.conf.example` (when present) and the `rules/*.conf` files
 * whose names `include` accepts, in name order, as the CRS loads them. Used by `bulwark ftw` (every
 * file) and the ModSecurity comparison (request rules only).
 */
export function importCrs(crsDir: string, include: (name: string) => boolean = (n) => n.endsWith(".conf")): ImportResult {
  const c = new Converter("crs");
  const setup = join(crsDir, "crs-setup.conf.example");
  if (existsSync(setup)) c.addPath(setup);
  const rules = join(crsDir, "rules");
  for (const n of readdirSync(rules).filter(include).sort()) c.addPath(join(rules, n));
  return c.result();
}
