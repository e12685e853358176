/**
 * Rule prefilter: skips a rule that provably cannot match this request, before any value is
 * transformed or tested. Built once per VM from the compiled rules; per request each value a
 * prefiltered rule could read is scanned once, by one Aho-Corasick automaton over every rule's
 * required literals, in the same pass that notes which "trigger" bytes the value holds.
 *
 * Why it is sound. A rule is prefiltered when
 *   - its operator names literals (Operator.literals()): byte strings one of which every value it
 *     matches contains, ignoring ASCII case — a regex's required literals (regex/prefilter.ts), a
 *     @pm phrase list, a @contains/@streq/@beginsWith/@endsWith/@containsWord argument, "%" for
 *     @validateUrlEncoding, the bytes outside the range for @validateByteRange, 0x80-0xFF for
 *     @validateUtf8Encoding; the operator is not negated and its argument holds no macro;
 *   - each of its variables is a request collection or scalar (ARGS, REQUEST_HEADERS, REQUEST_URI
 *     …, not TX, MATCHED_VAR or a `&` count);
 *   - each of its transformations is either case-only or trim (lowercase, uppercase, trim*, none),
 *     or rewrites a value only when the value holds one of its trigger patterns (TRIGGERS below:
 *     urlDecode needs '%' or '+', htmlEntityDecode '&', compressWhitespace a non-space blank or two
 *     blanks in a row, …). Transformations that rewrite any value (base64Decode, hexDecode, length
 *     …) make the rule "always evaluated".
 * If a value holds none of the rule's trigger patterns, every transformation of the chain leaves
 * it equal to itself up to ASCII case or cuts its ends, so every literal in the transformed value
 * is in the raw value (ignoring case). So: when no value of the rule's variables holds one of its
 * literals or one of its trigger patterns, the rule cannot match and is skipped. A selector with a
 * plain key of a value collection (`REQUEST_HEADERS:Referer`, `ARGS:id`) reads only that key's
 * items (a "keyed slot", up to 128 of them); regex keys and exclusions are judged on the whole
 * collection (conservative).
 * The check is per rule (chain starters and followers) and then per item: a rule runs when one of
 * its variables' slots holds one of its literals or triggers, and then only on the items of a
 * collection that do (each item keeps its own row of hits). Rules whose literals add up to more
 * than 1 KiB (long @pmFromFile lists) are always evaluated: they are one-pass automata already.
 *
 * The engine calls newRequest() per transaction, prepare(phase) before each phase (brings the
 * phase's slots up to date and computes one bit set of candidate rules for the whole phase),
 * isCandidate(rule.pfBit) before evaluating a rule, and itemCandidate() per item of a collection.
 * A slot is rescanned only when it changed (a collection grew, a scalar got another value:
 * ARGS_POST and REQUEST_BODY arrive in phase 2).
 * Spec: assembly/waf/engine/__tests__/prefilter.spec.ts (trigger soundness per transformation,
 * also for chains that change case first; verdicts with and without the prefilter).
 * `waf.prefilter: false` turns it off (to compare verdicts; the result must be the same).
 */
import { Rule, Waf } from "./rule";
import { Transaction } from "./transaction";
import { KV, keyEquals } from "./arena";
import { V, VarSel } from "./variables";
import { PhraseMatcher } from "../../regex/aho";
import { ByteBuf } from "../bytes";
import { base64Text } from "../transforms/base64Text";

// ---- trigger patterns ------------------------------------------------------------------------

export const T_PCT: u32 = 1;        // '%'
export const T_PLUS: u32 = 2;       // '+'
export const T_AMP: u32 = 4;        // '&'
export const T_BSL: u32 = 8;        // '\'
export const T_QUOTE: u32 = 16;     // '"' '\''
export const T_CARET: u32 = 32;     // '^'
export const T_SEP: u32 = 64;       // ',' ';'
export const T_SPACE: u32 = 128;    // ' '
export const T_WSX: u32 = 256;      // \t \n \v \f \r
export const T_WSRUN: u32 = 512;    // two blanks (space or \t-\r) in a row
export const T_NUL: u32 = 1024;     // 0x00
export const T_HI: u32 = 2048;      // a byte 0x80-0xFF
export const T_CMT: u32 = 4096;     // "/*" "*/" "<!" "--" or '#'
export const T_PATHSEG: u32 = 8192; // "//" or "/."
export const T_HEX0X: u32 = 16384;  // "0x" / "0X"
export const T_B64: u32 = 32768;    // the whole value is base64 that t:base64Text decodes to text
/** a transformation that may rewrite any value: the rule is always evaluated */
export const T_OPAQUE: u32 = 1 << 30;
const T_NOTB64: u32 = 1 << 16;      // scan-internal: a byte outside the base64 alphabets
const T_MASK: u32 = (1 << 17) - 1;   // trigger bits of a STEP entry (its top byte: the next class)
const TRIG_BITS = 16;                 // T_PCT … T_B64 (T_NOTB64 never reaches a slot)

