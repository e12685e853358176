/**
 * The request model of one transaction: the ModSecurity variables as byte views.
 *
 * Values point into the buffers the filter received (header maps, the body) — the transaction keeps
 * those buffers alive in `keep` — or into the per-request `arena` for derived values (decoded
 * arguments, numbers as text, names built for MATCHED_VAR_NAME). One Transaction object is reused
 * for every request of a VM (`reset()`), so the steady state allocates little.
 *
 * Feeding order (what the filter does):
 *   tx.reset(settings, waf); tx.setRequestLine(method, uri, protocol); tx.addRequestHeader(k, v)…;
 *   [phase 1]; tx.setRequestBody(p, n) (parses urlencoded bodies into ARGS_POST); [phase 2];
 *   tx.setResponseStatus(s); tx.addResponseHeader(k, v)…; [phase 3]; tx.setResponseBody(p, n); [phase 4]
 */
import { Arena, KV, keyEquals } from "./arena";
import { V, VAR_NAMES, lowerAscii } from "./variables";
import { BodyProc, Engine, Rule } from "./rule";
import { ByteBuf } from "../bytes";
import { isHex, x2c } from "../transforms/lib/chars";
import { sameBytes } from "../../util/bytes";

/** length slot of a scalar whose value is fetched on first read (see Transaction.loader) */
export const LAZY: i32 = -2;
const TX_MAX = 512; // TX variables per transaction (beyond this: `overflowed`, an engine error — see WafEngine.checkComplete)

/** The TX collection: lower-case keys, byte values (each in its own reused buffer). */
/** Hash of a lower-case key (FNV-1a); the TX index (TxStore) is keyed by it. */
export function keyHash(p: usize, n: i32): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    let c = <u32>load<u8>(p + i);
    if (c - 0x41 < 26) c |= 0x20;
    h = (h ^ c) * 0x01000193;
  }
  return h;
}

const IDX_SIZE = 1024;  // open-addressing index over at most TX_MAX keys (load ≤ 1/2)
const IDX_MASK = IDX_SIZE - 1;

/** A request id produced on demand (the filter decodes x-request-id only when something reads it). */
export abstract class UniqueIdSource {
  abstract get(): string;
}

export class TxStore {
  keys: Array<ArrayBuffer> = [];
  keyStrings: Array<string> = [];
  vals: Array<ByteBuf> = [];
  count: i32 = 0;
  /** per key: keyHash; per index slot: (generation << 16) | (key index + 1), stale generation = empty */
  private hashes: StaticArray<u32> = new StaticArray<u32>(TX_MAX);
  private idx: StaticArray<u32> = new StaticArray<u32>(IDX_SIZE);
  private idxGen: u32 = 1;
  private initHashes: StaticArray<u32> = new StaticArray<u32>(0);

  /** a setvar found the store full (TX_MAX keys): scoring may be incomplete */
  overflowed: bool = false;
  /** the store may differ from the defaults last given to initFrom in more than the tracked
   *  ways below (a reset, a removal of a default): initFrom rebuilds it */
  dirty: bool = true;
  private initSrc: Array<ArrayBuffer> | null = null;
  /** since initFrom: the defaults (keys 0..initCount-1) whose values were written, as a bit set;
   *  keys initCount..count-1 were added */
  private initCount: i32 = 0;
  private written: StaticArray<u64> = new StaticArray<u64>(TX_MAX >> 6);
  private anyWritten: bool = false;
  reset(): void { this.count = 0; this.overflowed = false; this.dirty = true; this.clearIndex(); }

  private clearIndex(): void {
    this.idxGen++;
    if (this.idxGen == 0x10000) { memory.fill(changetype<usize>(this.idx), 0, IDX_SIZE << 2); this.idxGen = 1; }
  }

  /** Index slot holding key i (which must be indexed). */
  private posOf(i: i32): i32 {
    let h = <i32>(unchecked(this.hashes[i]) & IDX_MASK);
    const want = (this.idxGen << 16) | <u32>(i + 1);
    while (unchecked(this.idx[h]) != want) h = (h + 1) & IDX_MASK;
    return h;
  }

