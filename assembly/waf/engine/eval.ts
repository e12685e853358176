/**
 * Rule evaluation with ModSecurity v3 semantics.
 *
 *   const e = new WafEngine(waf);           // once per VM (after parse)
 *   e.begin(uniqueId, nowNanos);            // per request: reset the transaction, set TX defaults
 *   …feed e.tx (transaction.ts)…; e.runPhase(1); …; e.runPhase(2); e.checkInbound();
 *   if (e.tx.interrupted) → reply e.tx.status, log e.decision()
 *
 * Semantics (see rules/rulepack.schema.json for the authoring view):
 * - Rules of a phase run in pack order; markers exist in every phase. `skip: N` skips the next N
 *   rules (a chain counts once), `skipAfter: M` continues after the next marker M of the phase.
 * - A rule matches when its operator (after its transformations; with `multiMatch` also on the
 *   raw value and after every transformation that changed it) matches at least one value of its
 *   variables (minus `!` exclusions and ctl-removed targets); `negate` inverts each test. An empty
 *   collection is not tested at all (so a negated rule does not match a missing variable).
 * - A chain matches when every rule of it matches, in order; `capture` and MATCHED_VAR are set
 *   as each member matches (a follower can test TX:1 or MATCHED_VAR). A member's setvar runs for
 *   each value it matched, as soon as it matched, even when a later member does not (ModSecurity
 *   v3's executeActionsIndependentOfChainedRuleResult; CRS 920420 and 920450 rely on it; a score
 *   setvar therefore counts every matching value); ctl, msg/logdata,
 *   logging and the disruptive action (on the starter) run once, after the whole chain matched.
 * - Disruptive actions: deny/drop stop the transaction with `status` (403 by default); allow stops
 *   rule processing for the rest of the transaction; pass continues; block is CRS's anomaly-mode
 *   "block": it only reports, and the score decides (checkInbound / checkOutbound).
 * - Engine mode DetectionOnly (mode "detect", or ctl:ruleEngine=DetectionOnly) evaluates and logs
 *   everything but never interrupts; Off stops evaluation.
 * - Rules with paranoiaLevel above the detection paranoia level are not evaluated. The inbound
 *   score is the sum of TX:inbound_anomaly_score_pl1..plN (N = blocking paranoia level); reaching
 *   TX:inbound_anomaly_score_threshold after phase 2 blocks with 403, recorded as rule 949110
 *   (959100 for the outbound score after phase 4), as CRS's blocking-evaluation rules do.
 * - Fail-closed: after phase 2, checkComplete refuses requests whose inspection could not complete
 *   (body processor error → 400 as 200002, TX overflow → 403 as 200005) unless waf.failOpen.
 */
import { Rule, Waf, Act, Engine, CtlKind, SetOp, SetVar } from "./rule";
import { Transaction, Match, keyHash } from "./transaction";
import { V, VAR_NAMES, VarSel, isCollection, lowerAscii } from "./variables";
import { KV, keyEquals, writeDecimal } from "./arena";
import { TCache } from "./tcache";
import { OpContext } from "../operators/operator";
import { ByteBuf, KeptBytes } from "../bytes";
import { applyTransform } from "../transforms/registry";
import { expand, expandString } from "./macro";
import { processRequestBody } from "./body";
import { RulePrefilter, itemSlotOf, nextBit } from "./prefilter";
import { sameBytes } from "../../util/bytes";

/** phaseMeta flags: a flow-only rule (no effect but where the walk goes on); a rule decided from
 *  the TX store alone (a constant comparison of `&TX:key`; its setvars, if any, are constant) */
const FLOW_ONLY = 1;
const TX_COUNT = 2;
/** phaseMeta flag: a rule whose no-match is remembered by value (noMatchMemo) */
const NO_MATCH_MEMO = 4;
/** values longer than this are not remembered by the no-match memo */
const NM_MAX_LEN = 256;

/**
 * Whether r's result is a function of one value's bytes (noMatchMemo): no chain, one variable
 * that is a scalar, or a plain key of a header, cookie or argument list (one item expected), a
 * constant operator argument, no exclusions. Transformations and operators are pure functions of
 * the bytes; a rule that does not match runs no action.
 */
function oneValueRule(r: Rule): bool {
  if (r.isMarker || r.chain != null || r.op == null || r.op!.dynamic) return false;
  if (r.vars.length != 1 || r.exclusions.length != 0) return false;
  const sel = r.vars[0];
  if (sel.count || sel.exclude) return false;
  if (!isCollection(sel.v)) return true;
  return (sel.v == V.REQUEST_HEADERS || sel.v == V.REQUEST_COOKIES || sel.v == V.ARGS_GET || sel.v == V.ARGS_POST) &&
    sel.key != null && sel.keyRe == null;
}

/** r compares the count of one TX key (`&TX:key`, no key regex, no exclusion) with a number. */
function txCountOnly(r: Rule): bool {
  if (r.vars.length != 1 || r.exclusions.length != 0 || r.numOp == null) return false;
  const sel = r.vars[0];
  return sel.count && sel.v == V.TX && sel.key != null && sel.keyRe == null && !sel.exclude;
}

/** Two txCountOnly rules make the same test: key, comparison, number and negation. */
function sameCountTest(a: Rule, b: Rule): bool {
  const ka = a.vars[0].key!, kb = b.vars[0].key!;
  return ka.byteLength == kb.byteLength && sameBytes(changetype<usize>(ka), changetype<usize>(kb), ka.byteLength) &&
    a.numOp!.name == b.numOp!.name && a.numOp!.k == b.numOp!.k && a.negate == b.negate;
}

/** Every setvar of r has a constant name and value (no macro: nothing read from the match). */
function constantSetvars(r: Rule): bool {
  for (let k = 0; k < r.setvars.length; k++) {
    const sv = r.setvars[k];
    if (sv.lkey == null || !sv.value.constant) return false;
  }
  return true;
}

@inline function isMatchedVar(v: i32): bool {
  return v == V.MATCHED_VAR || v == V.MATCHED_VAR_NAME || v == V.MATCHED_VARS || v == V.MATCHED_VARS_NAMES;
}