/** The trigger patterns of a transformation (by name, any case): a value holding none of them is
 *  left equal to itself up to ASCII case or trimmed ends. T_OPAQUE when no such set is known. */
export function transformTriggers(name: string): u32 {
  const n = name.toLowerCase();
  if (n == "none" || n == "lowercase" || n == "uppercase" || n == "trim" || n == "trimleft" || n == "trimright") return 0;
  if (n == "urldecode" || n == "urldecodeuni") return T_PCT | T_PLUS;
  if (n == "htmlentitydecode") return T_AMP;
  if (n == "jsdecode" || n == "cssdecode" || n == "escapeseqdecode") return T_BSL;
  if (n == "cmdline") return T_QUOTE | T_BSL | T_CARET | T_SEP | T_SPACE | T_WSX;
  if (n == "compresswhitespace") return T_WSX | T_WSRUN;
  if (n == "removewhitespace") return T_SPACE | T_WSX | T_HI;
  if (n == "removenulls" || n == "replacenulls") return T_NUL;
  if (n == "replacecomments" || n == "removecomments" || n == "removecommentschar") return T_CMT;
  if (n == "normalisepath" || n == "normalizepath") return T_PATHSEG;
  if (n == "normalisepathwin" || n == "normalizepathwin") return T_PATHSEG | T_BSL;
  if (n == "sqlhexdecode") return T_HEX0X;
  if (n == "utf8tounicode") return T_HI | T_NUL;   // v3 drops a NUL that is not the last byte
  if (n == "normalizeunicode") return T_HI;
  if (n == "base64text") return T_B64;
  return T_OPAQUE;
}

/** per byte: its single-byte triggers */
const SINGLE = new StaticArray<u32>(256);
/** per byte: the class it opens for pair triggers (0 none, 1 '/', 2 '*', 3 '<', 4 '-', 5 '0', 6 blank) */
const PAIR_CLASS = new StaticArray<u8>(256);
/** (class << 8 | next byte) → pair triggers */
const PAIR = new StaticArray<u32>(7 * 256);
/** the scan's one lookup per byte: (class of the previous byte << 8 | byte) → its single and pair
 *  triggers | the class it opens << 24 */
const STEP = new StaticArray<u32>(7 * 256);

function initTables(): void {
  for (let b = 0; b < 256; b++) {
    let t: u32 = 0;
    if (b == 0x25) t |= T_PCT;
    if (b == 0x2b) t |= T_PLUS;
    if (b == 0x26) t |= T_AMP;
    if (b == 0x5c) t |= T_BSL;
    if (b == 0x22 || b == 0x27) t |= T_QUOTE;
    if (b == 0x5e) t |= T_CARET;
    if (b == 0x2c || b == 0x3b) t |= T_SEP;
    if (b == 0x20) t |= T_SPACE;
    if (b >= 0x09 && b <= 0x0d) t |= T_WSX;
    if (b == 0) t |= T_NUL;
    if (b >= 0x80) t |= T_HI;
    if (b == 0x23) t |= T_CMT;
    const b64 = (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) ||
      b == 0x2b || b == 0x2f || b == 0x2d || b == 0x5f || b == 0x3d;
    if (!b64) t |= T_NOTB64;
    SINGLE[b] = t;
    let c: u8 = 0;
    if (b == 0x2f) c = 1; else if (b == 0x2a) c = 2; else if (b == 0x3c) c = 3; else if (b == 0x2d) c = 4;
    else if (b == 0x30) c = 5; else if (b == 0x20 || (b >= 0x09 && b <= 0x0d)) c = 6;
    PAIR_CLASS[b] = c;
  }
  PAIR[(1 << 8) | 0x2a] = T_CMT;        // "/*"
  PAIR[(2 << 8) | 0x2f] = T_CMT;        // "*/"
  PAIR[(3 << 8) | 0x21] = T_CMT;        // "<!"
  PAIR[(4 << 8) | 0x2d] = T_CMT;        // "--"
  PAIR[(1 << 8) | 0x2f] = T_PATHSEG;    // "//"
  PAIR[(1 << 8) | 0x2e] = T_PATHSEG;    // "/."
  PAIR[(5 << 8) | 0x78] = T_HEX0X;      // "0x"
  PAIR[(5 << 8) | 0x58] = T_HEX0X;      // "0X"
  for (let b = 0x09; b <= 0x0d; b++) PAIR[(6 << 8) | b] = T_WSRUN;
  PAIR[(6 << 8) | 0x20] = T_WSRUN;
  for (let c = 0; c < 7; c++) for (let b = 0; b < 256; b++) {
    STEP[(c << 8) | b] = SINGLE[b] | PAIR[(c << 8) | b] | (<u32>PAIR_CLASS[b] << 24);
  }
}
initTables();