  private index(i: i32, hv: u32): void {
    unchecked(this.hashes[i] = hv);
    const g = this.idxGen;
    let h = <i32>(hv & IDX_MASK);
    while ((unchecked(this.idx[h]) >> 16) == g) h = (h + 1) & IDX_MASK;
    unchecked(this.idx[h] = (g << 16) | <u32>(i + 1));
  }

  /** Removes key i's index entry (backward-shift deletion keeps probe runs intact). */
  private unindex(i: i32): void {
    const g = this.idxGen;
    let hole = this.posOf(i);
    let j = (hole + 1) & IDX_MASK;
    while (true) {
      const e = unchecked(this.idx[j]);
      if ((e >> 16) != g) break;
      const home = <i32>(unchecked(this.hashes[<i32>(e & 0xffff) - 1]) & IDX_MASK);
      // move e into the hole unless its home lies cyclically in (hole, j]
      const inRange = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!inRange) { unchecked(this.idx[hole] = e); hole = j; }
      j = (j + 1) & IDX_MASK;
    }
    unchecked(this.idx[hole] = 0);
  }

  /**
   * Fills an empty store with distinct keys (as `slot` + `set` per key would, without the
   * searches): the per-request TX defaults. Keys beyond TX_MAX are ignored.
   */
  initFrom(keys: Array<ArrayBuffer>, names: Array<string>, vals: Array<ArrayBuffer>): void {
    if (!this.dirty && this.initSrc === keys) {
      // the last request only wrote values and added keys: undo just that
      for (let k = this.count - 1; k >= this.initCount; k--) this.unindex(k);
      this.count = this.initCount;
      this.overflowed = false;
      if (this.anyWritten) {
        for (let w = 0; w < (TX_MAX >> 6); w++) {
          let bits = unchecked(this.written[w]);
          while (bits != 0) {
            const k = (w << 6) + <i32>ctz(bits);
            bits &= bits - 1;
            const v = vals[k];
            this.vals[k].set(changetype<usize>(v), v.byteLength);
          }
          unchecked(this.written[w] = 0);
        }
        this.anyWritten = false;
      }
      return;
    }
    if (this.initSrc !== keys) {
      const hs = new StaticArray<u32>(keys.length);
      for (let k = 0; k < keys.length; k++) hs[k] = keyHash(changetype<usize>(keys[k]), keys[k].byteLength);
      this.initHashes = hs;
    }
    this.dirty = false; this.initSrc = keys;
    this.count = 0; this.overflowed = false;
    this.clearIndex();
    const n = min(keys.length, TX_MAX);
    for (let k = 0; k < n; k++) {
      if (k < this.keys.length) { this.keys[k] = keys[k]; this.keyStrings[k] = names[k]; }
      else { this.keys.push(keys[k]); this.keyStrings.push(names[k]); this.vals.push(new ByteBuf(16)); }
      const v = vals[k];
      this.vals[k].set(changetype<usize>(v), v.byteLength);
      this.index(k, unchecked(this.initHashes[k]));
    }
    this.count = n;
    this.initCount = n;
    memory.fill(changetype<usize>(this.written), 0, TX_MAX >> 3);
    this.anyWritten = false;
  }

  /** Index of `lkey` (lower case), or -1. `h`: its keyHash when the caller has it (0: computed). */
  find(lkey: ArrayBuffer, h: u32 = 0): i32 {
    const n = lkey.byteLength;
    const hv = h != 0 ? h : keyHash(changetype<usize>(lkey), n);
    const g = this.idxGen;
    let x = <i32>(hv & IDX_MASK);
    while (true) {
      const e = unchecked(this.idx[x]);
      if ((e >> 16) != g) return -1;
      const i = <i32>(e & 0xffff) - 1;
      if (unchecked(this.hashes[i]) == hv) {
        // both lower case (every key enters through slot or initFrom as an lkey)
        const k = unchecked(this.keys[i]);
        if (k.byteLength == n && sameBytes(changetype<usize>(k), changetype<usize>(lkey), n)) return i;
      }
      x = (x + 1) & IDX_MASK;
    }
    return -1;
  }
  findStr(s: string): i32 { return this.find(lowerAscii(s)); }

  /** The slot for `lkey` (created empty when missing), or -1 when the store is full. */
  slot(lkey: ArrayBuffer, name: string, h: u32 = 0): i32 {
    const hv = h != 0 ? h : keyHash(changetype<usize>(lkey), lkey.byteLength);
    const i = this.find(lkey, hv);
    if (i >= 0) {
      if (i < this.initCount) { unchecked(this.written[i >> 6] |= (<u64>1) << (<u64>(i & 63))); this.anyWritten = true; }
      return i;
    }
    if (this.count >= TX_MAX) { this.overflowed = true; return -1; }
    const k = this.count++;
    if (k < this.keys.length) { this.keys[k] = lkey; this.keyStrings[k] = name; }
    else { this.keys.push(lkey); this.keyStrings.push(name); this.vals.push(new ByteBuf(16)); }
    this.vals[k].reset();
    this.index(k, hv);
    return k;
  }

  setBytes(lkey: ArrayBuffer, name: string, p: usize, n: i32, h: u32 = 0): void {
    const i = this.slot(lkey, name, h);
    if (i >= 0) this.vals[i].set(p, n);
  }
  setString(name: string, v: string): void {
    const b = String.UTF8.encode(v);
    this.setBytes(lowerAscii(name), name.toLowerCase(), changetype<usize>(b), b.byteLength);
  }
  remove(lkey: ArrayBuffer): void {
    const i = this.find(lkey);
    if (i < 0) return;
    // a default removed (or moved by the swap below): initFrom rebuilds the store
    if (i < this.initCount) this.dirty = true;
    // swap with the last (order of TX is not significant)
    const last = this.count - 1;
    this.unindex(i);
    if (i != last) {
      const pl = this.posOf(last);
      unchecked(this.idx[pl] = (this.idxGen << 16) | <u32>(i + 1));
      unchecked(this.hashes[i] = unchecked(this.hashes[last]));
    }
    const k = this.keys[i], ks = this.keyStrings[i], v = this.vals[i];
    this.keys[i] = this.keys[last]; this.keyStrings[i] = this.keyStrings[last]; this.vals[i] = this.vals[last];
    this.keys[last] = k; this.keyStrings[last] = ks; this.vals[last] = v;
    this.count--;
  }
  /** Integer value of a key (atoi semantics; 0 when absent). */
  int(lkey: ArrayBuffer, h: u32 = 0): i64 {
    const i = this.find(lkey, h);
    if (i < 0) return 0;
    const b = this.vals[i];
    let k = 0, neg = false;
    let v: i64 = 0;
    while (k < b.len && (b.at(k) == 0x20 || b.at(k) == 0x09)) k++;
    if (k < b.len && (b.at(k) == 0x2d || b.at(k) == 0x2b)) { neg = b.at(k) == 0x2d; k++; }
    while (k < b.len && b.at(k) - 0x30 < 10) { if (v < 1000000000000000000) v = v * 10 + <i64>(b.at(k) - 0x30); k++; }
    return neg ? -v : v;
  }
  getString(name: string): string {
    const i = this.findStr(name);
    return i < 0 ? "" : this.vals[i].toString();
  }
}