/** Whether a chain starter reads MATCHED_VAR(S)(_NAME(S)) before its own match sets them: as a
 *  variable, or in a macro of its operator argument. */
function readsMatched(waf: Waf): bool {
  for (let p = 0; p < waf.phases.length; p++) {
    const rules = waf.phases[p];
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i];
      if (r.isMarker) continue;
      for (let k = 0; k < r.vars.length; k++) if (isMatchedVar(r.vars[k].v)) return true;
      for (let k = 0; k < r.exclusions.length; k++) if (isMatchedVar(r.exclusions[k].v)) return true;
      const a = r.opArg;
      if (a != null) for (let k = 0; k < a.parts.length; k++) if (isMatchedVar(a.parts[k].v)) return true;
    }
  }
  return false;
}

/** The first position in [i, limit) of the positions `todo` holds (words) that the walk would
 *  evaluate, counting a flow-only rule only when it guards such a position before its own target
 *  (else limit or more). With more positions it can only be smaller (a rule found stays found, a
 *  flow-only rule that guarded still guards). */
function nextReal(todo: StaticArray<u64>, words: i32, meta: StaticArray<i32>, i: i32, limit: i32): i32 {
  let k = nextBit(todo, words, i);
  while (k < limit) {
    const m = k * META;
    if ((unchecked(meta[m + 2]) & FLOW_ONLY) == 0) return k;
    const t = unchecked(meta[m + 1]);
    if (t > limit || nextReal(todo, words, meta, k + 1, t) < t) return k;
    k = nextBit(todo, words, t);
  }
  return k;
}

/** Debugging aid for the engine harness (harness.ts traceRun): while on, the ids of the rules
 *  evaluated are collected in `traced` (which rules a request costs, what the prefilter skips). */
export let TRACE = false;
export const traced = new Array<i32>();
export function setTrace(on: bool): void { TRACE = on; if (on) traced.length = 0; }
export const INBOUND_RULE_ID = 949110;
const META = 4;
/** fail-closed answers, numbered as ModSecurity's modsecurity.conf-recommended rules */
export const BODY_ERROR_RULE_ID = 200002;
export const INTERNAL_ERROR_RULE_ID = 200005;
export const OUTBOUND_RULE_ID = 959100;
/** matched fragments are cut to this many bytes in logs and replies */
export const FRAGMENT_MAX = 40;

const PL_KEYS_IN: Array<ArrayBuffer> = [
  String.UTF8.encode("inbound_anomaly_score_pl1"), String.UTF8.encode("inbound_anomaly_score_pl2"),
  String.UTF8.encode("inbound_anomaly_score_pl3"), String.UTF8.encode("inbound_anomaly_score_pl4"),
];
const PL_KEYS_OUT: Array<ArrayBuffer> = [
  String.UTF8.encode("outbound_anomaly_score_pl1"), String.UTF8.encode("outbound_anomaly_score_pl2"),
  String.UTF8.encode("outbound_anomaly_score_pl3"), String.UTF8.encode("outbound_anomaly_score_pl4"),
];
const K_IN_THRESHOLD = String.UTF8.encode("inbound_anomaly_score_threshold");
const K_OUT_THRESHOLD = String.UTF8.encode("outbound_anomaly_score_threshold");
function hashes(keys: Array<ArrayBuffer>): Array<u32> {
  const out = new Array<u32>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keyHash(changetype<usize>(keys[i]), keys[i].byteLength);
  return out;
}
const PL_HASH_IN = hashes(PL_KEYS_IN);
const PL_HASH_OUT = hashes(PL_KEYS_OUT);
const H_IN_THRESHOLD = keyHash(changetype<usize>(K_IN_THRESHOLD), K_IN_THRESHOLD.byteLength);

export class WafEngine {
  tx: Transaction = new Transaction();
  cache: TCache = new TCache();
  ctx: OpContext = new OpContext();
  private argBuf: ByteBuf = new ByteBuf(64);
  private tbuf: ByteBuf = new ByteBuf(256);
  private nameBuf: ByteBuf = new ByteBuf(128);
  private valBuf: ByteBuf = new ByteBuf(64);
  /** inbound score after the last checkInbound (for decisions) */
  inboundScore: i64 = 0;
  outboundScore: i64 = 0;
  /** rule evaluations in this request (for tests and benchmarks) */
  evaluations: i32 = 0;
  /** per-item state while a rule is evaluated */
  private itemName: string = "";
  /** the chain being evaluated logs (its starter's `log`): only then are match records kept */
  private logging: bool = true;

  /** settings.txInit as bytes, duplicates merged (last value wins), built once per engine */
  private initKeys: Array<ArrayBuffer> | null = null;
  private initNames: Array<string> | null = null;
  private initVals: Array<ArrayBuffer> | null = null;

  /** skips rules that cannot match this request (prefilter.ts); null when waf.prefilter is false */
  pf: RulePrefilter | null = null;
  /** rules the prefilter skipped in this request (tests, bench) */
  skipped: i32 = 0;

  /** phases 3 and 4 have rules (not only markers): the response is inspected */
  respRules3: bool = false;
  respRules4: bool = false;

  constructor(public waf: Waf) {
    if (waf.settings.prefilter) this.pf = new RulePrefilter(waf, this.tx);
    this.respRules3 = waf.hasRules(3);
    this.respRules4 = waf.hasRules(4);
  }

  /** Encodes the TX defaults once, so a request's start copies bytes instead of encoding strings. */
  private prepareTxInit(): void {
    const s = this.waf.settings;
    const keys = new Array<ArrayBuffer>(), names = new Array<string>(), vals = new Array<ArrayBuffer>();
    for (let i = 0; i < s.txInit.length; i++) {
      const name = s.txInit[i];
      const lkey = lowerAscii(name);
      const v = String.UTF8.encode(s.txInitValues[i]);
      let j = 0;
      while (j < keys.length && !keyEquals(changetype<usize>(keys[j]), keys[j].byteLength, lkey)) j++;
      if (j < keys.length) { vals[j] = v; continue; }
      keys.push(lkey); names.push(name.toLowerCase()); vals.push(v);
    }
    this.initKeys = keys; this.initNames = names; this.initVals = vals;
  }