const B64_SCRATCH = new ByteBuf(256);

/** The trigger patterns present in [p, p+n) (for tests; the engine scans in RulePrefilter.scan). */
export function triggersOf(p: usize, n: i32): u32 {
  let t: u32 = 0; let pc: u32 = 0;
  for (let i = 0; i < n; i++) {
    const e = unchecked(STEP[(pc << 8) | <u32>load<u8>(p + i)]);
    t |= e; pc = e >> 24;
  }
  return finishTriggers(t & T_MASK, p, n);
}

const B64_CASED = new ByteBuf(256);

@inline function finishTriggers(t: u32, p: usize, n: i32, b64: bool = true): u32 {
  if (b64 && (t & T_NOTB64) == 0 && n >= 8 && b64Decodes(p, n)) t |= T_B64;
  return t & ~T_NOTB64;
}

/** Whether t:base64Text rewrites the value as it is, lower-cased or upper-cased (a chain may
 *  change case before base64Text; no other trigger-free step changes a base64-alphabet value). */
function b64Decodes(p: usize, n: i32): bool {
  if (base64Text(p, n, B64_SCRATCH)) return true;
  const c = B64_CASED;
  for (let pass = 0; pass < 2; pass++) {
    c.set(p, n);
    for (let i = 0; i < n; i++) {
      const b = <u32>load<u8>(c.ptr + i);
      if (pass == 0 && b - 0x41 < 26) store<u8>(c.ptr + i, <u8>(b | 0x20));
      if (pass == 1 && b - 0x61 < 26) store<u8>(c.ptr + i, <u8>(b & 0xdf));
    }
    if (base64Text(c.ptr, n, B64_SCRATCH)) return true;
  }
  return false;
}

// ---- slots: the request data a prefiltered rule can read -------------------------------------

const S_ARGS_GET = 0, S_ARGS_GET_NAMES = 1, S_ARGS_POST = 2, S_ARGS_POST_NAMES = 3, S_HEADERS = 4,
  S_HEADERS_NAMES = 5, S_COOKIES = 6, S_COOKIES_NAMES = 7, S_FILES = 8, S_FILES_NAMES = 9,
  S_PART_HEADERS = 10, S_XML = 11, S_RESP_HEADERS = 12, S_RESP_HEADERS_NAMES = 13;
const S_KV_COUNT = 14;
/** scalar variables a prefiltered rule may read (their values do not change once set) */
const SCALARS: Array<i32> = [
  V.REQUEST_METHOD, V.REQUEST_URI, V.REQUEST_URI_RAW, V.REQUEST_FILENAME, V.REQUEST_BASENAME,
  V.REQUEST_LINE, V.REQUEST_PROTOCOL, V.QUERY_STRING, V.REQUEST_BODY, V.REQUEST_CONTENT_TYPE,
  V.RESPONSE_BODY, V.RESPONSE_CONTENT_TYPE, V.RESPONSE_PROTOCOL, V.SERVER_NAME, V.REMOTE_ADDR,
];
const S_FIXED = S_KV_COUNT + 15;
/** keyed slots (one collection's items with one key, e.g. REQUEST_HEADERS:Referer) start here */
const S_KEYED = S_FIXED;
const MAX_KEYED = 128;
/** rules whose literals add up to more bytes are always evaluated (see analyze) */
const MAX_RULE_LITERAL_BYTES = 1024;

/** The whole-collection slots behind a variable (ARGS: the query's and the body's), or null when
 *  rules reading it cannot be prefiltered. */
function slotsOf(v: i32): Array<i32> | null {
  const g = itemSlotOf(v, false);
  if (g >= 0) {
    const p = itemSlotOf(v, true);
    return p != g ? [g, p] : [g];
  }
  const k = SCALARS.indexOf(v);
  return k >= 0 ? [S_KV_COUNT + k] : null;
}

