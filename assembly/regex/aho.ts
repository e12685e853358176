// Aho-Corasick phrase matcher for @pm / @pmFromFile: ASCII case-insensitive, on bytes.
//
// PhraseMatcher.build(phrases): phrases are UTF-8 encoded and ASCII-lowercased; empty phrases are
// ignored; a duplicate keeps its first index. The automaton is a full DFA over byte classes
// (bytes that occur in some phrase, after lowercasing, plus one class for all others):
// transitions[state * ncls + cls[byte]], so the scan is one table load per byte.
//
//   find(p, n): bool    leftmost match (smallest start; at equal start the longest phrase);
//                       sets matchStart, matchEnd (exclusive), matchIndex (index into phrases)
//   test(p, n): bool    any match (stops at the first)
//   scanAll(p, n, cb)   every phrase occurrence (used by RegexSet): marks `seen[phraseIndex] = 1`
//
// Example: const m = PhraseMatcher.build(["passwd", "shadow"]); m.find(ptr, len) → matchIndex 0.

export class PhraseMatcher {
  phrases: Array<string>;
  ncls: i32 = 1;
  cls: StaticArray<u8> = new StaticArray<u8>(256);
  trans: StaticArray<i32> = new StaticArray<i32>(0);
  nstates: i32 = 1;
  /** per state: length of the longest phrase ending here (0 = none) and its index */
  outLen: StaticArray<i32> = new StaticArray<i32>(0);
  outIdx: StaticArray<i32> = new StaticArray<i32>(0);
  /** per state: the nearest proper suffix state that ends a phrase (0 = none) */
  dict: StaticArray<i32> = new StaticArray<i32>(0);
  /** per state: index of the phrase that ends exactly at this state (-1 = none) */
  term: StaticArray<i32> = new StaticArray<i32>(0);
  maxLen: i32 = 0;
  count: i32 = 0;
  matchStart: i32 = -1;
  matchEnd: i32 = -1;
  matchIndex: i32 = -1;

  constructor(phrases: Array<string>) { this.phrases = phrases; }

  static build(phrases: Array<string>): PhraseMatcher {
    const m = new PhraseMatcher(phrases);
    const enc = new Array<Uint8Array>(phrases.length);
    for (let i = 0; i < phrases.length; i++) enc[i] = Uint8Array.wrap(String.UTF8.encode(phrases[i]));
    m.init(enc);
    return m;
  }

  /** The same automaton over raw byte phrases (any bytes, not necessarily UTF-8); `phrases` stays empty. */
  static fromBytes(phrases: Array<Uint8Array>): PhraseMatcher {
    const m = new PhraseMatcher([]);
    const enc = new Array<Uint8Array>(phrases.length);
    for (let i = 0; i < phrases.length; i++) enc[i] = phrases[i].slice(0);
    m.init(enc);
    return m;
  }