  begin(uniqueId: string, nowNanos: u64): void {
    const tx = this.tx;
    tx.reset(true);
    this.cache.newRequest();
    tx.uniqueId = uniqueId;
    tx.startNanos = nowNanos; tx.nowNanos = nowNanos;
    const s = this.waf.settings;
    tx.engine = s.mode;
    if (this.initKeys == null) this.prepareTxInit();
    tx.tx.initFrom(this.initKeys!, this.initNames!, this.initVals!);
    this.inboundScore = 0; this.outboundScore = 0; this.evaluations = 0; this.skipped = 0; this.flowSkipped = 0; this.nmSkipped = 0;
    if (this.pf != null) this.pf!.newRequest();
  }

  /** Whether the prefilter proves that rule r cannot match now. */
  @inline private cannotMatch(r: Rule): bool {
    if (r.pfBit < 0) return false;
    const pf = this.pf;
    if (pf == null || pf.isCandidate(r.pfBit)) return false;
    this.skipped++;
    return true;
  }

  /** The (possibly truncated) request body: REQUEST_BODY and the body processor's variables. */
  requestBody(p: usize, n: i32): void {
    this.tx.setRequestBody(p, n);
    processRequestBody(this.tx, p, n);
  }

  // ---- phases --------------------------------------------------------------------------------

  runPhase(phase: i32): void {
    const tx = this.tx;
    if (tx.interrupted || tx.allowed || tx.engine == Engine.Off) return;
    const rules = this.waf.phases[phase];
    const meta = this.phaseMeta(phase);
    const dpl = this.waf.settings.detectionParanoiaLevel;
    const pf = this.pf;
    const n = rules.length;
    if (pf != null) {
      // only the rules always evaluated and the prefilter's candidates are visited
      this.skipped += pf.prepare(phase);
      let i = pf.next(0);
      while (i < n) {
        const r = unchecked(rules[i]);
        const m = i * META;
        i++;
        // a flow-only rule (phaseMeta) with nothing to visit before its skipAfter target: matched
        // or not, the walk goes on after the target, and evaluating it changes nothing else
        const flags = unchecked(meta[m + 2]);
        if (flags != 0) {
          const t = unchecked(meta[m + 1]);
          if ((flags & FLOW_ONLY) != 0 && nextReal(pf.todo, pf.todoWords, meta, i, t) >= t) { this.flowSkipped++; i = pf.next(t); continue; }
          if ((flags & TX_COUNT) != 0 && !this.removed(r)) {
            // `&TX:key <op> number`: decided from the store, no match recorded (nothing reads it)
            this.evaluations++;
            if (TRACE) traced.push(r.id);
            const nop = r.numOp!;
            if (nop.cmp(this.countOf(unchecked(r.vars[0])), nop.k) != r.negate) {
              tx.currentRule = r;
              for (let k = 0; k < r.setvars.length; k++) this.setvar(unchecked(r.setvars[k]));
              i = this.flow(r, rules, i, t);
              if (r.setvars.length == 0) i = this.sameTest(pf, rules, meta, i, unchecked(meta[m + 3]));
            }
            i = pf.next(i);
            continue;
          }
        }
        if (this.removed(r)) { i = pf.next(i); continue; }
        // a value this rule did not match last time (in this or an earlier request): no match again
        const memo = (flags & NO_MATCH_MEMO) != 0;
        if (memo) this.oneValue(r);
        if (memo && this.nmP != 0 && r.noMatch != null && r.noMatch!.holds(this.nmP, this.nmN)) {
          this.nmSkipped++;
          i = pf.next(i);
          continue;
        }
        if (this.evalChain(r)) {
          if (tx.interrupted || tx.allowed || tx.engine == Engine.Off) return;
          i = this.flow(r, rules, i, unchecked(meta[m + 1]));
        } else if (memo) {
          // the value again: the rule's evaluation may have moved the arena or the lists, not the value
          this.oneValue(r);
          this.noteNoMatch(r);
        }
        i = pf.next(i);
      }
      return;
    }
    let i = 0;
    while (i < n) {
      const m = i * META;
      // markers and rules above the paranoia level are passed over without touching the rule
      if (unchecked(meta[m]) > dpl) { i++; continue; }
      const r = unchecked(rules[i]);
      i++;
      if (this.removed(r)) continue;
      if (!this.evalChain(r)) continue;
      if (tx.interrupted || tx.allowed || tx.engine == Engine.Off) return;
      i = this.flow(r, rules, i, unchecked(meta[m + 1]));
    }
  }

  /** After rule r (at i - 1) matched: where the phase continues (skip N rules, or after the
   *  skipAfter marker at `jump` ≥ 0). */
  @inline private flow(r: Rule, rules: Array<Rule>, i: i32, jump: i32): i32 {
    if (r.skip > 0) {
      let k = r.skip;
      const n = rules.length;
      while (k > 0 && i < n) { if (!unchecked(rules[i]).isMarker) k--; i++; }
      return i;
    }
    return jump >= 0 ? jump : i;
  }

  /**
   * After a `&TX:` count rule matched without setting anything and the walk moved on to i: the
   * next positions the walk would visit that make the same test (same key, comparison and
   * number; the packs' "plain request: skip this pack" gates, one per pack) and set nothing
   * match as well, since nothing ran in between to change the TX store: their jumps are taken at
   * once. Returns where the walk goes on.
   */
  private sameTest(pf: RulePrefilter, rules: Array<Rule>, meta: StaticArray<i32>, i: i32, test: i32): i32 {
    while (true) {
      const k = pf.next(i);
      if (k >= rules.length) return i;
      const mk = k * META;
      if (unchecked(meta[mk + 3]) != test) return i;
      const g = unchecked(rules[k]);
      if (g.setvars.length != 0 || this.removed(g)) return i;
      this.evaluations++;
      if (TRACE) traced.push(g.id);
      i = this.flow(g, rules, k + 1, unchecked(meta[mk + 1]));
    }
  }