/** One match recorded while evaluating a rule (for MATCHED_VARS, logs and decisions). */
export class Match {
  ruleId: i32 = 0;
  /** "ARGS:id" in the arena (decoded only for decisions) */
  namePtr: usize = 0;
  nameLen: i32 = 0;
  valuePtr: usize = 0;
  valueLen: i32 = 0;
  /** the whole matched value (MATCHED_VAR), in the arena; valuePtr may be a fragment of it */
  varPtr: usize = 0;
  varLen: i32 = 0;
  get name(): string { return String.UTF8.decodeUnsafe(this.namePtr, this.nameLen); }
}

export class Transaction {
  arena: Arena = new Arena();
  keep: Array<ArrayBuffer> = [];
  argsGet: KV = new KV();
  argsPost: KV = new KV();
  headers: KV = new KV();
  cookies: KV = new KV();
  respHeaders: KV = new KV();
  files: KV = new KV();       // name -> file name   (filled by the multipart processor)
  filesSizes: KV = new KV();  // name -> size text
  multipartPartHeaders: KV = new KV();
  xml: KV = new KV();         // "/*" values (filled by the XML processor)
  matchedVars: KV = new KV(); // name (arena) -> value
  tx: TxStore = new TxStore();
  /** scalar variables: pointer and length per V (length -1 = not set) */
  sp: StaticArray<usize> = new StaticArray<usize>(V.COUNT);
  sl: StaticArray<i32> = new StaticArray<i32>(V.COUNT);

