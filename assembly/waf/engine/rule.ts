/**
 * The compiled rule model: what `parse.ts` builds from a rule pack and `eval.ts` runs.
 * Everything here is built once in proxy_on_configure and read-only per request.
 */
import { Operator, NumericOperator } from "../operators/operator";
import { VarSel } from "./variables";
import { KeptBytes } from "../bytes";

export const enum Act { None, Pass, Block, Deny, Drop, Allow }
export const ACT_NAMES: Array<string> = ["", "pass", "block", "deny", "drop", "allow"];

export const enum Sev { Emergency, Alert, Critical, Error, Warning, Notice, Info, Debug, None }
export const SEV_NAMES: Array<string> = ["EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"];

/** One piece of a macro string: literal text, or a variable reference `%{NAME.key}`. */
export class MacroPart {
  lit: ArrayBuffer | null = null;
  v: i32 = -1;
  key: ArrayBuffer | null = null; // lower case
  keyHash: u32 = 0;               // its TX keyHash
  keyString: string = "";
}
export class Macro {
  parts: Array<MacroPart> = [];
  text: string = "";
  constant: bool = true; // no references
}

export const enum SetOp { Set, Add, Sub, Delete }
export class SetVar {
  name: Macro = new Macro();  // the TX key (without "tx."), may hold macros
  /** for a constant name: the lower-case key, as bytes and as text (built once at configure) */
  lkey: ArrayBuffer | null = null;
  lkeyHash: u32 = 0;
  lname: string = "";
  op: SetOp = SetOp.Set;
  value: Macro = new Macro();
  text: string = "";
}

export const enum CtlKind { RuleRemoveById, RuleRemoveByTag, RuleRemoveTargetById, RuleRemoveTargetByTag, RuleEngine, RequestBodyProcessor, RequestBodyAccess }
export const enum Engine { On, DetectionOnly, Off }
export const enum BodyProc { None, UrlEncoded, Json, Multipart, Xml }
export const BODY_PROC_NAMES: Array<string> = ["", "URLENCODED", "JSON", "MULTIPART", "XML"];

export class Ctl {
  kind: CtlKind = CtlKind.RuleEngine;
  idLo: i32 = 0;
  idHi: i32 = 0;
  tag: string = "";
  target: VarSel | null = null;
  value: i32 = 0; // Engine / BodyProc / bool
}

export class Rule {
  id: i32 = 0;
  /** index of the pack this rule came from, and its JSON path (for messages) */
  pack: i32 = 0;
  path: string = "";
  phase: i32 = 2;
  paranoiaLevel: i32 = 1;
  vars: Array<VarSel> = [];
  exclusions: Array<VarSel> = [];
  /** transformation chain: node ids in the per-VM transformation trie (one per step) and the
   *  transformation ids themselves; "none" resets the list */
  tnodes: Array<i32> = [];
  tids: Array<i32> = [];
  tnames: Array<string> = [];
  op: Operator | null = null;
  opName: string = "";
  opArg: Macro | null = null; // for dynamic operators
  /** op when it is a constant numeric comparison and the rule has no transformations */
  numOp: NumericOperator | null = null;
  negate: bool = false;
  action: Act = Act.None;
  status: i32 = 0;
  msg: Macro | null = null;
  logdata: Macro | null = null;
  tags: Array<string> = [];
  severity: i32 = Sev.None;
  capture: bool = false;
  setvars: Array<SetVar> = [];
  ctls: Array<Ctl> = [];
  chain: Rule | null = null;
  isChained: bool = false; // a follower (not a chain starter)
  skip: i32 = 0;
  skipAfter: string = "";
  multiMatch: bool = false;
  log: bool = true;
  auditlog: bool = true;
  /** prefilter (prefilter.ts): bit number (-1: always evaluated), trigger patterns of the
   *  transformations, slots of the variables; pfItems: prefiltered by literals (per item too),
   *  not only by the presence of its variables; pfByKey: it reads only regex-keyed items and is
   *  prefiltered by its key regexes' literals in the keys (pfSlots are the keys' slots) */
  pfBit: i32 = -1;
  pfItems: bool = false;
  pfByKey: bool = false;
  pfTrig: u32 = 0;
  pfSlots: StaticArray<i32> | null = null;
  /** no-match memo (eval.ts phaseMeta NO_MATCH_MEMO): the value of this rule's last evaluation
   *  that did not match (made on the first one) */
  noMatch: KeptBytes | null = null;
  /** a marker: `{"marker": "NAME"}` */
  marker: string = "";
  isMarker: bool = false;
}

/** Engine settings (`waf` in the plugin configuration, minus the packs). */
export class WafSettings {
  mode: Engine = Engine.On; // "block" = On, "detect" = DetectionOnly, "off" = Off
  paranoiaLevel: i32 = 1;
  detectionParanoiaLevel: i32 = 1;
  inboundThreshold: i32 = 5;
  outboundThreshold: i32 = 4;
  requestBodyLimit: i32 = 131072;
  requestBodyReject: bool = true;
  responseBodyLimit: i32 = 524288;
  responseBodyReject: bool = false;
  responseBodyMimeTypes: Array<string> = ["text/plain", "text/html", "text/xml", "application/json"];
  failOpen: bool = false;
  inspectResponse: bool = true;
  /** skip rules that provably cannot match (engine/prefilter.ts); off only to compare verdicts */
  prefilter: bool = true;
  /** the TX variables set at the start of each transaction (CRS 901's defaults plus the thresholds) */
  txInit: Array<string> = [];
  txInitValues: Array<string> = [];
}

export class PackInfo {
  id: string = "";
  path: string = "";
}

/** The compiled WAF: rules by phase (index 1..5), markers included in every phase. */
export class Waf {
  settings: WafSettings = new WafSettings();
  packs: Array<PackInfo> = [];
  phases: Array<Array<Rule>> = [[], [], [], [], [], []];
  ruleCount: i32 = 0;
  /** whether phase p (1..5) has a rule other than markers */
  hasRules(p: i32): bool {
    const rs = this.phases[p];
    for (let i = 0; i < rs.length; i++) if (!rs[i].isMarker) return true;
    return false;
  }
  /** the rule prefilter's tables (prefilter.ts PrefilterTables), built on first use */
  prefilter: Object | null = null;
  /** the transformation trie: node -> (parent node, transformation id) */
  tParent: Array<i32> = [];
  tId: Array<i32> = [];
}