  /** flow-only rules passed over by the prefilter walk in this request (tests, bench) */
  flowSkipped: i32 = 0;
  /** rules passed over by the no-match memo in this request (tests, bench) */
  nmSkipped: i32 = 0;

  /** oneValue's result: the value's address (0 when not exactly one value, or too long) and length */
  private nmP: usize = 0;
  private nmN: i32 = 0;

  /**
   * No-match memo. A rule whose result is a function of one value (oneValueRule) and which did
   * not match a value cannot match the same bytes: the walk passes over it while its value is
   * the one it last failed on (a method, a Host header: values that repeat from request to
   * request). Like the flow-only pass, only when no chain starter reads MATCHED_VAR(S): a
   * non-matching evaluation changes nothing else a later rule could see.
   * Sets nmP/nmN to the rule's one value now, or nmP = 0 when it has none, several, or a long one.
   */
  private oneValue(r: Rule): void {
    const tx = this.tx;
    const sel = unchecked(r.vars[0]);
    this.nmP = 0;
    let p: usize = 0, n = -1;
    if (!isCollection(sel.v)) {
      p = tx.scalar(sel.v); n = tx.valLen;
    } else {
      const kv = tx.kv(sel.v)!;
      const i = kv.find(sel.key!);
      if (i >= 0 && kv.find(sel.key!, i + 1) < 0) { p = unchecked(kv.vp[i]); n = unchecked(kv.vl[i]); }
    }
    if (n < 0 || n > NM_MAX_LEN) return;
    this.nmP = n == 0 ? 1 : p;   // an empty value is a value (nmP only tells "one value")
    this.nmN = n;
  }

  private noteNoMatch(r: Rule): void {
    if (this.nmP == 0) return;
    let k = r.noMatch;
    if (k == null) { k = new KeptBytes(); r.noMatch = k; }
    k.keep(this.nmP, this.nmN);
  }

  /**
   * Per phase, per rule: [paranoia level (markers: MAX), index after the skipAfter marker or -1,
   * FLOW_ONLY | TX_COUNT | NO_MATCH_MEMO, for a TX_COUNT rule the position of the first rule making
   * the same test (sameTest) else -1]. A flow-only rule only moves the walk: pass, not logged, no
   * chain, setvar, ctl or capture, a skipAfter target (TX_COUNT: constant setvars allowed, any or
   * no target); and, for all three flags, no chain starter of the configuration
   * reads MATCHED_VAR(S)(_NAME(S)) (as a variable or in an operator argument), the only state its
   * match would change that a later rule could see (a fired rule's `msg` is expanded with its own
   * match: firstMessage).
   */
  private meta: Array<StaticArray<i32>> = [];
  private phaseMeta(phase: i32): StaticArray<i32> {
    if (this.meta.length == 0) {
      const matchedSafe = !readsMatched(this.waf);
      for (let p = 0; p < this.waf.phases.length; p++) {
        const rules = this.waf.phases[p];
        const mt = new StaticArray<i32>(rules.length * META);
        for (let i = 0; i < rules.length; i++) {
          const r = rules[i];
          mt[i * META] = r.isMarker ? i32.MAX_VALUE : r.paranoiaLevel;
          let jump = -1;
          if (!r.isMarker && r.skip == 0 && r.skipAfter.length) {
            let j = i + 1;
            while (j < rules.length && !(rules[j].isMarker && rules[j].marker == r.skipAfter)) j++;
            jump = j < rules.length ? j + 1 : rules.length;
          }
          mt[i * META + 1] = jump;
          // no effect a later rule could see but the walk's position (and constant setvars)
          const quiet = matchedSafe && !r.isMarker && r.skip == 0 && r.chain == null && (r.action == Act.None || r.action == Act.Pass) &&
            !r.log && r.ctls.length == 0 && !r.capture;
          let flags = 0;
          if (quiet && jump >= 0 && r.setvars.length == 0) flags |= FLOW_ONLY;
          if (quiet && txCountOnly(r) && constantSetvars(r)) flags |= TX_COUNT;
          if (matchedSafe && oneValueRule(r)) flags |= NO_MATCH_MEMO;
          mt[i * META + 2] = flags;
          // TX_COUNT rules making the same test share a number: the first such rule's position
          mt[i * META + 3] = -1;
          if ((flags & TX_COUNT) != 0) {
            let j = 0;
            while (j < i && !((mt[j * META + 2] & TX_COUNT) != 0 && sameCountTest(rules[j], r))) j++;
            mt[i * META + 3] = j;
          }
        }
        // a flow-only rule with a position always visited (not prefiltered) before its target is
        // never passed over (nextReal with more positions can only be smaller): no need to look
        const pf = this.pf;
        if (pf != null && p < pf.t.phaseAlways.length) {
          const always = pf.t.phaseAlways[p];
          for (let i = 0; i < rules.length; i++) {
            const t = mt[i * META + 1];
            if ((mt[i * META + 2] & FLOW_ONLY) != 0 && nextReal(always, always.length, mt, i + 1, t) < t) mt[i * META + 2] &= ~FLOW_ONLY;
          }
        }
        this.meta.push(mt);
      }
    }
    return unchecked(this.meta[phase]);
  }

  @inline private removed(r: Rule): bool {
    const tx = this.tx;
    if (tx.removedIds.length == 0 && tx.removedTags.length == 0) return false;
    return this.removedSlow(r);
  }
  private removedSlow(r: Rule): bool {
    const tx = this.tx;
    for (let k = 0; k < tx.removedIds.length; k += 2) if (r.id >= tx.removedIds[k] && r.id <= tx.removedIds[k + 1]) return true;
    for (let k = 0; k < tx.removedTags.length; k++) if (r.tags.includes(tx.removedTags[k])) return true;
    return false;
  }