  /** engine state changed by ctl */
  engine: Engine = Engine.On;
  bodyProcessor: BodyProc = BodyProc.None;
  bodyAccess: bool = true;
  removedIds: Array<i32> = [];     // pairs lo, hi
  removedTags: Array<string> = [];
  removedTargetIds: Array<i32> = [];
  removedTargets: Array<Object> = []; // VarSel, parallel to removedTargetIds
  /** flow */
  allowed: bool = false;
  interrupted: bool = false;
  status: i32 = 0;
  interruptRule: i32 = 0;
  /** matches of the rules that fired (for the decision) */
  matches: Array<Match> = [];
  /** Match objects reused across requests (matches[i] is matchPool[i]) */
  matchPool: Array<Match> = [];
  firedRules: Array<i32> = [];
  /** the rule being evaluated (RULE.* macros), kept as an unmanaged pointer: rules live as long as
   *  the configuration, and a managed field would cost a GC write barrier per rule evaluation */
  private currentRulePtr: usize = 0;
  @inline get currentRule(): Rule | null { return changetype<Rule | null>(this.currentRulePtr); }
  @inline set currentRule(r: Rule | null) { this.currentRulePtr = changetype<usize>(r); }
  startNanos: u64 = 0;
  nowNanos: u64 = 0;
  uniqueId: string = "";
  /** where UNIQUE_ID comes from when set (the filter's request id, decoded on first use), else uniqueId */
  uniqueIdSrc: UniqueIdSource | null = null;
  reqbodyError: i32 = 0;
  reqbodyErrorMsg: string = "";
  bodyTruncated: bool = false;
  /**
   * Values that cost a host call (REQUEST_PROTOCOL / REQUEST_LINE: the `request.protocol`
   * property; REMOTE_ADDR / REMOTE_PORT: `source.address`) are fetched only when a rule or a
   * macro reads them: their length slot holds LAZY until `loader(tx, v)` fills them.
   */
  loader: ((tx: Transaction, v: i32) => void) | null = null;
  private lineM: usize = 0; private lineMn: i32 = 0; private lineU: usize = 0; private lineUn: i32 = 0;

  constructor() { this.clearScalars(); }

  private clearScalars(): void {
    memory.fill(changetype<usize>(this.sp), 0, <usize>V.COUNT * sizeof<usize>());
    memory.fill(changetype<usize>(this.sl), 0xff, <usize>V.COUNT * 4);   // every length -1
  }

  /** At the end of a stream, before the engine goes back to its pool: drops what would keep the
   *  stream's buffers and strings alive (the next begin() resets the rest). */
  releaseRefs(): void {
    this.keep.length = 0;
    this.uniqueId = ""; this.uniqueIdSrc = null; this.reqbodyErrorMsg = "";
    this.currentRule = null; this.loader = null;
  }

