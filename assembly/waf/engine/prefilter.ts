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
 *     …, not TX, MATCHED_VAR or a `&` count: see presence rules below for those);
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
 * collection that do (each item keeps its own row of hits).
 * Rules without literals (negated, macro argument, an opaque transformation, an operator with no
 * literal set such as detectSQLi, or literals adding up to more than 1 KiB: long @pmFromFile
 * lists, one-pass automata already) are "presence" rules: skipped when every slot they read is
 * empty or absent, since a rule with no value to test does not match, negated or not (a present
 * empty scalar counts as present). A rule with `&` counts of request data is one when its constant
 * numeric comparison fails on 0 (`&REQUEST_HEADERS:Transfer-Encoding gt 0`): absent data counts 0.
 * A rule without literals that reads only regex-keyed items (`ARGS:/^(?:json\.)?saml…$/`) tests
 * nothing unless some key matches a key regex, and such a key holds one of that regex's literals:
 * it is prefiltered by those literals in the keys' slots (ARGS_NAMES …; pfByKey, no item filter).
 * How values are scanned: one-byte literals form byte groups (rules with the same byte set share
 * one; a value's groups are the OR of a per-byte table); longer literals go into one automaton,
 * those over WINDOW bytes as their rarest WINDOW-byte piece (a value holding the literal holds
 * every piece of it, so this only widens the candidates). A value of up to 128 bytes seen
 * recently (in any slot or request: header names, Host, User-Agent, Accept repeat) is not scanned
 * again: its hits and triggers come from a memo keyed by its exact bytes (ScanMemo). Chains above
 * the paranoia level are never evaluated and not analysed.
 *
 * The engine calls newRequest() per transaction, prepare(phase) before each phase (brings the
 * phase's slots up to date and computes one bit set of candidate rules for the whole phase and
 * the positions to visit: candidates and rules always evaluated), next(i) to walk them,
 * isCandidate(rule.pfBit) before a chain follower, and itemCandidate() per item of a collection.
 * A slot is rescanned only when it changed (a collection grew, a scalar got another value:
 * ARGS_POST and REQUEST_BODY arrive in phase 2). Each slot also keeps the bytes it was last built
 * from (a collection's keys and values in order, a scalar's value up to 4 KiB): when a later
 * request's slot holds exactly those bytes, the state that build left (its rows, its items' rows,
 * its keyed slots) is what a new build would compute, and is kept (only ensure() writes it).
 * Spec: assembly/waf/engine/__tests__/prefilter.spec.ts (trigger soundness per transformation,
 * also for chains that change case first; verdicts with and without the prefilter).
 * `waf.prefilter: false` turns it off (to compare verdicts; the result must be the same).
 */
import { Rule, Waf } from "./rule";
import { Transaction, keyHash } from "./transaction";
import { KV, keyEquals } from "./arena";
import { V, VarSel } from "./variables";
import { PhraseMatcher } from "../../regex/aho";
import { ByteBuf } from "../bytes";
import { base64Text } from "../transforms/base64Text";
import { sameBytes } from "../../util/bytes";

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
const T_NOTB64: u32 = 1 << 16;      // SINGLE only: a byte outside the base64 alphabets (allBase64)
const TRIG_BITS = 16;                 // T_PCT … T_B64 (T_NOTB64 never reaches a slot)
/** PrefilterTables.scanCls: the byte needs more than an automaton step */
const SCAN_SPECIAL: u32 = 0x8000;

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

/** A byte the scan must look at beyond the automaton step: it has a single-byte trigger or opens
 *  a pair trigger (the base64 alphabet test is separate: finishTriggers). One-byte literal groups
 *  add their bytes per configuration (PrefilterTables.scanCls). */
@inline function triggerByte(b: u32): bool {
  return (unchecked(SINGLE[b]) & ~T_NOTB64) != 0 || unchecked(PAIR_CLASS[b]) != 0;
}

/** The triggers of the byte at p + i (b), with the pair it opens with the next byte: every
 *  trigger of a value is found at a trigger byte (a pair starts at one), so the scan calls this
 *  only there and steps the automaton alone over the other bytes. */
@inline function byteTriggers(p: usize, i: i32, n: i32, b: u32): u32 {
  let t = unchecked(SINGLE[b]) & ~T_NOTB64;
  const c = <u32>unchecked(PAIR_CLASS[b]);
  if (c != 0 && i + 1 < n) t |= load<u32>(changetype<usize>(PAIR) + (<usize>((c << 8) | <u32>load<u8>(p + i + 1)) << 2));
  return t;
}

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
}
initTables();

const B64_SCRATCH = new ByteBuf(256);

/** The trigger patterns present in [p, p+n), as RulePrefilter.scan finds them (byteTriggers at
 *  each trigger byte), for the spec. */
export function triggersOf(p: usize, n: i32): u32 {
  let t: u32 = 0;
  for (let i = 0; i < n; i++) { const b = <u32>load<u8>(p + i); if (triggerByte(b)) t |= byteTriggers(p, i, n, b); }
  return finishTriggers(t, p, n);
}

const B64_CASED = new ByteBuf(256);

@inline function finishTriggers(t: u32, p: usize, n: i32, b64: bool = true): u32 {
  if (b64 && n >= 8 && allBase64(p, n) && b64Decodes(p, n)) t |= T_B64;
  return t;
}