  /** The inbound score (sum of inbound_anomaly_score_pl1..N) and the threshold decision. */
  checkInbound(): void {
    const tx = this.tx;
    const bpl = this.waf.settings.paranoiaLevel;
    let score: i64 = 0;
    for (let k = 0; k < bpl && k < 4; k++) score += tx.tx.int(PL_KEYS_IN[k], PL_HASH_IN[k]);
    this.inboundScore = score;
    if (tx.interrupted || tx.allowed || tx.engine != Engine.On) return;
    const th = tx.tx.int(K_IN_THRESHOLD, H_IN_THRESHOLD);
    if (th > 0 && score >= th) {
      tx.interrupted = true; tx.status = 403; tx.interruptRule = INBOUND_RULE_ID;
      if (!tx.firedRules.includes(INBOUND_RULE_ID)) tx.firedRules.push(INBOUND_RULE_ID);
    }
  }

  /**
   * Fail-closed check after phase 2 (`waf.failOpen: false`, the default): a request whose
   * inspection could not complete is refused even when no rule looked at the fault —
   *   - the body processor failed (REQBODY_ERROR: malformed JSON/XML/multipart, or one of the body
   *     processor's limits such as 1000 arguments) → 400, recorded as rule 200002 (ModSecurity's
   *     recommended REQBODY_ERROR rule); not when the body was cut by `processPartial`, which is an
   *     explicit choice to inspect a prefix;
   *   - the TX store overflowed (more than 512 TX variables: scores may be lost) → 403, recorded
   *     as rule 200005 (ModSecurity's internal-error rule).
   * With failOpen the rule id is still recorded (logged as a detection) and the request passes.
   * In detect mode it is recorded, never enforced.
   */
  checkComplete(): void {
    const tx = this.tx;
    if (tx.interrupted || tx.allowed || tx.engine == Engine.Off) return;
    let id = 0, status = 0;
    if (tx.tx.overflowed) { id = INTERNAL_ERROR_RULE_ID; status = 403; }
    else if (tx.reqbodyError != 0 && !tx.bodyTruncated) { id = BODY_ERROR_RULE_ID; status = 400; }
    if (id == 0) return;
    if (!tx.firedRules.includes(id)) tx.firedRules.push(id);
    if (tx.engine == Engine.On && !this.waf.settings.failOpen) {
      tx.interrupted = true; tx.status = status; tx.interruptRule = id;
    }
  }

  /** The inbound score without a decision (for logs of blocks before phase 2). */
  checkInboundScoreOnly(): void {
    const bpl = this.waf.settings.paranoiaLevel;
    let score: i64 = 0;
    for (let k = 0; k < bpl && k < 4; k++) score += this.tx.tx.int(PL_KEYS_IN[k], PL_HASH_IN[k]);
    this.inboundScore = score;
  }

  checkOutbound(): void {
    const tx = this.tx;
    const bpl = this.waf.settings.paranoiaLevel;
    let score: i64 = 0;
    for (let k = 0; k < bpl && k < 4; k++) score += tx.tx.int(PL_KEYS_OUT[k], PL_HASH_OUT[k]);
    this.outboundScore = score;
    if (tx.interrupted || tx.allowed || tx.engine != Engine.On) return;
    const th = tx.tx.int(K_OUT_THRESHOLD);
    if (th > 0 && score >= th) {
      tx.interrupted = true; tx.status = 403; tx.interruptRule = OUTBOUND_RULE_ID;
      if (!tx.firedRules.includes(OUTBOUND_RULE_ID)) tx.firedRules.push(OUTBOUND_RULE_ID);
    }
  }

  // ---- one chain -----------------------------------------------------------------------------

  /** Evaluates a chain starter and its followers; runs the actions when all matched. */
  private evalChain(start: Rule): bool {
    const tx = this.tx;
    tx.matchedVars.reset();
    const firstMatch = tx.matches.length;
    this.logging = start.log;
    let r: Rule | null = start;
    while (r != null) {
      tx.currentRule = r;
      // setvar runs inside evalRule, once per matched value (record)
      if ((r !== start && this.cannotMatch(r)) || !this.evalRule(r)) { if (tx.matches.length != firstMatch) tx.matches.length = firstMatch; return false; }
      r = r.chain;
    }
    tx.currentRule = start;
    // ctl of every member, after the whole chain matched (executeActionsAfterFullMatch)
    r = start;
    while (r != null) {
      tx.currentRule = r;
      for (let k = 0; k < r.ctls.length; k++) this.ctl(r, k);
      r = r.chain;
    }
    tx.currentRule = start;
    if (start.log && !tx.firedRules.includes(start.id)) tx.firedRules.push(start.id);
    if (!start.log) tx.matches.length = firstMatch;
    const a = start.action;
    if (a == Act.Deny || a == Act.Drop) {
      if (tx.engine == Engine.On) {
        tx.interrupted = true;
        tx.status = start.status > 0 ? start.status : 403;
        tx.interruptRule = start.id;
      }
    } else if (a == Act.Allow) {
      if (tx.engine == Engine.On) tx.allowed = true;
    }
    return true;
  }

  private excluded(r: Rule, sel: VarSel, kp: usize, kl: i32): bool {
    for (let k = 0; k < r.exclusions.length; k++) {
      const e = r.exclusions[k];
      if (e.v == sel.v && e.selects(kp, kl)) return true;
    }
    const tx = this.tx;
    for (let k = 0; k < tx.removedTargetIds.length; k++) {
      if (tx.removedTargetIds[k] != r.id) continue;
      const e = changetype<VarSel>(tx.removedTargets[k]);
      if (e.v != sel.v && !(e.v == V.ARGS && (sel.v == V.ARGS_GET || sel.v == V.ARGS_POST))) continue;
      if (e.selects(kp, kl)) return true;
    }
    return false;
  }

  private targetRemoved(r: Rule, sel: VarSel): bool {
    const tx = this.tx;
    for (let k = 0; k < tx.removedTargetIds.length; k++) {
      if (tx.removedTargetIds[k] != r.id) continue;
      const e = changetype<VarSel>(tx.removedTargets[k]);
      if (e.v == sel.v && e.key == null && e.keyRe == null) return true;
    }
    return false;
  }