  /** keepTx: leave the TX store for WafEngine.begin's initFrom (which skips an unchanged store) */
  reset(keepTx: bool = false): void {
    this.arena.reset();
    this.keep.length = 0;
    this.argsGet.reset(); this.argsPost.reset(); this.headers.reset(); this.cookies.reset();
    this.respHeaders.reset(); this.files.reset(); this.filesSizes.reset(); this.multipartPartHeaders.reset();
    this.xml.reset(); this.matchedVars.reset();
    if (!keepTx) this.tx.reset();
    this.clearScalars();
    this.engine = Engine.On; this.bodyProcessor = BodyProc.None; this.bodyAccess = true;
    this.removedIds.length = 0; this.removedTags.length = 0; this.removedTargetIds.length = 0; this.removedTargets.length = 0;
    this.allowed = false; this.interrupted = false; this.status = 0; this.interruptRule = 0;
    this.matches.length = 0; this.firedRules.length = 0; this.currentRule = null;
    this.loader = null;
    this.uniqueId = ""; this.uniqueIdSrc = null; this.reqbodyError = 0; this.reqbodyErrorMsg = ""; this.bodyTruncated = false;
  }

  // ---- feeding -------------------------------------------------------------------------------

  setScalar(v: i32, p: usize, n: i32): void { unchecked(this.sp[v] = p); unchecked(this.sl[v] = n); }
  setScalarString(v: i32, s: string): void { const p = this.arena.str(s); this.setScalar(v, p, this.arena.lastLen); }
  setScalarInt(v: i32, x: i64): void { const p = this.arena.decimal(x); this.setScalar(v, p, this.arena.lastLen); }
  scalarString(v: i32): string { const n = this.sl[v]; return n < 0 ? "" : String.UTF8.decodeUnsafe(this.sp[v], n); }

  /** Method, request-target (as received: path and query, percent-encoding untouched), protocol. */
  setRequestLine(mp: usize, mn: i32, up: usize, un: i32, protocol: string | null): void {
    this.setScalar(V.REQUEST_METHOD, mp, mn);
    this.setScalar(V.REQUEST_URI, up, un);
    this.setScalar(V.REQUEST_URI_RAW, up, un);
    let q = -1;
    for (let i = 0; i < un; i++) if (load<u8>(up + i) == 0x3f) { q = i; break; }
    const fn = q < 0 ? un : q;
    // the fragment is never part of what a server sees; strip it defensively
    let qn = q < 0 ? 0 : un - q - 1;
    for (let i = 0; i < qn; i++) if (load<u8>(up + q + 1 + i) == 0x23) { qn = i; break; }
    // REQUEST_FILENAME / REQUEST_BASENAME: the path, %XX-decoded, as ModSecurity v3 sets them
    // (transaction.cc processURI: the whole request-target is uri_decode'd, then cut at the first
    // '?' of the decoded text, so an encoded %3F also ends it); the basename follows the last / or \
    const dp = this.arena.alloc(un);
    let dn = 0;
    for (let i = 0; i < un; i++) {
      const c = <u32>load<u8>(up + i);
      if (c == 0x25 && i + 2 < un && isHex(load<u8>(up + i + 1)) && isHex(load<u8>(up + i + 2))) {
        store<u8>(dp + dn++, <u8>x2c(up + i + 1)); i += 2; continue;
      }
      store<u8>(dp + dn++, <u8>c);
    }
    let fnd = dn;
    for (let i = 0; i < dn; i++) if (load<u8>(dp + i) == 0x3f) { fnd = i; break; }
    this.setScalar(V.REQUEST_FILENAME, dp, fnd);
    let b = fnd;
    while (b > 0 && load<u8>(dp + b - 1) != 0x2f && load<u8>(dp + b - 1) != 0x5c) b--;
    this.setScalar(V.REQUEST_BASENAME, dp + b, fnd - b);
    this.setScalar(V.QUERY_STRING, q < 0 ? up + un : up + q + 1, qn);
    this.lineM = mp; this.lineMn = mn; this.lineU = up; this.lineUn = un;
    if (protocol != null) this.setProtocol(protocol!);
    else { this.setScalar(V.REQUEST_PROTOCOL, 0, LAZY); this.setScalar(V.REQUEST_LINE, 0, LAZY); }
    if (q >= 0) parseArgs(this.arena, up + q + 1, qn, this.argsGet);
  }