/** The collection slot whose items a rule iterates for variable v (names or values), or -1. */
export function itemSlotOf(v: i32, post: bool): i32 {
  switch (v) {
    case V.ARGS: return post ? S_ARGS_POST : S_ARGS_GET;
    case V.ARGS_GET: return S_ARGS_GET;
    case V.ARGS_POST: return S_ARGS_POST;
    case V.ARGS_NAMES: return post ? S_ARGS_POST_NAMES : S_ARGS_GET_NAMES;
    case V.ARGS_GET_NAMES: return S_ARGS_GET_NAMES;
    case V.ARGS_POST_NAMES: return S_ARGS_POST_NAMES;
    case V.REQUEST_HEADERS: return S_HEADERS;
    case V.REQUEST_HEADERS_NAMES: return S_HEADERS_NAMES;
    case V.REQUEST_COOKIES: return S_COOKIES;
    case V.REQUEST_COOKIES_NAMES: return S_COOKIES_NAMES;
    case V.FILES: return S_FILES;
    case V.FILES_NAMES: return S_FILES_NAMES;
    case V.MULTIPART_PART_HEADERS: return S_PART_HEADERS;
    case V.XML: return S_XML;
    case V.RESPONSE_HEADERS: return S_RESP_HEADERS;
    case V.RESPONSE_HEADERS_NAMES: return S_RESP_HEADERS_NAMES;
  }
  return -1;
}

function kvOf(tx: Transaction, s: i32): KV {
  switch (s) {
    case S_ARGS_GET: case S_ARGS_GET_NAMES: return tx.argsGet;
    case S_ARGS_POST: case S_ARGS_POST_NAMES: return tx.argsPost;
    case S_HEADERS: case S_HEADERS_NAMES: return tx.headers;
    case S_COOKIES: case S_COOKIES_NAMES: return tx.cookies;
    case S_FILES: case S_FILES_NAMES: return tx.files;
    case S_PART_HEADERS: return tx.multipartPartHeaders;
    case S_XML: return tx.xml;
  }
  return tx.respHeaders;
}

@inline function namesSlot(s: i32): bool {
  return s == S_ARGS_GET_NAMES || s == S_ARGS_POST_NAMES || s == S_HEADERS_NAMES || s == S_COOKIES_NAMES ||
    s == S_FILES_NAMES || s == S_RESP_HEADERS_NAMES;
}

// ---- the prefilter ---------------------------------------------------------------------------

/** The per-configuration part: rule analysis and the automaton (built once per Waf, shared by
 *  every engine of the VM). */
export class PrefilterTables {
  /** prefiltered rules (bit numbers) */
  count: i32 = 0;
  words: i32 = 1;
  ac: PhraseMatcher | null = null;
  /** per automaton state: index of its output rule set, -1 none */
  outId: StaticArray<i32> = new StaticArray<i32>(0);
  /** output rule sets, `words` u64 each */
  sets: StaticArray<u64> = new StaticArray<u64>(0);
  /** per phase (1..5): the slots its prefiltered rules read */
  phaseSlots: Array<StaticArray<i32>> = [];
  /** per slot: the rules (bit set, `words` u64) that read it */
  slotRules: StaticArray<u64> = new StaticArray<u64>(0);
  /** per trigger bit (0..16): the rules whose transformations react to it */
  trigRules: StaticArray<u64> = new StaticArray<u64>(0);
  /** per slot: read by a rule with t:base64Text (only those values are test-decoded) */
  b64Slots: StaticArray<bool> = new StaticArray<bool>(0);
  /** slots in all: the fixed ones, then the keyed ones */
  nslots: i32 = S_FIXED;
  /** per keyed slot: its collection slot and lower-case key */
  keyedBase: Array<i32> = [];
  keyedKey: Array<ArrayBuffer> = [];
  private keyedIndex: Map<string, i32> = new Map<string, i32>();

  /** The slot of one key of a value collection (REQUEST_HEADERS:Referer), -1 when there is none. */
  private keyedSlot(base: i32, sel: VarSel): i32 {
    if (sel.key == null || sel.keyRe != null || namesSlot(base)) return -1;
    const name = base.toString() + ":" + sel.keyString.toLowerCase();
    if (this.keyedIndex.has(name)) return this.keyedIndex.get(name);
    if (this.keyedBase.length >= MAX_KEYED) return -1;
    const id = S_KEYED + this.keyedBase.length;
    this.keyedIndex.set(name, id);
    this.keyedBase.push(base); this.keyedKey.push(sel.key!);
    this.nslots = id + 1;
    return id;
  }