  /** One rule (no chain): true when some value matched. */
  private evalRule(r: Rule): bool {
    this.evaluations++;
    if (TRACE) traced.push(r.id);
    const tx = this.tx;
    let matched = false;
    for (let s = 0; s < r.vars.length; s++) {
      const sel = unchecked(r.vars[s]);
      if (tx.removedTargetIds.length && this.targetRemoved(r, sel)) continue;
      const v = sel.v;
      if (sel.count) {
        const n = this.countOf(sel);
        // a constant numeric comparison of the count (`&TX:x eq 0`): no decimal to write and parse
        const nop = r.numOp;
        if (nop != null) {
          if (nop.cmp(n, nop.k) != r.negate) {
            this.ctx.reset();   // no captures, no fragment: the whole count is the match
            const p = tx.arena.decimal(n);
            this.record(r, sel, 0, 0, p, tx.arena.lastLen, true);
            matched = true;
          }
          continue;
        }
        const p = tx.arena.decimal(n);
        if (this.test(r, sel, -1, 0, 0, p, tx.arena.lastLen, false)) matched = true;
        continue;
      }
      if (v == V.TX) {
        const st = tx.tx;
        const cnt = st.count;
        // one key: one lookup (TX keys are unique)
        const only = sel.key != null && sel.keyRe == null ? st.find(sel.key!, sel.keyHash) : -1;
        if (sel.key != null && sel.keyRe == null && only < 0) continue;
        for (let i = only >= 0 ? only : 0; i < cnt && i < st.count; i++) {
          if (only >= 0 && i != only) break;
          const kb = st.keys[i];
          if (!sel.selects(changetype<usize>(kb), kb.byteLength)) continue;
          if (r.exclusions.length && this.excluded(r, sel, changetype<usize>(kb), kb.byteLength)) continue;
          // copy: the value may change while this rule runs (captures)
          this.valBuf.set(st.vals[i].ptr, st.vals[i].len);
          const vp = tx.arena.copy(this.valBuf.ptr, this.valBuf.len);
          if (this.test(r, sel, i, changetype<usize>(kb), kb.byteLength, vp, this.valBuf.len, false)) matched = true;
        }
        continue;
      }
      if (isCollection(v)) {
        const names = v == V.ARGS_NAMES || v == V.ARGS_GET_NAMES || v == V.ARGS_POST_NAMES || v == V.REQUEST_HEADERS_NAMES ||
          v == V.REQUEST_COOKIES_NAMES || v == V.RESPONSE_HEADERS_NAMES || v == V.FILES_NAMES || v == V.MATCHED_VARS_NAMES;
        const kv = tx.kv(v);
        // with the prefilter, items that cannot match this rule are passed over (prefilter.ts)
        const pfItems = r.pfItems && this.pf != null;
        if (kv != null && this.evalKV(r, sel, kv, names, v != V.MATCHED_VARS && v != V.MATCHED_VARS_NAMES, pfItems ? itemSlotOf(v, false) : -1)) matched = true;
        if (v == V.ARGS || v == V.ARGS_NAMES) { if (this.evalKV(r, sel, tx.argsPost, names, true, pfItems ? itemSlotOf(v, true) : -1)) matched = true; }
        continue;
      }
      if (v == V.MATCHED_VAR || v == V.MATCHED_VAR_NAME) {
        const n = tx.sl[v];
        if (n < 0) continue;
        const p = tx.arena.copy(tx.sp[v], n);
        if (this.test(r, sel, -1, 0, 0, p, n, false)) matched = true;
        continue;
      }
      const p = tx.scalar(v);
      const n = tx.valLen;
      if (n < 0) continue;
      if (this.test(r, sel, -1, 0, 0, p, n, true)) matched = true;
    }
    return matched;
  }

  private evalKV(r: Rule, sel: VarSel, kv: KV, names: bool, cacheable: bool, pfSlot: i32): bool {
    let matched = false;
    const cnt = kv.count;
    for (let i = 0; i < cnt; i++) {
      if (pfSlot >= 0 && !this.pf!.itemCandidate(pfSlot, i, r)) continue;
      const kp = unchecked(kv.kp[i]), kl = unchecked(kv.kl[i]);
      if (!sel.selects(kp, kl)) continue;
      if ((r.exclusions.length || this.tx.removedTargetIds.length) && this.excluded(r, sel, kp, kl)) continue;
      const vp = names ? kp : unchecked(kv.vp[i]);
      const vl = names ? kl : unchecked(kv.vl[i]);
      if (this.test(r, sel, i, kp, kl, vp, vl, cacheable)) matched = true;
    }
    return matched;
  }

  private countOf(sel: VarSel): i64 {
    const tx = this.tx;
    const v = sel.v;
    if (v == V.TX) {
      if (sel.key == null && sel.keyRe == null) return tx.tx.count;
      if (sel.keyRe == null) return tx.tx.find(sel.key!, sel.keyHash) >= 0 ? 1 : 0;   // TX keys are unique
      let n: i64 = 0;
      for (let i = 0; i < tx.tx.count; i++) { const k = tx.tx.keys[i]; if (sel.selects(changetype<usize>(k), k.byteLength)) n++; }
      return n;
    }
    if (isCollection(v)) {
      const kv = tx.kv(v);
      let n: i64 = 0;
      if (kv != null) n = countSel(kv, sel);
      if (v == V.ARGS || v == V.ARGS_NAMES) n += countSel(tx.argsPost, sel);
      return n;
    }
    tx.scalar(v);
    return tx.valLen >= 0 ? 1 : 0;
  }