/** Every byte of [p, p+n) is in a base64 alphabet (standard or URL-safe, with '='). */
function allBase64(p: usize, n: i32): bool {
  for (let i = 0; i < n; i++) if ((unchecked(SINGLE[load<u8>(p + i)]) & T_NOTB64) != 0) return false;
  return true;
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
/** REQBODY_ERROR (or REQBODY_PROCESSOR_ERROR) is not 0: present only then (see analyze) */
const S_BODY_ERROR = S_KV_COUNT + 15;
const S_FIXED = S_KV_COUNT + 16;
/** keyed slots (one collection's items with one key, e.g. REQUEST_HEADERS:Referer) start here */
const S_KEYED = S_FIXED;
const MAX_KEYED = 128;
/** rules whose literals (cut to WINDOW bytes each) add up to more bytes are presence rules (see analyze) */
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

/** r compares its value with a constant number, untransformed (Rule.numOp), and does not match
 *  on 0 (negate included): an absent count or an unset error flag cannot make it match. */
function failsOnZero(r: Rule): bool {
  const nop = r.numOp;
  return nop != null && nop.cmp(0, nop.k) == r.negate;
}

/** Every variable of r is REQBODY_ERROR or REQBODY_PROCESSOR_ERROR (no key, no count), compared
 *  with a constant number, untransformed, by a comparison that fails on 0 (negate included). */
function bodyErrorRule(r: Rule): bool {
  if (!failsOnZero(r) || r.vars.length == 0) return false;
  for (let k = 0; k < r.vars.length; k++) {
    const sel = r.vars[k];
    if (sel.count || sel.key != null || sel.keyRe != null) return false;
    if (sel.v != V.REQBODY_ERROR && sel.v != V.REQBODY_PROCESSOR_ERROR) return false;
  }
  return true;
}

/** The slot holding the keys of collection slot s (itself for a names slot), or -1 (XML and
 *  multipart part headers have no names slot). */
function keysSlotOf(s: i32): i32 {
  switch (s) {
    case S_ARGS_GET: case S_ARGS_GET_NAMES: return S_ARGS_GET_NAMES;
    case S_ARGS_POST: case S_ARGS_POST_NAMES: return S_ARGS_POST_NAMES;
    case S_HEADERS: case S_HEADERS_NAMES: return S_HEADERS_NAMES;
    case S_COOKIES: case S_COOKIES_NAMES: return S_COOKIES_NAMES;
    case S_FILES: case S_FILES_NAMES: return S_FILES_NAMES;
    case S_RESP_HEADERS: case S_RESP_HEADERS_NAMES: return S_RESP_HEADERS_NAMES;
  }
  return -1;
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

/** The first position ≥ i whose bit is set in the first `words` words of `bits`, or i32.MAX_VALUE. */
export function nextBit(bits: StaticArray<u64>, words: i32, i: i32): i32 {
  let w = i >> 6;
  if (w >= words) return i32.MAX_VALUE;
  let b = unchecked(bits[w]) & (~(<u64>0) << (<u64>(i & 63)));
  while (b == 0) {
    if (++w >= words) return i32.MAX_VALUE;
    b = unchecked(bits[w]);
  }
  return (w << 6) + <i32>ctz(b);
}

/** a scalar slot's value is remembered for ensure's reuse up to this many bytes */
const SNAP_MAX_SCALAR = 4096;

/** Writes kv's items into b: per item its key length, value length (-1 for a names slot, whose
 *  values are not read), key and value. */
function snapItems(b: ByteBuf, kv: KV, names: bool): void {
  b.reset();
  for (let i = 0; i < kv.count; i++) {
    const kl = unchecked(kv.kl[i]), vl = names ? -1 : unchecked(kv.vl[i]);
    b.reserve(8);
    store<i32>(b.ptr + <usize>b.len, kl); store<i32>(b.ptr + <usize>b.len + 4, vl);
    b.len += 8;
    b.append(unchecked(kv.kp[i]), kl);
    if (vl > 0) b.append(unchecked(kv.vp[i]), vl);
  }
}

/** kv's items are the ones snapItems wrote into b (same count, lengths and bytes). */
function sameItems(b: ByteBuf, kv: KV, names: bool): bool {
  let o: usize = b.ptr;
  const end = b.ptr + <usize>b.len;
  for (let i = 0; i < kv.count; i++) {
    if (o + 8 > end) return false;
    const kl = unchecked(kv.kl[i]), vl = names ? -1 : unchecked(kv.vl[i]);
    if (load<i32>(o) != kl || load<i32>(o + 4) != vl) return false;
    o += 8;
    if (!sameBytes(o, unchecked(kv.kp[i]), kl)) return false;
    o += <usize>kl;
    if (vl > 0) { if (!sameBytes(o, unchecked(kv.vp[i]), vl)) return false; o += <usize>vl; }
  }
  return o == end;
}

@inline function namesSlot(s: i32): bool {
  return s == S_ARGS_GET_NAMES || s == S_ARGS_POST_NAMES || s == S_HEADERS_NAMES || s == S_COOKIES_NAMES ||
    s == S_FILES_NAMES || s == S_RESP_HEADERS_NAMES;
}

/** literals longer than this are matched by their rarest window of this many bytes (every value
 *  holding the literal holds the window): a small automaton instead of one state per byte of
 *  every long literal */
const WINDOW = 6;   // at most 8: window pieces are packed into a u64 (inCommon)

/** Header names and values nearly every request carries: a window found in one of them would make
 *  its rule a candidate on ordinary traffic, so window() avoids them when the literal allows. */
const COMMON: Array<string> = [
  "x-request-id", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
  "x-envoy-", "x-b3-traceid", "x-b3-spanid", "traceparent", "tracestate", "content-type",
  "content-length", "user-agent", "accept-encoding", "accept-language", "authorization",
  "cache-control", "connection", "keep-alive", "upgrade-insecure-requests", "sec-fetch-",
  "mozilla/5.0 (windows nt 10.0; win64; x64) applewebkit/537.36 (khtml, like gecko) chrome/",
  "mozilla/5.0 (macintosh; intel mac os x 10_15_7)", "mozilla/5.0 (x11; linux x86_64)", "safari/",
  "application/json", "application/x-www-form-urlencoded", "multipart/form-data", "text/html",
  "text/plain", "gzip, deflate, br", "http/1.1", "https://", "http://www.", ".com", "bearer ",
];
/** every WINDOW-byte piece of the COMMON strings, packed into a u64 (built on first use) */
let COMMON_PIECES: Set<u64> | null = null;

/** b[at, at + WINDOW) case-folded, packed into a u64 */
function piece(p: usize, at: i32): u64 {
  let k: u64 = 0;
  for (let j = 0; j < WINDOW; j++) {
    let x = <u32>load<u8>(p + at + j);
    if (x - 0x41 < 26) x |= 0x20;
    k = (k << 8) | <u64>x;
  }
  return k;
}

function inCommon(b: Uint8Array, at: i32): bool {
  if (COMMON_PIECES == null) {
    const set = new Set<u64>();
    for (let i = 0; i < COMMON.length; i++) {
      const c = String.UTF8.encode(COMMON[i]);
      for (let s = 0; s + WINDOW <= c.byteLength; s++) set.add(piece(changetype<usize>(c), s));
    }
    COMMON_PIECES = set;
  }
  return COMMON_PIECES!.has(piece(b.dataStart, at));
}

/** The WINDOW-byte piece of literal b that ordinary text is least likely to walk into: not inside
 *  a COMMON string when another piece is not; then by rarity, where the first byte weighs most (the
 *  automaton leaves its start state only there); the last among equals (ends of literals are less
 *  often shared with ordinary text). */
function window(b: Uint8Array): Uint8Array {
  if (b.length <= WINDOW) return b;
  let best = 0, bestScore = -1;
  for (let i = 0; i + WINDOW <= b.length; i++) {
    let sc = byteRarity(<i32>b[i]) * 4;
    for (let j = 1; j < WINDOW; j++) sc += byteRarity(<i32>b[i + j]);
    if (!inCommon(b, i)) sc += 1000;
    if (sc >= bestScore) { bestScore = sc; best = i; }
  }
  return b.slice(best, best + WINDOW);
}

/** How rarely a byte shows up in ordinary request values: common letters 0, other letters and
 *  digits 1-2, common separators 2, other punctuation 4, control and non-ASCII bytes 5. */
function byteRarity(c: i32): i32 {
  if (c >= 0x41 && c <= 0x5a) c += 32;
  if (c >= 0x61 && c <= 0x7a) {
    if (c == 0x71 || c == 0x78 || c == 0x7a || c == 0x6a) return 2;                 // q x z j
    if (c == 0x6b || c == 0x76 || c == 0x77 || c == 0x79 || c == 0x62 || c == 0x66 || c == 0x67 || c == 0x70) return 1;  // k v w y b f g p
    return 0;
  }
  if (c >= 0x30 && c <= 0x39) return 1;
  if (c == 0x20 || c == 0x2e || c == 0x2f || c == 0x2d || c == 0x5f || c == 0x3a || c == 0x2c || c == 0x3b || c == 0x3d || c == 0x26 || c == 0x3f) return 2;
  if (c < 0x20 || c >= 0x7f) return 5;
  return 4;
}

/** Adds literal b (case-folded; equal literals are one) owned by rule `bit`. */
function addLiteral(b: Uint8Array, bit: i32, litIndex: Map<string, i32>, lits: Array<Uint8Array>, owners: Array<Array<i32>>): void {
  const codes = new Array<i32>(b.length);
  for (let j = 0; j < b.length; j++) { let c = <i32>b[j]; if (c >= 0x41 && c <= 0x5a) c += 32; codes[j] = c; }
  const key = String.fromCharCodes(codes);
  let id: i32;
  if (litIndex.has(key)) id = litIndex.get(key);
  else { id = lits.length; litIndex.set(key, id); lits.push(b); owners.push(new Array<i32>()); }
  const o = owners[id];
  if (o.length == 0 || o[o.length - 1] != bit) o.push(bit);
}

@inline function orRow(dst: usize, src: usize, W: i32): void {
  for (let w = 0; w < W; w++) store<u64>(dst + (<usize>w << 3), load<u64>(dst + (<usize>w << 3)) | load<u64>(src + (<usize>w << 3)));
}

// ---- scan memo ---------------------------------------------------------------------------------

/** values up to this many bytes are remembered (header names, Host, User-Agent, Accept, method,
 *  short paths and arguments: the values that repeat from request to request) */
const MEMO_MAX_LEN = 128;
export const MEMO_ENTRIES = 256;   // direct-mapped, a power of two

/** A 64-bit hash of [p, p+n) (8 bytes a step); only picks the memo entry and pre-screens it:
 *  a hit is decided by comparing the bytes. */
export function valueHash(p: usize, n: i32): u64 {
  let h: u64 = (<u64>n + 1) * 0x9e3779b97f4a7c15;
  let i = 0;
  for (; i + 8 <= n; i += 8) { h = (h ^ load<u64>(p + <usize>i)) * 0xff51afd7ed558ccd; h ^= h >> 32; }
  let tail: u64 = 0;
  for (let k = 0; i < n; i++, k += 8) tail |= (<u64>load<u8>(p + <usize>i)) << (<u64>k);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53;
  return h ^ (h >> 29);
}

/**
 * What the scan found in recently seen short values, so that a value seen again (in any slot, in
 * any request) costs a hash and a comparison instead of a pass of the automaton. An entry keeps the
 * value's bytes, and a hit needs the same length and the same bytes: the remembered hits and
 * triggers are exactly what the scan computes for those bytes (the tables never change), so the
 * memo cannot change which rules run. Slot-dependent parts (T_B64: finishTriggers) are not kept.
 */
class ScanMemo {
  hash: StaticArray<u64> = new StaticArray<u64>(MEMO_ENTRIES);
  len: StaticArray<i32> = new StaticArray<i32>(MEMO_ENTRIES);   // -1 = empty
  trig: StaticArray<u32> = new StaticArray<u32>(MEMO_ENTRIES);
  bytes: StaticArray<u8> = new StaticArray<u8>(MEMO_ENTRIES * MEMO_MAX_LEN);
  hits: StaticArray<u64>;
  constructor(public W: i32) {
    this.hits = new StaticArray<u64>(MEMO_ENTRIES * W);
    for (let e = 0; e < MEMO_ENTRIES; e++) unchecked(this.len[e] = -1);
  }
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
  /** the automaton's transitions for the scan (see build) */
  acStep: StaticArray<i32> = new StaticArray<i32>(0);
  /** per byte: its automaton class, plus SCAN_SPECIAL when the scan must also look at it (a
   *  trigger byte or a member of a one-byte literal group) */
  scanCls: StaticArray<u16> = new StaticArray<u16>(256);
  /** per byte: the one-byte literal groups it belongs to (bit g = group g; see build) */
  byteGroups: StaticArray<u64> = new StaticArray<u64>(256);
  /** per one-byte literal group: its rules (`words` u64) */
  groupRules: StaticArray<u64> = new StaticArray<u64>(0);
  /** per phase (1..5): the collection and scalar slots to bring up to date (keyed slots are
   *  brought up to date with their collection) */
  phaseBases: Array<StaticArray<i32>> = [];
  /** per slot: bit p set when a rule of phase p reads it */
  phaseMask: StaticArray<u8> = new StaticArray<u8>(0);
  /** per slot, `2 × words` u64: the rules (bit set) that read it, then the rules prefiltered only
   *  by presence (no literals) that read it (one row: one cache line or two per slot) */
  slotRules: StaticArray<u64> = new StaticArray<u64>(0);
  /** per phase (1..5): rule positions always evaluated (bit set over the phase's rule list:
   *  not prefiltered, within the paranoia level), and its prefiltered chain starters (pfBits) */
  phaseAlways: Array<StaticArray<u64>> = [];
  phaseStart: Array<StaticArray<u64>> = [];
  /** per pfBit: the starter's position in its phase's rule list (-1 for chain followers) */
  bitIndex: StaticArray<i32> = new StaticArray<i32>(0);
  /** the longest phase's rule count */
  maxRules: i32 = 0;
  /** per trigger bit (0..16): the rules whose transformations react to it */
  trigRules: StaticArray<u64> = new StaticArray<u64>(0);
  /** recently scanned short values (mutable: a cache shared by the VM's engines) */
  memo: ScanMemo = changetype<ScanMemo>(0);
  /** per slot: read by a rule with t:base64Text (only those values are test-decoded) */
  b64Slots: StaticArray<bool> = new StaticArray<bool>(0);
  /** slots in all: the fixed ones, then the keyed ones */
  nslots: i32 = S_FIXED;
  /** per keyed slot: its collection slot and lower-case key */
  keyedBase: Array<i32> = [];
  keyedKey: Array<ArrayBuffer> = [];
  private keyedIndex: Map<string, i32> = new Map<string, i32>();
  /** per collection slot: an open-addressing table (power of two; keyHash → keyed slot, -1
   *  empty) over its keyed slots, or an empty array when it has none */
  keyTab: Array<StaticArray<i32>> = [];
  /** per collection slot: its keyed slots */
  keyedOf: Array<StaticArray<i32>> = [];

  private indexKeys(): void {
    for (let b = 0; b < S_KV_COUNT; b++) {
      let n = 0;
      for (let k = 0; k < this.keyedBase.length; k++) if (this.keyedBase[k] == b) n++;
      let size = 0;
      if (n > 0) { size = 4; while (size < 2 * n) size <<= 1; }
      const tab = new StaticArray<i32>(size);
      for (let k = 0; k < size; k++) tab[k] = -1;
      const list = new StaticArray<i32>(n);
      let m = 0;
      for (let k = 0; k < this.keyedBase.length; k++) {
        if (this.keyedBase[k] != b) continue;
        list[m++] = S_KEYED + k;
        const key = this.keyedKey[k];
        let h = <i32>(keyHash(changetype<usize>(key), key.byteLength) & <u32>(size - 1));
        while (tab[h] >= 0) h = (h + 1) & (size - 1);
        tab[h] = S_KEYED + k;
      }
      this.keyTab.push(tab);
      this.keyedOf.push(list);
    }
  }

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
    const oneBytes = new Array<StaticArray<u64>>();   // per rule bit: its one-byte literals (256 bits), or empty
    const dpl = waf.settings.detectionParanoiaLevel;
    for (let ph = 1; ph <= 5; ph++) {
      const rules = waf.phases[ph];
      for (let i = 0; i < rules.length; i++) {
        let r: Rule | null = rules[i];
        // a chain above the detection paranoia level is never evaluated (runPhase)
        const never = !r!.isMarker && r!.paranoiaLevel > dpl;
        while (r != null) {
          if (never) r.pfBit = -1;
          else this.analyze(r, litIndex, lits, owners, b64, oneBytes);
          r = r.chain;
        }
      }
    }
    this.words = max(1, (this.count + 63) >> 6);
    this.memo = new ScanMemo(this.words);
    this.indexRules(waf);
    this.indexKeys();
    this.groupBytes(oneBytes, litIndex, lits, owners);
    const bs = new StaticArray<bool>(this.nslots);
    for (let k = 0; k < b64.length; k++) bs[b64[k]] = true;
    this.b64Slots = bs;
    for (let b = 0; b < 256; b++) {
      if (triggerByte(b) || this.byteGroups[b] != 0) this.scanCls[b] = <u16>SCAN_SPECIAL;
    }
    if (lits.length == 0) return;
    const ac = PhraseMatcher.fromBytes(lits);
    this.ac = ac;
    for (let b = 0; b < 256; b++) this.scanCls[b] |= <u16>load<u8>(changetype<usize>(ac.cls) + <usize>b);
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
    // the scan's table: entries hold the next state's row offset (state × classes), negative when
    // that state has outputs (no multiply and no output lookup per byte)
    const nc = ac.ncls;
    const step = new StaticArray<i32>(ac.nstates * nc);
    for (let k = 0; k < ac.nstates * nc; k++) {
      const nx = ac.trans[k];
      step[k] = outId[nx] >= 0 ? -(nx * nc) - 1 : nx * nc;
    }
    this.acStep = step;
    const st = new StaticArray<u64>(max(1, sets.length));
    for (let i = 0; i < sets.length; i++) st[i] = sets[i];
    this.sets = st;
  }

  /** phaseBases, phaseMask, slotRules (with the presence rules) and trigRules from
   *  the analysed rules (chain followers included); per phase, the rules always evaluated and the
   *  starters' positions (runPhase walks only these and the candidates). */
  private indexRules(waf: Waf): void {
    const W = this.words;
    const sr = new StaticArray<u64>(this.nslots * 2 * W);
    const pm = new StaticArray<u8>(this.nslots);
    const tr = new StaticArray<u64>(TRIG_BITS * W);
    const bi = new StaticArray<i32>(max(1, this.count));
    for (let k = 0; k < bi.length; k++) bi[k] = -1;
    const dpl = waf.settings.detectionParanoiaLevel;
    this.phaseBases.push(new StaticArray<i32>(0));
    this.phaseAlways.push(new StaticArray<u64>(0));
    this.phaseStart.push(new StaticArray<u64>(W));
    for (let ph = 1; ph <= 5; ph++) {
      const bases = new Array<i32>();   // the collections and scalars behind the slots read
      const rules = waf.phases[ph];
      const always = new StaticArray<u64>((rules.length + 63) >> 6);
      const start = new StaticArray<u64>(W);
      this.maxRules = max(this.maxRules, rules.length);
      for (let i = 0; i < rules.length; i++) {
        let r: Rule | null = rules[i];
        if (r!.isMarker || r!.paranoiaLevel > dpl) continue;
        if (r!.pfBit < 0) always[i >> 6] |= (<u64>1) << (<u64>(i & 63));
        else { bi[r!.pfBit] = i; start[r!.pfBit >> 6] |= (<u64>1) << (<u64>(r!.pfBit & 63)); }
        while (r != null) {
          const x = r!;
          if (x.pfBit >= 0) {
            const w = x.pfBit >> 6, m = (<u64>1) << (<u64>(x.pfBit & 63));
            const sl = x.pfSlots!;
            for (let k = 0; k < sl.length; k++) {
              sr[sl[k] * 2 * W + w] |= m;
              if (!x.pfItems && !x.pfByKey) sr[sl[k] * 2 * W + W + w] |= m;
              pm[sl[k]] = <u8>(<i32>pm[sl[k]] | (1 << ph));
              const b = sl[k] >= S_KEYED ? this.keyedBase[sl[k] - S_KEYED] : sl[k];
              if (!bases.includes(b)) bases.push(b);
            }
            for (let b = 0; b < TRIG_BITS; b++) if ((x.pfTrig >> <u32>b) & 1) tr[b * W + w] |= m;
          }
          r = x.chain;
        }
      }
      const ba = new StaticArray<i32>(bases.length);
      for (let k = 0; k < bases.length; k++) ba[k] = bases[k];
      this.phaseBases.push(ba);
      this.phaseAlways.push(always);
      this.phaseStart.push(start);
    }
    this.slotRules = sr;
    this.phaseMask = pm;
    this.trigRules = tr;
    this.bitIndex = bi;
  }

  private analyze(r: Rule, litIndex: Map<string, i32>, lits: Array<Uint8Array>, owners: Array<Array<i32>>, b64: Array<i32>,
                  oneBytes: Array<StaticArray<u64>>): void {
    r.pfBit = -1; r.pfItems = false;
    if (r.isMarker || r.op == null) return;
    // REQBODY_ERROR compared with a constant that fails on 0 (`eq 1`): the value is the body
    // processor's error flag, 0 unless a body failed to parse, so the rule is a presence rule on
    // "the flag is set"
    if (bodyErrorRule(r)) {
      r.pfBit = this.count++;
      const sa = new StaticArray<i32>(1);
      sa[0] = S_BODY_ERROR;
      r.pfSlots = sa;
      r.pfTrig = 0;
      oneBytes.push(new StaticArray<u64>(0));
      return;
    }
    // the slots of its variables: request data only (not TX, MATCHED_VAR)
    const slots = new Array<i32>();
    let counts = false;
    for (let k = 0; k < r.vars.length; k++) {
      const sel = r.vars[k];
      if (sel.count) counts = true;
      const ss = slotsOf(sel.v);
      if (ss == null) return;
      for (let j = 0; j < ss.length; j++) {
        const ks = this.keyedSlot(ss[j], sel);   // a keyed selector reads only its key's items
        const x = ks >= 0 ? ks : ss[j];
        if (!slots.includes(x)) slots.push(x);
      }
    }
    if (slots.length == 0) return;
    const sa = new StaticArray<i32>(slots.length);
    for (let k = 0; k < slots.length; k++) sa[k] = slots[k];
    let trig: u32 = 0;
    for (let k = 0; k < r.tnames.length; k++) trig |= transformTriggers(r.tnames[k]);
    // a `&` count of absent data is 0: a rule whose constant comparison fails on 0 (`&X gt 0`) cannot
    // match while every slot it counts is absent (a presence rule, below); else it always runs
    if (counts && !failsOnZero(r)) return;
    let ls: Array<Uint8Array> | null = null;
    if (!counts && !r.negate && !r.op!.dynamic && (trig & T_OPAQUE) == 0) ls = r.op!.literals();
    let bytes = 0;
    if (ls != null) for (let k = 0; k < ls.length; k++) bytes += ls[k].length == 0 ? MAX_RULE_LITERAL_BYTES + 1 : min(ls[k].length, WINDOW);
    let keySlots: StaticArray<i32> | null = null;
    if ((ls == null || ls.length == 0 || bytes > MAX_RULE_LITERAL_BYTES) && !counts) {
      // a rule reading only regex-keyed items (ARGS:/^saml/) tests nothing, and so cannot match,
      // unless some key matches a key regex, and such a key holds one of that regex's literals:
      // the rule is a candidate when the keys' slots hold one of them
      const kl = this.keyLiterals(r);
      if (kl != null) {
        let kb = 0;
        for (let k = 0; k < kl.length; k++) kb += kl[k].length == 0 ? MAX_RULE_LITERAL_BYTES + 1 : min(kl[k].length, WINDOW);
        if (kb <= MAX_RULE_LITERAL_BYTES) {
          ls = kl; bytes = kb;
          const ks = new Array<i32>();
          for (let k = 0; k < slots.length; k++) { const x = keysSlotOf(slots[k]); if (!ks.includes(x)) ks.push(x); }
          keySlots = new StaticArray<i32>(ks.length);
          for (let k = 0; k < ks.length; k++) keySlots[k] = ks[k];
        }
      }
    }
    const bit = this.count++;
    r.pfBit = bit;
    r.pfSlots = keySlots != null ? keySlots : sa;
    // a long phrase list (@pmFromFile) is its own one-pass automaton already; in the shared one it
    // would multiply the transition table (states × byte classes) for little gain
    if (ls == null || ls.length == 0 || bytes > MAX_RULE_LITERAL_BYTES) {
      // no literals: the rule still tests nothing (and cannot match, negated or not) when every
      // slot it reads is empty or absent
      r.pfTrig = 0;
      oneBytes.push(new StaticArray<u64>(0));
      return;
    }
    // by key: no item filter (the literals are in the keys, not the values tested) nor triggers
    r.pfItems = keySlots == null;
    r.pfByKey = keySlots != null;
    r.pfTrig = keySlots == null ? trig : 0;
    const lits0 = ls!;
    if (r.pfTrig & T_B64) for (let k = 0; k < slots.length; k++) b64.push(slots[k]);
    let one = new StaticArray<u64>(0);
    for (let k = 0; k < lits0.length; k++) {
      const b = lits0[k];
      if (b.length == 1) {
        // one-byte literals: a byte set (both cases), matched without the automaton (groupBytes)
        if (one.length == 0) one = new StaticArray<u64>(4);
        const c = <i32>b[0];
        one[c >> 6] |= (<u64>1) << (<u64>(c & 63));
        const o = c >= 0x41 && c <= 0x5a ? c + 32 : c >= 0x61 && c <= 0x7a ? c - 32 : c;
        one[o >> 6] |= (<u64>1) << (<u64>(o & 63));
        continue;
      }
      addLiteral(window(b), bit, litIndex, lits, owners);
    }
    oneBytes.push(one);
  }

  /** The literals of the key regexes when every variable of r is a regex-keyed selector of a
   *  collection with a names slot (and each key regex has literals), else null. */
  private keyLiterals(r: Rule): Array<Uint8Array> | null {
    const out = new Array<Uint8Array>();
    for (let k = 0; k < r.vars.length; k++) {
      const sel = r.vars[k];
      if (sel.keyRe == null || sel.count) return null;
      const ss = slotsOf(sel.v);
      if (ss == null) return null;
      for (let j = 0; j < ss.length; j++) if (keysSlotOf(ss[j]) < 0) return null;
      const l = sel.keyRe!.literals;
      if (l == null || l.length == 0) return null;
      for (let i = 0; i < l.length; i++) {
        const b = new Uint8Array(l[i].length);
        for (let c = 0; c < l[i].length; c++) b[c] = <u8>l[i].charCodeAt(c);
        out.push(b);
      }
    }
    return out.length ? out : null;
  }

  /**
   * One-byte literals become byte groups: rules with the same byte set share a group, and a
   * value's groups are the OR of byteGroups[b] over its bytes (one load per byte, no automaton
   * state, no output to resolve per byte). Beyond 64 groups the rest go to the automaton.
   */
  private groupBytes(bytes: Array<StaticArray<u64>>, litIndex: Map<string, i32>, lits: Array<Uint8Array>, owners: Array<Array<i32>>): void {
    const W = this.words;
    const sets = new Array<StaticArray<u64>>();
    const rules = new Array<StaticArray<u64>>();
    for (let bit = 0; bit < bytes.length; bit++) {
      const one = bytes[bit];
      if (one.length == 0) continue;
      let g = 0;
      while (g < sets.length && !(sets[g][0] == one[0] && sets[g][1] == one[1] && sets[g][2] == one[2] && sets[g][3] == one[3])) g++;
      if (g == sets.length) {
        if (g == 64) {
          for (let c = 0; c < 256; c++) {
            if ((one[c >> 6] >> (<u64>(c & 63))) & 1) { const b = new Uint8Array(1); b[0] = <u8>c; addLiteral(b, bit, litIndex, lits, owners); }
          }
          continue;
        }
        sets.push(one); rules.push(new StaticArray<u64>(W));
      }
      rules[g][bit >> 6] |= (<u64>1) << (<u64>(bit & 63));
    }
    const gr = new StaticArray<u64>(max(1, sets.length * W));
    for (let g = 0; g < sets.length; g++) {
      for (let w = 0; w < W; w++) gr[g * W + w] = rules[g][w];
      for (let c = 0; c < 256; c++) if ((sets[g][c >> 6] >> (<u64>(c & 63))) & 1) this.byteGroups[c] |= (<u64>1) << (<u64>g);
    }
    this.groupRules = gr;
  }

}

// per-slot request state: one record of ST_SIZE u32 per slot (RulePrefilter.st), so bringing a
// slot up to date touches one cache line, not one per field
const ST_GEN = 0;       // request (RulePrefilter.cur) the slot was last rebuilt in
const ST_N = 1;         // count (collection) or length (scalar) it was built from
const ST_P = 2;         // item list (collection) or value pointer (scalar) it was built from
const ST_TRIG = 3;      // trigger patterns of its values
const ST_CHECKED = 4;   // phase (RulePrefilter.phaseGen) it was last checked in
const ST_PRESENT = 5;   // it holds at least one value (a present scalar, an item, an item with its key)
const ST_FOUND = 6;     // keyed slot: took an item in the ensure() numbered foundGen
const ST_NZ = 7;        // request in which it joined the list of slots with a nonzero row
const ST_SIZE = 8;

/** The per-engine part: what this request's slots hold. */
export class RulePrefilter {
  /** the configuration's tables (read by the engine's walk: phaseAlways) */
  t: PrefilterTables = changetype<PrefilterTables>(0);
  private W: i32 = 1;
  /** per slot: ST_SIZE u32 (ST_GEN …) */
  private st: StaticArray<u32> = new StaticArray<u32>(0);
  /** per slot, `2 × W` u64: the rules whose literals its values hold (hits), then the rules it
   *  makes candidates (contrib: its hits and its triggers' rules among the rules reading it, and
   *  its presence-only rules when it is present) */
  private rows: StaticArray<u64> = new StaticArray<u64>(0);
  /** the slots whose contrib may be nonzero in this request (prepare ORs only these) */
  private nz: StaticArray<i32> = new StaticArray<i32>(0);
  private nzCount: i32 = 0;
  // per item of a collection slot (index = the item's index in its KV list): triggers and hits
  private itT: Array<StaticArray<u32>> = [];
  private itH: Array<StaticArray<u64>> = [];
  private cur: u32 = 1;
  private nslots: i32 = 0;
  /** slots are checked for changes once per phase (nothing a rule does changes them) */
  private phaseGen: u32 = 1;
  /** values scanned in this request (tests, bench), and of those taken from the memo */
  scanned: i32 = 0;
  memoHits: i32 = 0;
  /** the rules that may match in the current phase (bit set), from prepare() */
  private cand: StaticArray<u64> = new StaticArray<u64>(0);
  /** the positions in the current phase's rule list to visit (always evaluated or candidates) */
  todo: StaticArray<u64> = new StaticArray<u64>(0);
  todoWords: i32 = 0;
  /** per collection and scalar slot: what it was last built from (the items' keys and values,
   *  or the scalar's bytes), and whether that is known (snapOk): a slot found holding the same
   *  bytes again keeps the state that build left (see ensure) */
  private snap: Array<ByteBuf> = [];
  private snapOk: StaticArray<bool> = new StaticArray<bool>(0);
  /** slot builds passed over because the slot held what it was built from (tests, bench) */
  reused: i32 = 0;
  /** keyed slots that took items in the current ensure() (ST_FOUND == foundGen) */
  private found: Array<i32> = [];
  private foundGen: u32 = 1;

  constructor(waf: Waf, public tx: Transaction) {
    this.t = PrefilterTables.of(waf);
    this.W = this.t.words;
    const n = this.t.nslots;
    this.nslots = n;
    this.st = new StaticArray<u32>(n * ST_SIZE);
    this.rows = new StaticArray<u64>(n * 2 * this.W);
    this.nz = new StaticArray<i32>(n);
    this.cand = new StaticArray<u64>(this.W);
    this.todo = new StaticArray<u64>((this.t.maxRules + 63) >> 6);
    for (let k = 0; k < S_KV_COUNT; k++) { this.itT.push(new StaticArray<u32>(16)); this.itH.push(new StaticArray<u64>(16 * this.W)); }
    for (let k = 0; k < S_FIXED; k++) this.snap.push(new ByteBuf(64));
    this.snapOk = new StaticArray<bool>(S_FIXED);
  }

  @inline private get(s: i32, f: i32): u32 { return load<u32>(changetype<usize>(this.st) + (<usize>(s * ST_SIZE + f) << 2)); }
  @inline private set(s: i32, f: i32, v: u32): void { store<u32>(changetype<usize>(this.st) + (<usize>(s * ST_SIZE + f) << 2), v); }
  /** slot s's hits row */
  @inline private hitsRow(s: i32): usize { return changetype<usize>(this.rows) + (<usize>(s * 2 * this.W) << 3); }
  /** slot s's contrib row */
  @inline private contribRow(s: i32): usize { return changetype<usize>(this.rows) + (<usize>((s * 2 + 1) * this.W) << 3); }

  /** Before each phase: request data may have grown (body arguments, response headers). */
  newPhase(): void {
    this.phaseGen++;
    if (this.phaseGen == 0) {
      for (let s = 0; s < this.nslots; s++) this.set(s, ST_CHECKED, 0);
      this.phaseGen = 1;
    }
  }

  newRequest(): void {
    this.newPhase();
    this.cur++;
    if (this.cur == 0) {
      // every slot stale and empty, its rows zero (as after construction)
      memory.fill(changetype<usize>(this.st), 0, <usize>(this.nslots * ST_SIZE) << 2);
      memory.fill(changetype<usize>(this.rows), 0, <usize>(this.nslots * 2 * this.W) << 3);
      for (let k = 0; k < S_FIXED; k++) unchecked(this.snapOk[k] = false);
      this.cur = 1;
    }
    this.nzCount = 0;
    this.scanned = 0;
    this.memoHits = 0;
    this.reused = 0;
  }

  @inline private check(s: i32): void {
    // a keyed slot is brought up to date with its collection
    const b = s >= S_KEYED ? unchecked(this.t.keyedBase[s - S_KEYED]) : s;
    if (this.get(b, ST_CHECKED) != this.phaseGen) { this.ensure(b); this.set(b, ST_CHECKED, this.phaseGen); }
  }

  /**
   * Before a phase: brings every slot the phase's rules read up to date and computes, for all of
   * them at once, which rules may match: a rule is a candidate when one of its slots holds one of
   * its literals (hits) or a trigger its transformations react to (trigRules), or, for a rule
   * without literals, when one of its slots is present. Returns the chain starters skipped.
   */
  prepare(phase: i32): i32 {
    this.newPhase();
    const t = this.t;
    const W = this.W;
    const c = this.cand;
    for (let w = 0; w < W; w++) unchecked(c[w] = 0);
    const bases = unchecked(t.phaseBases[phase]);
    const pg = this.phaseGen;
    for (let k = 0; k < bases.length; k++) {
      const b = unchecked(bases[k]);
      if (this.get(b, ST_CHECKED) != pg) { this.ensure(b); this.set(b, ST_CHECKED, pg); }
    }
    // only the slots with a nonzero row this request, among those the phase reads
    const mask = <u32>(1 << phase);
    const pm = changetype<usize>(t.phaseMask);
    for (let k = 0; k < this.nzCount; k++) {
      const s = unchecked(this.nz[k]);
      if ((<u32>load<u8>(pm + <usize>s) & mask) == 0) continue;
      const row = this.contribRow(s);
      for (let w = 0; w < W; w++) unchecked(c[w] |= load<u64>(row + (<usize>w << 3)));
    }
    // the positions to visit: the rules always evaluated and the candidate chain starters
    const always = unchecked(t.phaseAlways[phase]);
    const todo = this.todo;
    const nw = always.length;
    this.todoWords = nw;
    memory.copy(changetype<usize>(todo), changetype<usize>(always), <usize>nw << 3);
    const start = unchecked(t.phaseStart[phase]);
    let skipped = 0;
    for (let w = 0; w < W; w++) {
      skipped += <i32>popcnt(unchecked(start[w]) & ~unchecked(c[w]));
      let bits = unchecked(c[w]) & unchecked(start[w]);
      while (bits != 0) {
        const idx = unchecked(t.bitIndex[(w << 6) + <i32>ctz(bits)]);
        bits &= bits - 1;
        unchecked(todo[idx >> 6] |= (<u64>1) << (<u64>(idx & 63)));
      }
    }
    return skipped;
  }

  /** After prepare(phase): the first position ≥ i of the phase's rule list to visit, or the
   *  list's end (i32.MAX_VALUE). */
  @inline next(i: i32): i32 { return nextBit(this.todo, this.todoWords, i); }

  /** After prepare(phase): may the phase's rule with prefilter bit `bit` match? */
  @inline isCandidate(bit: i32): bool {
    return (unchecked(this.cand[bit >> 6]) & ((<u64>1) << (<u64>(bit & 63)))) != 0;
  }

  /** May rule `r` (pfItems) match item i of collection slot s (itemSlotOf)? */
  itemCandidate(s: i32, i: i32, r: Rule): bool {
    this.check(s);
    if (i >= <i32>this.get(s, ST_N)) return true;   // not scanned (cannot happen; be safe)
    if ((unchecked(unchecked(this.itT[s])[i]) & r.pfTrig) != 0) return true;
    const bit = r.pfBit;
    return (unchecked(unchecked(this.itH[s])[i * this.W + (bit >> 6)]) & ((<u64>1) << (<u64>(bit & 63)))) != 0;
  }

  /** Brings collection or scalar slot s (and a collection's keyed slots) up to date. */
  private ensure(s: i32): void {
    const tx = this.tx;
    const fresh = this.get(s, ST_GEN) == this.cur;
    const W = this.W;
    if (s < S_KV_COUNT) {
      const kv = kvOf(tx, s);
      if (kv.count == 0 && this.get(s, ST_PRESENT) == 0) {
        // empty and already clear (a slot without items holds no hits, triggers or row, nor do
        // its keyed slots: only its items make them present)
        this.set(s, ST_N, 0); this.set(s, ST_P, <u32>changetype<usize>(kv.kp));
        this.set(s, ST_GEN, this.cur);
        return;
      }
      let from = 0;
      if (fresh) {
        const sn = <i32>this.get(s, ST_N), sp = this.get(s, ST_P);
        if (sn == kv.count && sp == <u32>changetype<usize>(kv.kp)) return;
        if (kv.count > sn && sp == <u32>changetype<usize>(kv.kp)) from = sn;
      }
      const names = namesSlot(s);
      const keyed = unchecked(this.t.keyedOf[s]);
      if (from == 0 && unchecked(this.snapOk[s]) && sameItems(unchecked(this.snap[s]), kv, names)) {
        // the items it was last built from (in an earlier request): that build's state holds
        this.reused++;
        this.set(s, ST_N, kv.count); this.set(s, ST_P, <u32>changetype<usize>(kv.kp));
        this.set(s, ST_GEN, this.cur);
        this.relist(s);
        // (a keyed slot that is not present has a zero row: cleared when it stopped being present)
        for (let k = 0; k < keyed.length; k++) {
          const ks = unchecked(keyed[k]);
          if (this.get(ks, ST_PRESENT) != 0) this.relist(ks);
        }
        return;
      }
      const tab = unchecked(this.t.keyTab[s]);
      const mask = tab.length - 1;
      if (from == 0) {
        this.clear(s);
        // a keyed slot holds something only while present (else its hits, triggers and row are 0)
        for (let k = 0; k < keyed.length; k++) {
          const ks = unchecked(keyed[k]);
          if (this.get(ks, ST_PRESENT) != 0) { this.clear(ks); this.contribute(ks); }
        }
      }
      const found = this.found;
      found.length = 0;
      this.foundGen++;
      if (this.foundGen == 0) {
        for (let k = S_KEYED; k < this.nslots; k++) this.set(k, ST_FOUND, 0);
        this.foundGen = 1;
      }
      const fg = this.foundGen;
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
      const sHits = this.hitsRow(s);
      let sTrig = this.get(s, ST_TRIG);
      for (let i = from; i < n; i++) {
        const row = changetype<usize>(ih) + (<usize>(i * W) << 3);
        for (let w = 0; w < W; w++) store<u64>(row + (<usize>w << 3), 0);
        const kp = unchecked(kv.kp[i]), kl = unchecked(kv.kl[i]);
        const t = names ? this.scan(s, row, kp, kl) : this.scan(s, row, unchecked(kv.vp[i]), unchecked(kv.vl[i]));
        unchecked(it[i] = t);
        sTrig |= t;
        orRow(sHits, row, W);
        if (mask > 0) {
          // the item's keyed slot (REQUEST_HEADERS:Referer …), found by its key's hash
          let h = <i32>(keyHash(kp, kl) & <u32>mask);
          let ks = unchecked(tab[h]);
          while (ks >= 0 && !keyEquals(kp, kl, unchecked(this.t.keyedKey[ks - S_KEYED]))) { h = (h + 1) & mask; ks = unchecked(tab[h]); }
          if (ks >= 0) {
            this.set(ks, ST_TRIG, this.get(ks, ST_TRIG) | t);
            if (this.get(ks, ST_FOUND) != fg) { this.set(ks, ST_FOUND, fg); found.push(ks); }
            this.set(ks, ST_PRESENT, 1);
            orRow(this.hitsRow(ks), row, W);
          }
        }
      }
      this.set(s, ST_TRIG, sTrig);
      this.set(s, ST_PRESENT, n > 0 ? 1 : 0);
      // kv.kp is replaced when the list grows: the pointer tells a grown list from a refilled one
      this.set(s, ST_N, n); this.set(s, ST_P, <u32>changetype<usize>(kv.kp));
      this.contribute(s);
      for (let k = 0; k < found.length; k++) this.contribute(unchecked(found[k]));
      snapItems(unchecked(this.snap[s]), kv, names);
      unchecked(this.snapOk[s] = true);
    } else if (s == S_BODY_ERROR) {
      // present when the body processor's error flag is set; no value to scan
      const e = <u32>tx.reqbodyError;
      if (fresh && this.get(s, ST_N) == e) return;
      this.clear(s);
      this.set(s, ST_PRESENT, e != 0 ? 1 : 0);
      this.set(s, ST_N, e);
      this.contribute(s);
    } else {
      const p = tx.scalar(unchecked(SCALARS[s - S_KV_COUNT]));
      const n = tx.valLen;
      if (fresh && this.get(s, ST_P) == <u32>p && <i32>this.get(s, ST_N) == n) return;
      // absent or empty as when last built (in any request): the same triggers, hits and row
      if (n <= 0 && <i32>this.get(s, ST_N) == n && this.get(s, ST_GEN) != 0) {
        this.set(s, ST_GEN, this.cur);
        if (n == 0) this.listed(s);   // present: its presence rules (the row) count again
        return;
      }
      const sb = unchecked(this.snap[s]);
      if (n > 0 && unchecked(this.snapOk[s]) && sb.len == n && sameBytes(sb.ptr, p, n)) {
        // the bytes it was last built from: that build's state holds
        this.reused++;
        this.set(s, ST_P, <u32>p);
        this.set(s, ST_GEN, this.cur);
        this.relist(s);
        return;
      }
      this.clear(s);
      if (n > 0) this.set(s, ST_TRIG, this.scan(s, this.hitsRow(s), p, n));
      this.set(s, ST_PRESENT, n >= 0 ? 1 : 0);
      this.set(s, ST_P, <u32>p); this.set(s, ST_N, <u32>n);
      this.contribute(s);
      // remembered up to a size (a request body is not kept a second time)
      const keep = n > 0 && n <= SNAP_MAX_SCALAR;
      unchecked(this.snapOk[s] = keep);
      if (keep) { sb.reset(); sb.append(p, n); }
    }
    this.set(s, ST_GEN, this.cur);
  }

  private clear(s: i32): void {
    this.set(s, ST_TRIG, 0);
    this.set(s, ST_PRESENT, 0);
    const h = this.hitsRow(s);
    for (let w = 0; w < this.W; w++) store<u64>(h + (<usize>w << 3), 0);
  }

  /** Puts slot s on this request's list of slots whose row prepare() reads. */
  @inline private listed(s: i32): void {
    if (this.get(s, ST_NZ) != this.cur) { this.set(s, ST_NZ, this.cur); unchecked(this.nz[this.nzCount++] = s); }
  }

  /** Lists slot s again (for this request) when its contrib row, left by its last build, is not zero. */
  private relist(s: i32): void {
    const out = this.contribRow(s);
    let any: u64 = 0;
    for (let w = 0; w < this.W; w++) any |= load<u64>(out + (<usize>w << 3));
    if (any != 0) this.listed(s);
  }

  /** contrib of slot s from its hits, triggers and presence. */
  private contribute(s: i32): void {
    const t = this.t;
    const W = this.W;
    const trig = this.get(s, ST_TRIG);
    const present = this.get(s, ST_PRESENT) != 0;
    const hits = this.hitsRow(s), out = this.contribRow(s);
    const rules = changetype<usize>(t.slotRules) + (<usize>(s * 2 * W) << 3);
    let any: u64 = 0;
    for (let w = 0; w < W; w++) {
      let x = load<u64>(hits + (<usize>w << 3));
      let bits = trig;
      while (bits != 0) {
        const b = <i32>ctz(bits);
        bits &= bits - 1;
        if (b < TRIG_BITS) x |= unchecked(t.trigRules[b * W + w]);
      }
      x &= load<u64>(rules + (<usize>w << 3));
      if (present) x |= load<u64>(rules + (<usize>(W + w) << 3));
      store<u64>(out + (<usize>w << 3), x);
      any |= x;
    }
    if (any != 0) this.listed(s);
  }

  /** One value of slot s: ORs the rules whose literals it holds into the row at `hits`; returns
   *  its trigger patterns. A short value seen before is taken from the memo (ScanMemo). */
  private scan(s: i32, hits: usize, p: usize, n: i32): u32 {
    this.scanned++;
    const b64 = unchecked(this.t.b64Slots[s]);
    if (n > MEMO_MAX_LEN) return finishTriggers(this.scanBytes(hits, p, n), p, n, b64);
    const m = this.t.memo;
    const W = this.W;
    const h = valueHash(p, n);
    const e = <i32>(h & <u64>(MEMO_ENTRIES - 1));
    const mh = changetype<usize>(m.hits) + (<usize>(e * W) << 3);
    const mb = changetype<usize>(m.bytes) + <usize>(e * MEMO_MAX_LEN);
    let t: u32;
    if (unchecked(m.len[e]) == n && unchecked(m.hash[e]) == h && sameBytes(mb, p, n)) {
      this.memoHits++;
      t = unchecked(m.trig[e]);
    } else {
      for (let w = 0; w < W; w++) store<u64>(mh + (<usize>w << 3), 0);
      t = this.scanBytes(mh, p, n);
      memory.copy(mb, p, <usize>n);
      unchecked(m.hash[e] = h); unchecked(m.len[e] = n); unchecked(m.trig[e] = t);
    }
    orRow(hits, mh, W);
    return finishTriggers(t, p, n, b64);
  }

  /** The automaton's pass over [p, p+n): ORs the rules whose literals it holds into `hits`;
   *  returns its trigger patterns but T_B64 (finishTriggers, which depends on the slot). */
  private scanBytes(hits: usize, p: usize, n: i32): u32 {
    // the automaton steps over every byte; only trigger bytes and one-byte literal bytes (scanCls'
    // SCAN_SPECIAL bit; letters and digits mostly are not) add triggers and byte groups
    let t: u32 = 0;
    let groups: u64 = 0;
    const bg = changetype<usize>(this.t.byteGroups);
    const sc = changetype<usize>(this.t.scanCls);
    const W = this.W;
    const ac = this.t.ac;
    if (ac == null) {
      for (let i = 0; i < n; i++) {
        const b = <u32>load<u8>(p + i);
        if ((<u32>load<u16>(sc + (<usize>b << 1)) & SCAN_SPECIAL) != 0) {
          t |= byteTriggers(p, i, n, b);
          groups |= load<u64>(bg + (<usize>b << 3));
        }
      }
    } else {
      const ncls = ac.ncls;
      const tr = changetype<usize>(this.t.acStep);
      const out = changetype<usize>(this.t.outId);
      const sets = changetype<usize>(this.t.sets);
      let st = 0; let last = -1;
      for (let i = 0; i < n; i++) {
        const b = <u32>load<u8>(p + i);
        let c = <u32>load<u16>(sc + (<usize>b << 1));
        if ((c & SCAN_SPECIAL) != 0) {
          c &= ~SCAN_SPECIAL;
          t |= byteTriggers(p, i, n, b);
          groups |= load<u64>(bg + (<usize>b << 3));
        }
        st = load<i32>(tr + (<usize>(st + <i32>c) << 2));
        if (st < 0) {
          st = -st - 1;
          const o = load<i32>(out + (<usize>(st / ncls) << 2));
          if (o != last) {
            last = o;
            const sp = sets + (<usize>(o * W) << 3);
            for (let w = 0; w < W; w++) store<u64>(hits + (<usize>w << 3), load<u64>(hits + (<usize>w << 3)) | load<u64>(sp + (<usize>w << 3)));
          }
        }
      }
    }
    if (groups != 0) {
      const gr = changetype<usize>(this.t.groupRules);
      while (groups != 0) {
        const g = <usize>ctz(groups);
        groups &= groups - 1;
        const sp = gr + ((g * <usize>W) << 3);
        for (let w = 0; w < W; w++) store<u64>(hits + (<usize>w << 3), load<u64>(hits + (<usize>w << 3)) | load<u64>(sp + (<usize>w << 3)));
      }
    }
    return t;
  }
}