  private init(enc: Array<Uint8Array>): void {
    let total = 1;
    const used = new StaticArray<u8>(256);
    for (let i = 0; i < enc.length; i++) {
      const b = enc[i];
      for (let k = 0; k < b.length; k++) {
        let c = b[k];
        if (c >= 0x41 && c <= 0x5a) c += 32;
        b[k] = c;
        used[c] = 1;
      }
      enc[i] = b;
      total += b.length;
      if (b.length > this.maxLen) this.maxLen = b.length;
    }
    // byte classes (class 0 = bytes in no phrase)
    let k = 1;
    const ofByte = new StaticArray<u8>(256);
    for (let b = 0; b < 256; b++) if (used[b]) { ofByte[b] = <u8>k; k++; }
    this.ncls = k;
    for (let b = 0; b < 256; b++) {
      let lb = b;
      if (lb >= 0x41 && lb <= 0x5a) lb += 32;
      this.cls[b] = ofByte[lb];
    }
    const ncls = this.ncls;
    // trie
    const trans = new StaticArray<i32>(total * ncls);
    const term = new StaticArray<i32>(total);
    for (let i = 0; i < total; i++) term[i] = -1;
    let nst = 1;
    for (let i = 0; i < enc.length; i++) {
      const b = enc[i];
      if (b.length == 0) continue;
      let s = 0;
      for (let j = 0; j < b.length; j++) {
        const c = <i32>ofByte[b[j]];
        let t = trans[s * ncls + c];
        if (t == 0) { t = nst++; trans[s * ncls + c] = t; }
        s = t;
      }
      if (term[s] < 0) { term[s] = i; this.count++; }
    }
    // BFS: failure links folded into a full DFA
    const fail = new StaticArray<i32>(nst);
    const outLen = new StaticArray<i32>(nst);
    const outIdx = new StaticArray<i32>(nst);
    const dict = new StaticArray<i32>(nst);
    const depth = new StaticArray<i32>(nst);
    const queue = new StaticArray<i32>(nst);
    let qh = 0, qt = 0;
    outIdx[0] = -1;
    for (let c = 0; c < ncls; c++) {
      const v = trans[c];
      if (v != 0) { fail[v] = 0; depth[v] = 1; queue[qt++] = v; }
    }
    while (qh < qt) {
      const u = queue[qh++];
      // outputs of u (its fail state is already final)
      const f = fail[u];
      dict[u] = term[f] >= 0 ? f : dict[f];
      if (term[u] >= 0) { outLen[u] = depth[u]; outIdx[u] = term[u]; }
      else { outLen[u] = outLen[f]; outIdx[u] = outIdx[f]; }
      for (let c = 0; c < ncls; c++) {
        const v = trans[u * ncls + c];
        if (v != 0) {
          fail[v] = trans[f * ncls + c];
          depth[v] = depth[u] + 1;
          queue[qt++] = v;
        } else {
          trans[u * ncls + c] = trans[f * ncls + c];
        }
      }
    }
    this.nstates = nst;
    // shrink the table to the states in use
    const t2 = new StaticArray<i32>(nst * ncls);
    memory.copy(changetype<usize>(t2), changetype<usize>(trans), <usize>(nst * ncls) << 2);
    this.trans = t2;
    this.outLen = outLen;
    this.outIdx = outIdx;
    this.dict = dict;
    const term2 = new StaticArray<i32>(nst);
    for (let i = 0; i < nst; i++) term2[i] = term[i];
    this.term = term2;
  }

  /** Leftmost (then longest) phrase occurrence in p[0..n). */
  find(p: usize, n: i32): bool {
    this.matchStart = -1; this.matchEnd = -1; this.matchIndex = -1;
    if (this.count == 0) return false;
    const ncls = this.ncls;
    const tr = changetype<usize>(this.trans);
    const cls = changetype<usize>(this.cls);
    const ol = changetype<usize>(this.outLen);
    let s = 0;
    let best = -1;
    for (let i = 0; i < n; i++) {
      s = load<i32>(tr + (<usize>(s * ncls + <i32>load<u8>(cls + <usize>load<u8>(p + <usize>i))) << 2));
      const L = load<i32>(ol + (<usize>s << 2));
      if (L > 0) {
        const st = i + 1 - L;
        if (best < 0 || st <= best) {
          best = st;
          this.matchStart = st; this.matchEnd = i + 1; this.matchIndex = unchecked(this.outIdx[s]);
        }
      }
      if (best >= 0 && i + 1 >= best + this.maxLen) break;
    }
    return best >= 0;
  }

  /** Is there any phrase in p[0..n)? */
  test(p: usize, n: i32): bool {
    if (this.count == 0) return false;
    const ncls = this.ncls;
    const tr = changetype<usize>(this.trans);
    const cls = changetype<usize>(this.cls);
    const ol = changetype<usize>(this.outLen);
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = load<i32>(tr + (<usize>(s * ncls + <i32>load<u8>(cls + <usize>load<u8>(p + <usize>i))) << 2));
      if (load<i32>(ol + (<usize>s << 2)) > 0) return true;
    }
    return false;
  }

  /** Marks seen[k] = 1 for every phrase k that occurs in p[0..n); returns how many distinct were seen. */
  scanAll(p: usize, n: i32, seen: StaticArray<u8>): i32 {
    let found = 0;
    if (this.count == 0) return 0;
    const ncls = this.ncls;
    const tr = changetype<usize>(this.trans);
    const cls = changetype<usize>(this.cls);
    const ol = changetype<usize>(this.outLen);
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = load<i32>(tr + (<usize>(s * ncls + <i32>load<u8>(cls + <usize>load<u8>(p + <usize>i))) << 2));
      if (load<i32>(ol + (<usize>s << 2)) > 0) {
        let t = unchecked(this.term[s]) >= 0 ? s : unchecked(this.dict[s]);
        while (t > 0) {
          const k = unchecked(this.term[t]);
          if (unchecked(seen[k]) == 0) { unchecked(seen[k] = 1); found++; }
          t = unchecked(this.dict[t]);
        }
      }
    }
    return found;
  }
}