  /** Transforms (through the cache) and tests one value; records the match. */
  private test(r: Rule, sel: VarSel, idx: i32, kp: usize, kl: i32, vp: usize, vl: i32, cacheable: bool): bool {
    const c = this.ctx;
    if (r.op == null) return false;
    const op = r.op!;
    if (op.dynamic && r.opArg != null) {
      expand(r.opArg!, this.tx, this.argBuf);
      c.argPtr = this.argBuf.ptr; c.argLen = this.argBuf.len;
    }
    c.capture = r.capture;
    // multiMatch: the raw value first
    if (r.multiMatch || r.tnodes.length == 0) {
      c.reset();
      if (op.match(vp, vl, c) != r.negate) { this.record(r, sel, kp, kl, vp, vl); return true; }
      if (r.tnodes.length == 0) return false;
    }
    let p = vp, n = vl;
    const tx = this.tx;
    const nt = r.tnodes.length;
    // the whole chain's result is usually cached already (an earlier rule asked): one lookup
    if (cacheable && nt > 1 && !r.multiMatch && this.cache.getChain(unchecked(r.tnodes[nt - 1]), vp, vl, nt)) {
      p = this.cache.outPtr; n = this.cache.outLen;
      c.reset();
      if (op.match(p, n, c) != r.negate) { this.record(r, sel, kp, kl, p, n); return true; }
      return false;
    }
    for (let k = 0; k < nt; k++) {
      const node = unchecked(r.tnodes[k]);
      let changed = false;
      if (cacheable && this.cache.get(node, vp, vl)) {
        p = this.cache.outPtr; n = this.cache.outLen; changed = this.cache.outChanged;
      } else {
        changed = applyTransform(unchecked(r.tids[k]), p, n, this.tbuf);
        // unchanged: tbuf equals the input, whose view stays valid for the request (no copy)
        if (changed) { p = tx.arena.copy(this.tbuf.ptr, this.tbuf.len); n = this.tbuf.len; }
        if (cacheable) this.cache.put(node, vp, vl, p, n, changed);
      }
      if (r.multiMatch && changed && k + 1 < r.tnodes.length) {
        c.reset();
        if (op.match(p, n, c) != r.negate) { this.record(r, sel, kp, kl, p, n); return true; }
      }
    }
    c.reset();
    if (op.match(p, n, c) != r.negate) { this.record(r, sel, kp, kl, p, n); return true; }
    return false;
  }

  /** MATCHED_VAR(S), captures and the decision's match record (`inArena`: the value is a copy
   *  in the arena already). */
  private record(r: Rule, sel: VarSel, kp: usize, kl: i32, vp: usize, vl: i32, inArena: bool = false): void {
    const tx = this.tx;
    const c = this.ctx;
    // the name: "ARGS:id" built only on a match; without an item key it is a constant
    let np: usize, nl: i32;
    if (kp == 0) {
      const cn = sel.count ? unchecked(COUNT_NAME_BYTES[sel.v]) : unchecked(VAR_NAME_BYTES[sel.v]);
      np = changetype<usize>(cn); nl = cn.byteLength;
    } else {
      const nb = this.nameBuf;
      nb.reset();
      if (sel.count) nb.push(0x26);
      const vn = unchecked(VAR_NAME_BYTES[sel.v]);
      nb.append(changetype<usize>(vn), vn.byteLength);
      if (kl > 0 || (isCollection(sel.v) && sel.v != V.MATCHED_VARS)) { nb.push(0x3a); nb.append(kp, kl); }
      np = tx.arena.copy(nb.ptr, nb.len); nl = nb.len;
    }
    const vcopy = inArena ? vp : tx.arena.copy(vp, vl);
    tx.setScalar(V.MATCHED_VAR, vcopy, vl);
    tx.setScalar(V.MATCHED_VAR_NAME, np, nl);
    tx.matchedVars.add(np, nl, vcopy, vl);
    if (r.capture && c.capCount > 0) {
      for (let i = 0; i < c.capCount; i++) {
        const key = CAP_KEYS[i];
        tx.tx.setBytes(key, CAP_NAMES[i], c.capPtr[i], c.capLen[i]);
      }
    }
    // setvar once per matched value, with this value's MATCHED_VAR / TX.n, even when a later member
    // of the chain does not match (ModSecurity v3 RuleWithOperator::evaluate →
    // executeActionsIndependentOfChainedRuleResult for each matching value)
    for (let k = 0; k < r.setvars.length; k++) this.setvar(unchecked(r.setvars[k]));
    // a chain that does not log keeps no match records (evalChain drops them)
    if (!this.logging) return;
    // Match records are kept across requests (tx.matchPool) so a match allocates nothing
    const pool = tx.matchPool;
    const mi = tx.matches.length;
    let m: Match;
    if (mi < pool.length) m = unchecked(pool[mi]); else { m = new Match(); pool.push(m); }
    m.ruleId = r.id;
    m.namePtr = np; m.nameLen = nl;
    m.varPtr = vcopy; m.varLen = vl;
    if (c.fragLen >= 0) {
      // the fragment lies inside the value that was tested; keep it (a copy) for the decision
      m.valuePtr = tx.arena.copy(c.fragPtr, c.fragLen); m.valueLen = c.fragLen;
    } else { m.valuePtr = vcopy; m.valueLen = vl; }
    tx.matches.push(m);
  }

  // ---- actions -------------------------------------------------------------------------------

  private setvar(s: SetVar): void {
    const tx = this.tx;
    let name: string, key: ArrayBuffer;
    let h: u32 = 0;
    if (s.lkey != null) { name = s.lname; key = s.lkey!; h = s.lkeyHash; }   // constant name: nothing to build
    else {
      name = expandString(s.name, tx).toLowerCase();
      if (name.length == 0) return;
      key = String.UTF8.encode(name);
    }
    if (s.op == SetOp.Delete) { tx.tx.remove(key); return; }
    expand(s.value, tx, this.argBuf);
    if (s.op == SetOp.Set) { tx.tx.setBytes(key, name, this.argBuf.ptr, this.argBuf.len, h); return; }
    const delta = atoiBuf(this.argBuf);
    const cur = tx.tx.int(key, h);
    const nv = s.op == SetOp.Add ? cur + delta : cur - delta;
    const b = this.valBuf;
    b.reset(); b.reserve(20);
    b.len = writeDecimal(b.ptr, nv);
    tx.tx.setBytes(key, name, b.ptr, b.len, h);
  }