  /** The tables of `waf`, built on first use. */
  static of(waf: Waf): PrefilterTables {
    const t = waf.prefilter;
    if (t != null) return changetype<PrefilterTables>(t);
    const n = new PrefilterTables();
    n.build(waf);
    waf.prefilter = n;
    return n;
  }

  private build(waf: Waf): void {
    const litIndex = new Map<string, i32>();
    const lits = new Array<Uint8Array>();
    const owners = new Array<Array<i32>>();
    const b64 = new Array<i32>();
    for (let ph = 1; ph <= 5; ph++) {
      const rules = waf.phases[ph];
      for (let i = 0; i < rules.length; i++) {
        let r: Rule | null = rules[i];
        while (r != null) { this.analyze(r, litIndex, lits, owners, b64); r = r.chain; }
      }
    }
    this.words = max(1, (this.count + 63) >> 6);
    this.indexRules(waf);
    const bs = new StaticArray<bool>(this.nslots);
    for (let k = 0; k < b64.length; k++) bs[b64[k]] = true;
    this.b64Slots = bs;
    if (lits.length == 0) return;
    const ac = PhraseMatcher.fromBytes(lits);
    this.ac = ac;
    // output set of each state: the rules of every literal ending there (its own and, through the
    // dictionary links, its suffixes'), deduplicated
    const W = this.words;
    const outId = new StaticArray<i32>(ac.nstates);
    // sets deduplicated by a hash of their words (a hash collision only costs a duplicate set);
    // no strings: the CRS has tens of thousands of states, and this runs inside configuration
    const setIndex = new Map<u64, i32>();
    const sets = new Array<u64>();
    const tmp = new StaticArray<u64>(W);
    for (let s = 0; s < ac.nstates; s++) {
      outId[s] = -1;
      let t = ac.term[s] >= 0 ? s : ac.dict[s];
      if (t <= 0) continue;
      for (let w = 0; w < W; w++) tmp[w] = 0;
      while (t > 0) {
        const o = owners[ac.term[t]];
        for (let k = 0; k < o.length; k++) tmp[o[k] >> 6] |= (<u64>1) << (<u64>(o[k] & 63));
        t = ac.dict[t];
      }
      let h: u64 = 0xcbf29ce484222325;
      for (let w = 0; w < W; w++) h = (h ^ tmp[w]) * 0x100000001b3;
      if (setIndex.has(h)) {
        const id = setIndex.get(h);
        let same = true;
        for (let w = 0; w < W; w++) if (sets[id * W + w] != tmp[w]) { same = false; break; }
        if (same) { outId[s] = id; continue; }
      }
      const id = sets.length / W;
      if (!setIndex.has(h)) setIndex.set(h, id);
      for (let w = 0; w < W; w++) sets.push(tmp[w]);
      outId[s] = id;
    }
    this.outId = outId;
    const st = new StaticArray<u64>(max(1, sets.length));
    for (let i = 0; i < sets.length; i++) st[i] = sets[i];
    this.sets = st;
  }

  /** phaseSlots, slotRules and trigRules from the analysed rules (chain followers included). */
  private indexRules(waf: Waf): void {
    const W = this.words;
    const sr = new StaticArray<u64>(this.nslots * W);
    const tr = new StaticArray<u64>(TRIG_BITS * W);
    this.phaseSlots.push(new StaticArray<i32>(0));
    for (let ph = 1; ph <= 5; ph++) {
      const used = new Array<i32>();
      const rules = waf.phases[ph];
      for (let i = 0; i < rules.length; i++) {
        let r: Rule | null = rules[i];
        while (r != null) {
          const x = r!;
          if (x.pfBit >= 0) {
            const w = x.pfBit >> 6, m = (<u64>1) << (<u64>(x.pfBit & 63));
            const sl = x.pfSlots!;
            for (let k = 0; k < sl.length; k++) {
              sr[sl[k] * W + w] |= m;
              if (!used.includes(sl[k])) used.push(sl[k]);
            }
            for (let b = 0; b < TRIG_BITS; b++) if ((x.pfTrig >> <u32>b) & 1) tr[b * W + w] |= m;
          }
          r = x.chain;
        }
      }
      const a = new StaticArray<i32>(used.length);
      for (let k = 0; k < used.length; k++) a[k] = used[k];
      this.phaseSlots.push(a);
    }
    this.slotRules = sr;
    this.trigRules = tr;
  }