  /** REQUEST_PROTOCOL and REQUEST_LINE (METHOD SP URI SP PROTOCOL), after setRequestLine. */
  setProtocol(protocol: string): void {
    const pb = String.UTF8.encode(protocol);
    const pp = this.arena.copy(changetype<usize>(pb), pb.byteLength);
    this.setScalar(V.REQUEST_PROTOCOL, pp, pb.byteLength);
    const mp = this.lineM, mn = this.lineMn, up = this.lineU, un = this.lineUn;
    const ln = mn + 1 + un + 1 + pb.byteLength;
    const lp = this.arena.alloc(ln);
    memory.copy(lp, mp, mn); store<u8>(lp + mn, 0x20);
    memory.copy(lp + mn + 1, up, un); store<u8>(lp + mn + 1 + un, 0x20);
    memory.copy(lp + mn + 2 + un, pp, pb.byteLength);
    this.setScalar(V.REQUEST_LINE, lp, ln);
  }

  /** Marks a scalar as fetched on first read through `loader`. */
  setLazy(v: i32): void { this.setScalar(v, 0, LAZY); }

  /** One request header (name as received; Envoy gives lower case). Cookies are parsed here. */
  addRequestHeader(kp: usize, kl: i32, vp: usize, vl: i32): void {
    this.headers.add(kp, kl, vp, vl);
    if (kl == 6 && keyEquals(kp, kl, COOKIE)) parseCookies(vp, vl, this.cookies);
    if (kl == 12 && keyEquals(kp, kl, CONTENT_TYPE)) {
      this.setScalar(V.REQUEST_CONTENT_TYPE, vp, vl);
      if (this.bodyProcessor == BodyProc.None) this.bodyProcessor = bodyProcessorFor(vp, vl);
    }
    if (kl == 4 && keyEquals(kp, kl, HOST)) {
      // SERVER_NAME: the host without a port
      let n = vl;
      if (!(vl > 0 && load<u8>(vp) == 0x5b)) { for (let i = 0; i < vl; i++) if (load<u8>(vp + i) == 0x3a) { n = i; break; } }
      else { for (let i = 0; i < vl; i++) if (load<u8>(vp + i) == 0x5d) { n = i + 1; break; } }
      this.setScalar(V.SERVER_NAME, vp, n);
    }
  }

  addResponseHeader(kp: usize, kl: i32, vp: usize, vl: i32): void {
    this.respHeaders.add(kp, kl, vp, vl);
    if (kl == 12 && keyEquals(kp, kl, CONTENT_TYPE)) this.setScalar(V.RESPONSE_CONTENT_TYPE, vp, vl);
    if (kl == 14 && keyEquals(kp, kl, CONTENT_LENGTH)) this.setScalar(V.RESPONSE_CONTENT_LENGTH, vp, vl);
  }

  /**
   * The (possibly truncated) request body as REQUEST_BODY / REQUEST_BODY_LENGTH; the body
   * processor is run by `processRequestBody` (body.ts), which WafEngine.requestBody calls.
   */
  setRequestBody(p: usize, n: i32): void {
    this.setScalar(V.REQUEST_BODY, p, n);
    this.setScalarInt(V.REQUEST_BODY_LENGTH, n);
  }