  private ctl(r: Rule, k: i32): void {
    const c = r.ctls[k];
    const tx = this.tx;
    switch (c.kind) {
      case CtlKind.RuleRemoveById: tx.removedIds.push(c.idLo); tx.removedIds.push(c.idHi); break;
      case CtlKind.RuleRemoveByTag: tx.removedTags.push(c.tag); break;
      case CtlKind.RuleRemoveTargetById: tx.removedTargetIds.push(c.idLo); tx.removedTargets.push(c.target!); break;
      case CtlKind.RuleEngine: tx.engine = <Engine>c.value; break;
      case CtlKind.RequestBodyProcessor: tx.bodyProcessor = c.value; break;
      case CtlKind.RequestBodyAccess: tx.bodyAccess = c.value != 0; break;
    }
  }

  // ---- decisions -----------------------------------------------------------------------------

  /** "rules=942100,949110 score=10 matches=942100 ARGS:id \"1' or '1'='1\"; …" (fragments truncated). */
  decision(): string {
    const tx = this.tx;
    let s = "rules=" + tx.firedRules.join(",") + " score=" + this.inboundScore.toString();
    if (this.outboundScore > 0) s += " outbound_score=" + this.outboundScore.toString();
    if (tx.interrupted) s += " status=" + tx.status.toString() + " by=" + tx.interruptRule.toString();
    for (let i = 0; i < tx.matches.length && i < 8; i++) {
      const m = tx.matches[i];
      s += (i == 0 ? " matches=" : "; ") + m.ruleId.toString() + " " + safeName(m.namePtr, m.nameLen) + " " + quoteFragment(m.valuePtr, m.valueLen);
    }
    return s;
  }

  /** The message of the first fired rule that has one (for the debug reply), with MATCHED_VAR and
   *  MATCHED_VAR_NAME as that rule's chain left them (its last match record: the starter's records,
   *  then its followers', which carry id 0), not as later rules left them. */
  firstMessage(): string {
    const tx = this.tx;
    for (let i = 0; i < tx.firedRules.length; i++) {
      const r = this.findRule(tx.firedRules[i]);
      if (r == null || r.msg == null) continue;
      tx.currentRule = r;
      const ms = tx.matches;
      let j = 0;
      while (j < ms.length && ms[j].ruleId != r.id) j++;
      if (j < ms.length) {
        while (j + 1 < ms.length && (ms[j + 1].ruleId == r.id || ms[j + 1].ruleId == 0)) j++;
        const m = ms[j];
        tx.setScalar(V.MATCHED_VAR, m.varPtr, m.varLen);
        tx.setScalar(V.MATCHED_VAR_NAME, m.namePtr, m.nameLen);
      }
      return expandString(r.msg!, tx);
    }
    return "";
  }

  findRule(id: i32): Rule | null {
    for (let p = 1; p <= 5; p++) {
      const rs = this.waf.phases[p];
      for (let i = 0; i < rs.length; i++) if (!rs[i].isMarker && rs[i].id == id) return rs[i];
    }
    return null;
  }
}

function countSel(kv: KV, sel: VarSel): i64 {
  if (sel.key == null && sel.keyRe == null) return kv.count;
  let n: i64 = 0;
  for (let i = 0; i < kv.count; i++) if (sel.selects(kv.kp[i], kv.kl[i])) n++;
  return n;
}

const CAP_KEYS: Array<ArrayBuffer> = [];
const CAP_NAMES: Array<string> = [];
/** VAR_NAMES as UTF-8, for match names built without allocating */
const VAR_NAME_BYTES: Array<ArrayBuffer> = [];
/** "&" + VAR_NAMES, the match name of a count */
const COUNT_NAME_BYTES: Array<ArrayBuffer> = [];
for (let i = 0; i < VAR_NAMES.length; i++) {
  VAR_NAME_BYTES.push(String.UTF8.encode(VAR_NAMES[i]));
  COUNT_NAME_BYTES.push(String.UTF8.encode("&" + VAR_NAMES[i]));
}
for (let i = 0; i < 10; i++) { CAP_NAMES.push(i.toString()); CAP_KEYS.push(String.UTF8.encode(i.toString())); }

function atoiBuf(b: ByteBuf): i64 {
  let k = 0, neg = false;
  let v: i64 = 0;
  while (k < b.len && (b.at(k) == 0x20 || b.at(k) == 0x09)) k++;
  if (k < b.len && (b.at(k) == 0x2d || b.at(k) == 0x2b)) { neg = b.at(k) == 0x2d; k++; }
  while (k < b.len && b.at(k) - 0x30 < 10) { if (v < 1000000000000000000) v = v * 10 + <i64>(b.at(k) - 0x30); k++; }
  return neg ? -v : v;
}

/** A JSON-ish quoted, truncated fragment: printable ASCII kept, other bytes as \xHH. */
export function quoteFragment(p: usize, n: i32): string {
  let s = "\"";
  const m = n > FRAGMENT_MAX ? FRAGMENT_MAX : n;
  for (let i = 0; i < m; i++) {
    const c = <u32>load<u8>(p + i);
    if (c == 0x22 || c == 0x5c) s += "\\" + String.fromCharCode(c);
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else s += "\\x" + HEX.charAt(c >> 4) + HEX.charAt(c & 15);
  }
  s += "\"";
  if (n > m) s += "…(" + n.toString() + " bytes)";
  return s;
}
const HEX = "0123456789abcdef";

/** A variable name (client-chosen: argument, header, cookie names) for a log line: control
 *  bytes, backslash and non-ASCII escaped as \xHH so a client cannot forge log lines; at most
 *  128 bytes. Example: "ARGS:a\nb" → ARGS:a\x0ab */
export function safeName(p: usize, n: i32): string {
  let s = "";
  const m = n > 128 ? 128 : n;
  for (let i = 0; i < m; i++) {
    const c = <u32>load<u8>(p + i);
    if (c > 0x20 && c < 0x7f && c != 0x5c) s += String.fromCharCode(c);
    else s += "\\x" + HEX.charAt(c >> 4) + HEX.charAt(c & 15);
  }
  if (n > m) s += "…";
  return s;
}