  private analyze(r: Rule, litIndex: Map<string, i32>, lits: Array<Uint8Array>, owners: Array<Array<i32>>, b64: Array<i32>): void {
    r.pfBit = -1;
    if (r.isMarker || r.op == null || r.negate || r.op!.dynamic) return;
    const ls = r.op!.literals();
    if (ls == null || ls.length == 0) return;
    let bytes = 0;
    for (let k = 0; k < ls.length; k++) { if (ls[k].length == 0) return; bytes += ls[k].length; }
    // a long phrase list (@pmFromFile) is its own one-pass automaton already; in the shared one it
    // would multiply the transition table (states × byte classes) for little gain
    if (bytes > MAX_RULE_LITERAL_BYTES) return;
    let trig: u32 = 0;
    for (let k = 0; k < r.tnames.length; k++) trig |= transformTriggers(r.tnames[k]);
    if (trig & T_OPAQUE) return;
    const slots = new Array<i32>();
    for (let k = 0; k < r.vars.length; k++) {
      const sel = r.vars[k];
      if (sel.count) return;
      const ss = slotsOf(sel.v);
      if (ss == null) return;
      for (let j = 0; j < ss.length; j++) {
        const ks = this.keyedSlot(ss[j], sel);   // a keyed selector reads only its key's items
        const x = ks >= 0 ? ks : ss[j];
        if (!slots.includes(x)) slots.push(x);
      }
    }
    if (slots.length == 0) return;
    const bit = this.count++;
    r.pfBit = bit;
    r.pfTrig = trig;
    const sa = new StaticArray<i32>(slots.length);
    for (let k = 0; k < slots.length; k++) sa[k] = slots[k];
    r.pfSlots = sa;
    if (trig & T_B64) for (let k = 0; k < slots.length; k++) b64.push(slots[k]);
    for (let k = 0; k < ls.length; k++) {
      // the automaton folds ASCII case: literals equal up to case are one literal
      const b = ls[k];
      const codes = new Array<i32>(b.length);
      for (let j = 0; j < b.length; j++) { let c = <i32>b[j]; if (c >= 0x41 && c <= 0x5a) c += 32; codes[j] = c; }
      const key = String.fromCharCodes(codes);
      let id: i32;
      if (litIndex.has(key)) id = litIndex.get(key);
      else { id = lits.length; litIndex.set(key, id); lits.push(b); owners.push(new Array<i32>()); }
      const o = owners[id];
      if (o.length == 0 || o[o.length - 1] != bit) o.push(bit);
    }
  }

}

/** The per-engine part: what this request's slots hold. */
export class RulePrefilter {
  private t: PrefilterTables = changetype<PrefilterTables>(0);
  private W: i32 = 1;
  // per slot, per request
  private gen: StaticArray<u32> = new StaticArray<u32>(0);
  private stampP: StaticArray<usize> = new StaticArray<usize>(0);
  private stampN: StaticArray<i32> = new StaticArray<i32>(0);
  private trig: StaticArray<u32> = new StaticArray<u32>(0);
  private hits: StaticArray<u64> = new StaticArray<u64>(0);
  // per item of a collection slot (index = the item's index in its KV list): triggers and hits
  private itT: Array<StaticArray<u32>> = [];
  private itH: Array<StaticArray<u64>> = [];
  private cur: u32 = 1;
  /** slots are checked for changes once per phase (nothing a rule does changes them) */
  private checked: StaticArray<u32> = new StaticArray<u32>(0);
  private nslots: i32 = 0;
  private phaseGen: u32 = 1;
  /** values scanned in this request (tests, bench) */
  scanned: i32 = 0;
  /** the rules that may match in the current phase (bit set), from prepare() */
  private cand: StaticArray<u64> = new StaticArray<u64>(0);

  constructor(waf: Waf, public tx: Transaction) {
    this.t = PrefilterTables.of(waf);
    this.W = this.t.words;
    const n = this.t.nslots;
    this.nslots = n;
    this.hits = new StaticArray<u64>(n * this.W);
    this.gen = new StaticArray<u32>(n); this.stampP = new StaticArray<usize>(n);
    this.stampN = new StaticArray<i32>(n); this.trig = new StaticArray<u32>(n);
    this.checked = new StaticArray<u32>(n);
    this.cand = new StaticArray<u64>(this.W);
    for (let k = 0; k < S_KV_COUNT; k++) { this.itT.push(new StaticArray<u32>(16)); this.itH.push(new StaticArray<u64>(16 * this.W)); }
  }