  setReqbodyError(msg: string): void {
    this.reqbodyError = 1;
    this.reqbodyErrorMsg = msg;
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The value of a scalar variable; sets `valLen` (-1 when absent) and returns the pointer. */
  valLen: i32 = -1;
  scalar(v: i32): usize {
    switch (v) {
      case V.ARGS_COMBINED_SIZE: {
        let s: i64 = 0;
        for (let i = 0; i < this.argsGet.count; i++) s += this.argsGet.kl[i] + this.argsGet.vl[i];
        for (let i = 0; i < this.argsPost.count; i++) s += this.argsPost.kl[i] + this.argsPost.vl[i];
        return this.num(s);
      }
      case V.FILES_COMBINED_SIZE: {
        let s: i64 = 0;
        for (let i = 0; i < this.filesSizes.count; i++) s += atoiBytes(this.filesSizes.vp[i], this.filesSizes.vl[i]);
        return this.num(s);
      }
      case V.REQBODY_ERROR: return this.num(this.reqbodyError);
      case V.REQBODY_PROCESSOR_ERROR: return this.num(this.reqbodyError);
      case V.REQBODY_ERROR_MSG: { const p = this.arena.str(this.reqbodyErrorMsg); this.valLen = this.arena.lastLen; return p; }
      case V.REQBODY_PROCESSOR: {
        if (this.bodyProcessor == BodyProc.None) { this.valLen = -1; return 0; }
        const p = this.arena.str(BODY_PROC[this.bodyProcessor]); this.valLen = this.arena.lastLen; return p;
      }
      case V.DURATION: {
        const us = this.nowNanos > this.startNanos ? (this.nowNanos - this.startNanos) / 1000 : 0;
        return this.num(<i64>us);
      }
      case V.UNIQUE_ID: {
        const src = this.uniqueIdSrc;
        const p = this.arena.str(src != null ? src.get() : this.uniqueId); this.valLen = this.arena.lastLen; return p;
      }
      case V.MULTIPART_STRICT_ERROR: case V.MULTIPART_UNMATCHED_BOUNDARY: {
        const n = unchecked(this.sl[v]);
        if (n < 0 && this.bodyProcessor == BodyProc.Multipart) return this.num(0);
        this.valLen = n; return unchecked(this.sp[v]);
      }
    }
    let n = unchecked(this.sl[v]);
    if (n == LAZY) {
      unchecked(this.sl[v] = -1);                 // absent unless the loader sets it
      const ld = this.loader;
      if (ld != null) ld(this, v);
      n = unchecked(this.sl[v]);
      if (n == LAZY) { unchecked(this.sl[v] = -1); n = -1; }
    }
    this.valLen = n;
    return unchecked(this.sp[v]);
  }
  private num(x: i64): usize { const p = this.arena.decimal(x); this.valLen = this.arena.lastLen; return p; }

  /** The KV list behind a collection variable (ARGS is two lists: see `argsPost`), or null. */
  kv(v: i32): KV | null {
    switch (v) {
      case V.ARGS: case V.ARGS_GET: case V.ARGS_NAMES: case V.ARGS_GET_NAMES: return this.argsGet;
      case V.ARGS_POST: case V.ARGS_POST_NAMES: return this.argsPost;
      case V.REQUEST_HEADERS: case V.REQUEST_HEADERS_NAMES: return this.headers;
      case V.REQUEST_COOKIES: case V.REQUEST_COOKIES_NAMES: return this.cookies;
      case V.RESPONSE_HEADERS: case V.RESPONSE_HEADERS_NAMES: return this.respHeaders;
      case V.FILES: case V.FILES_NAMES: return this.files;
      case V.FILES_SIZES: return this.filesSizes;
      case V.MULTIPART_PART_HEADERS: return this.multipartPartHeaders;
      case V.XML: return this.xml;
      case V.MATCHED_VARS: case V.MATCHED_VARS_NAMES: return this.matchedVars;
    }
    return null;
  }
}

const COOKIE = String.UTF8.encode("cookie");
const CONTENT_TYPE = String.UTF8.encode("content-type");
const CONTENT_LENGTH = String.UTF8.encode("content-length");
const HOST = String.UTF8.encode("host");
export const BODY_PROC: Array<string> = ["", "URLENCODED", "JSON", "MULTIPART", "XML"];

function atoiBytes(p: usize, n: i32): i64 {
  let v: i64 = 0;
  for (let i = 0; i < n; i++) { const d = <u32>load<u8>(p + i) - 0x30; if (d >= 10) break; v = v * 10 + <i64>d; }
  return v;
}

/** The body processor CRS/ModSecurity choose by Content-Type (ModSecurity's defaults plus JSON as CRS enables it). */
export function bodyProcessorFor(p: usize, n: i32): BodyProc {
  if (startsFold(p, n, "application/x-www-form-urlencoded")) return BodyProc.UrlEncoded;
  if (startsFold(p, n, "multipart/form-data")) return BodyProc.Multipart;
  if (startsFold(p, n, "application/json") || containsFoldStr(p, n, "+json")) return BodyProc.Json;
  if (startsFold(p, n, "text/xml") || startsFold(p, n, "application/xml") || containsFoldStr(p, n, "+xml")) return BodyProc.Xml;
  return BodyProc.None;
}

function startsFold(p: usize, n: i32, s: string): bool {
  if (n < s.length) return false;
  for (let i = 0; i < s.length; i++) {
    let c = <u32>load<u8>(p + i);
    if (c - 0x41 < 26) c |= 0x20;
    if (c != <u32>s.charCodeAt(i)) return false;
  }
  return true;
}
function containsFoldStr(p: usize, n: i32, s: string): bool {
  for (let i = 0; i + s.length <= n; i++) if (startsFold(p + i, n - i, s)) return true;
  return false;
}

@inline function hexv(c: u32): i32 {
  if (c - 0x30 < 10) return <i32>(c - 0x30);
  const l = c | 0x20;
  return l - 0x61 < 6 ? <i32>(l - 0x61 + 10) : -1;
}

/** URL-decodes [p, p+n) into d (`+` is a space, `%XX` a byte, a bad `%` stays); returns the length. */
export function formDecode(p: usize, n: i32, d: usize): i32 {
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(p + i);
    if (c == 0x2b) { store<u8>(d + o++, 0x20); continue; }
    if (c == 0x25 && i + 2 < n) {
      const h = hexv(load<u8>(p + i + 1)), l = hexv(load<u8>(p + i + 2));
      if (h >= 0 && l >= 0) { store<u8>(d + o++, <u8>((h << 4) | l)); i += 2; continue; }
    }
    store<u8>(d + o++, <u8>c);
  }
  return o;
}

/** `a=1&b=2` into (name, value) pairs, both URL-decoded into the arena (ModSecurity's argument parsing). */
export function parseArgs(arena: Arena, p: usize, n: i32, out: KV): void {
  if (n <= 0) return;
  const d = arena.alloc(n); // decoding never grows: one allocation, stable addresses
  let o = 0, i = 0;
  while (i <= n) {
    let j = i;
    while (j < n && load<u8>(p + j) != 0x26) j++;
    if (j > i) {
      let eq = i;
      while (eq < j && load<u8>(p + eq) != 0x3d) eq++;
      const kn = formDecode(p + i, eq - i, d + o);
      const kp = d + o; o += kn;
      let vn = 0;
      const vp = d + o;
      if (eq < j) { vn = formDecode(p + eq + 1, j - eq - 1, d + o); o += vn; }
      out.add(kp, kn, vp, vn);
    }
    i = j + 1;
  }
}

/** `a=1; b=2` (one Cookie header) into pairs; names and values are not decoded (as ModSecurity v3). */
export function parseCookies(p: usize, n: i32, out: KV): void {
  let i = 0;
  while (i < n) {
    while (i < n && (load<u8>(p + i) == 0x20 || load<u8>(p + i) == 0x09)) i++;
    let j = i;
    while (j < n && load<u8>(p + j) != 0x3b) j++;
    if (j > i) {
      let eq = i;
      while (eq < j && load<u8>(p + eq) != 0x3d) eq++;
      let kn = eq - i;
      while (kn > 0 && load<u8>(p + i + kn - 1) == 0x20) kn--;
      let vs = eq < j ? eq + 1 : j;
      let ve = j;
      while (vs < ve && load<u8>(p + vs) == 0x20) vs++;
      while (ve > vs && load<u8>(p + ve - 1) == 0x20) ve--;
      if (kn > 0) out.add(p + i, kn, p + vs, ve - vs);
    }
    i = j + 1;
  }
}

export { VAR_NAMES };