  /** Before each phase: request data may have grown (body arguments, response headers). */
  newPhase(): void {
    this.phaseGen++;
    if (this.phaseGen == 0) { memory.fill(changetype<usize>(this.checked), 0, <usize>this.nslots << 2); this.phaseGen = 1; }
  }

  newRequest(): void {
    this.newPhase();
    this.cur++;
    if (this.cur == 0) { memory.fill(changetype<usize>(this.gen), 0, <usize>this.nslots << 2); this.cur = 1; }
    this.scanned = 0;
  }

  @inline private check(s: i32): void {
    if (unchecked(this.checked[s]) != this.phaseGen) { this.ensure(s); unchecked(this.checked[s] = this.phaseGen); }
  }

  /**
   * Before a phase: brings every slot the phase's rules read up to date and computes, for all of
   * them at once, which rules may match: a rule is a candidate when one of its slots holds one of
   * its literals (hits) or a trigger its transformations react to (trigRules).
   */
  prepare(phase: i32): void {
    this.newPhase();
    const t = this.t;
    const W = this.W;
    const c = this.cand;
    for (let w = 0; w < W; w++) unchecked(c[w] = 0);
    const slots = unchecked(t.phaseSlots[phase]);
    for (let k = 0; k < slots.length; k++) {
      const s = unchecked(slots[k]);
      this.check(s);
      const trig = unchecked(this.trig[s]);
      for (let w = 0; w < W; w++) {
        let x = unchecked(this.hits[s * W + w]);
        if (trig != 0) {
          let bits = trig;
          while (bits != 0) {
            const b = <i32>ctz(bits);
            bits &= bits - 1;
            if (b < TRIG_BITS) x |= unchecked(t.trigRules[b * W + w]);
          }
        }
        unchecked(c[w] |= x & unchecked(t.slotRules[s * W + w]));
      }
    }
  }

  /** After prepare(phase): may the phase's rule with prefilter bit `bit` match? */
  @inline isCandidate(bit: i32): bool {
    return (unchecked(this.cand[bit >> 6]) & ((<u64>1) << (<u64>(bit & 63)))) != 0;
  }

  /** May rule `r` (pfBit ≥ 0) match item i of collection slot s (itemSlotOf)? */
  itemCandidate(s: i32, i: i32, r: Rule): bool {
    this.check(s);
    if (i >= unchecked(this.stampN[s])) return true;   // not scanned (cannot happen; be safe)
    if ((unchecked(unchecked(this.itT[s])[i]) & r.pfTrig) != 0) return true;
    const bit = r.pfBit;
    return (unchecked(unchecked(this.itH[s])[i * this.W + (bit >> 6)]) & ((<u64>1) << (<u64>(bit & 63)))) != 0;
  }

  private ensure(s: i32): void {
    const tx = this.tx;
    const fresh = unchecked(this.gen[s]) == this.cur;
    const W = this.W;
    if (s >= S_KEYED) {
      // a keyed slot: the OR of its items' rows in the collection slot (no second scan)
      const base = unchecked(this.t.keyedBase[s - S_KEYED]);
      if (unchecked(this.checked[base]) != this.phaseGen) { this.ensure(base); unchecked(this.checked[base] = this.phaseGen); }
      const kv = kvOf(tx, base);
      // unchanged since the last phase when its collection is
      if (fresh && unchecked(this.stampN[s]) == kv.count && unchecked(this.stampP[s]) == changetype<usize>(kv.kp)) return;
      unchecked(this.stampN[s] = kv.count); unchecked(this.stampP[s] = changetype<usize>(kv.kp));
      const key = unchecked(this.t.keyedKey[s - S_KEYED]);
      this.clear(s);
      const it = unchecked(this.itT[base]), ih = unchecked(this.itH[base]);
      let t: u32 = 0;
      for (let i = 0; i < kv.count; i++) {
        if (!keyEquals(unchecked(kv.kp[i]), unchecked(kv.kl[i]), key)) continue;
        t |= unchecked(it[i]);
        for (let w = 0; w < W; w++) unchecked(this.hits[s * W + w] |= unchecked(ih[i * W + w]));
      }
      unchecked(this.trig[s] = t);
    } else if (s < S_KV_COUNT) {
      const kv = kvOf(tx, s);
      let from = 0;
      if (fresh) {
        if (unchecked(this.stampN[s]) == kv.count && unchecked(this.stampP[s]) == changetype<usize>(kv.kp)) return;
        if (kv.count > unchecked(this.stampN[s]) && unchecked(this.stampP[s]) == changetype<usize>(kv.kp)) from = unchecked(this.stampN[s]);
      }
      if (from == 0) this.clear(s);
      const n = kv.count;
      if (unchecked(this.itT[s]).length < n) {
        let cap = unchecked(this.itT[s]).length;
        while (cap < n) cap <<= 1;
        const nt = new StaticArray<u32>(cap), nh = new StaticArray<u64>(cap * W);
        memory.copy(changetype<usize>(nt), changetype<usize>(unchecked(this.itT[s])), <usize>from << 2);
        memory.copy(changetype<usize>(nh), changetype<usize>(unchecked(this.itH[s])), <usize>(from * W) << 3);
        unchecked(this.itT[s] = nt); unchecked(this.itH[s] = nh);
      }
      const it = unchecked(this.itT[s]), ih = unchecked(this.itH[s]);
      const names = namesSlot(s);
      for (let i = from; i < n; i++) {
        const row = changetype<usize>(ih) + (<usize>(i * W) << 3);
        for (let w = 0; w < W; w++) store<u64>(row + (<usize>w << 3), 0);
        const t = names ? this.scan(s, row, unchecked(kv.kp[i]), unchecked(kv.kl[i]))
                        : this.scan(s, row, unchecked(kv.vp[i]), unchecked(kv.vl[i]));
        unchecked(it[i] = t);
        unchecked(this.trig[s] |= t);
        for (let w = 0; w < W; w++) unchecked(this.hits[s * W + w] |= load<u64>(row + (<usize>w << 3)));
      }
      // kv.kp is replaced when the list grows: the pointer tells a grown list from a refilled one
      unchecked(this.stampN[s] = n); unchecked(this.stampP[s] = changetype<usize>(kv.kp));
    } else {
      const p = tx.scalar(unchecked(SCALARS[s - S_KV_COUNT]));
      const n = tx.valLen;
      if (fresh && unchecked(this.stampP[s]) == p && unchecked(this.stampN[s]) == n) return;
      this.clear(s);
      if (n > 0) unchecked(this.trig[s] = this.scan(s, changetype<usize>(this.hits) + (<usize>(s * W) << 3), p, n));
      unchecked(this.stampP[s] = p); unchecked(this.stampN[s] = n);
    }
    unchecked(this.gen[s] = this.cur);
  }

  private clear(s: i32): void {
    unchecked(this.trig[s] = 0);
    const W = this.W;
    for (let w = 0; w < W; w++) unchecked(this.hits[s * W + w] = 0);
  }

  /** One value of slot s: ORs the rules whose literals it holds into the row at `hits`; returns
   *  its trigger patterns. */
  private scan(s: i32, hits: usize, p: usize, n: i32): u32 {
    this.scanned++;
    let t: u32 = 0; let pc: u32 = 0;
    const step = changetype<usize>(STEP);
    const ac = this.t.ac;
    if (ac == null) {
      for (let i = 0; i < n; i++) {
        const e = load<u32>(step + (<usize>((pc << 8) | <u32>load<u8>(p + i)) << 2));
        t |= e; pc = e >> 24;
      }
    } else {
      const ncls = ac.ncls;
      const tr = changetype<usize>(ac.trans);
      const cls = changetype<usize>(ac.cls);
      const out = changetype<usize>(this.t.outId);
      const W = this.W;
      const sets = changetype<usize>(this.t.sets);
      let st = 0; let last = -1;
      for (let i = 0; i < n; i++) {
        const b = <u32>load<u8>(p + i);
        const e = load<u32>(step + (<usize>((pc << 8) | b) << 2));
        t |= e; pc = e >> 24;
        st = load<i32>(tr + (<usize>(st * ncls + <i32>load<u8>(cls + <usize>b)) << 2));
        const o = load<i32>(out + (<usize>st << 2));
        if (o >= 0 && o != last) {
          last = o;
          const sp = sets + (<usize>(o * W) << 3);
          for (let w = 0; w < W; w++) store<u64>(hits + (<usize>w << 3), load<u64>(hits + (<usize>w << 3)) | load<u64>(sp + (<usize>w << 3)));
        }
      }
    }
    return finishTriggers(t & T_MASK, p, n, unchecked(this.t.b64Slots[s]));
  }
}
