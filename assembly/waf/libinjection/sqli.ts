/**
 * SQL injection detection by tokenizing, folding and fingerprinting (libinjection's algorithm).
 *
 * What it does: the input bytes are split into SQL tokens (keywords, strings, numbers, operators,
 * comments, ...; each token has a one-char type such as `k`, `s`, `1`, `o`, `c`), consecutive
 * tokens are folded ("1+1" -> "1", "UNION ALL" -> one `U`), and the types of the first five
 * folded tokens form a fingerprint such as `1UE1c`. The input is SQLi when the fingerprint is
 * in libinjection's fingerprint list (data.ts) and a few false-positive heuristics agree. Each
 * input is tried as-is, and, when it contains a quote, as if it started inside a '...' or "..."
 * string, in ANSI and (when comments suggest it) MySQL comment modes.
 *
 * Argument: a byte range (`p: usize`, `n: i32`) in linear memory; it is never modified.
 * Result: `SqliState.isSqli()` -> bool; `state.fingerprint` (<= 5 chars) says what matched.
 * Example: "1' OR '1'='1" -> true, fingerprint "s&sos".
 *
 * Engineering: no allocation per input or byte (8 token slots with 32-byte value buffers are
 * allocated once), linear time (every scan moves forward; folding does constant work per token),
 * no recursion, all reads bounds-checked against `n`.
 *
 * Written for Bulwark from libinjection's documented behaviour; the keyword and fingerprint
 * data (data.ts) come from libinjection (BSD-3-Clause, (c) 2012-2016 Nick Galbreath).
 */
import { CHAR_CLASS, KW_COUNT, KW_BYTES, KW_OFFSETS, KW_TYPES, FP_ALPHABET as FP_ALPHA_CODES, FP_COUNT, FP_CODES } from "./data";

// ---- flags ----------------------------------------------------------------------------------
export const FLAG_QUOTE_NONE: i32 = 1;
export const FLAG_QUOTE_SINGLE: i32 = 2;
export const FLAG_QUOTE_DOUBLE: i32 = 4;
export const FLAG_SQL_ANSI: i32 = 8;
export const FLAG_SQL_MYSQL: i32 = 16;

// ---- token types (char codes, as printed in fingerprints) ----------------------------------
export const T_NONE: u8 = 0;
export const T_KEYWORD: u8 = 0x6b; // k
export const T_UNION: u8 = 0x55; // U
export const T_GROUP: u8 = 0x42; // B
export const T_EXPRESSION: u8 = 0x45; // E
export const T_SQLTYPE: u8 = 0x74; // t
export const T_FUNCTION: u8 = 0x66; // f
export const T_BAREWORD: u8 = 0x6e; // n
export const T_NUMBER: u8 = 0x31; // 1
export const T_VARIABLE: u8 = 0x76; // v
export const T_STRING: u8 = 0x73; // s
export const T_OPERATOR: u8 = 0x6f; // o
export const T_LOGIC_OPERATOR: u8 = 0x26; // &
export const T_COMMENT: u8 = 0x63; // c
export const T_COLLATE: u8 = 0x41; // A
export const T_LEFTPARENS: u8 = 0x28; // (
export const T_RIGHTPARENS: u8 = 0x29; // )
export const T_LEFTBRACE: u8 = 0x7b; // {
export const T_RIGHTBRACE: u8 = 0x7d; // }
export const T_DOT: u8 = 0x2e; // .
export const T_COMMA: u8 = 0x2c; // ,
export const T_COLON: u8 = 0x3a; // :
export const T_SEMICOLON: u8 = 0x3b; // ;
export const T_TSQL: u8 = 0x54; // T
export const T_UNKNOWN: u8 = 0x3f; // ?
export const T_EVIL: u8 = 0x58; // X
export const T_BACKSLASH: u8 = 0x5c; // \

const C_SINGLE: u8 = 0x27; // '
const C_DOUBLE: u8 = 0x22; // "
const C_TICK: u8 = 0x60; // `

/** Token values keep at most 31 bytes (plus a NUL), like libinjection's. */
const VAL_SIZE: i32 = 32;
const MAX_TOKENS: i32 = 5;

// ---- byte class ids (same order as CLASSES in scripts/gen-libinjection-data.mjs) -----------
const CC_WHITE = 0;
const CC_WORD = 1;
const CC_OP1 = 2;
const CC_UNARY = 3;
const CC_OP2 = 4;
const CC_BANG = 5;
const CC_BACK = 6;
const CC_DASH = 7;
const CC_STR = 8;
const CC_HASH = 9;
const CC_NUM = 10;
const CC_SLASH = 11;
const CC_SEMICOLON = 12;
const CC_COMMA = 13;
const CC_LEFTPARENS = 14;
const CC_RIGHTPARENS = 15;
const CC_LEFTBRACE = 16;
const CC_RIGHTBRACE = 17;
const CC_VAR = 18;
const CC_OTHER = 19;
const CC_MONEY = 20;
const CC_TICK = 21;
const CC_USTRING = 22;
const CC_QSTRING = 23;
const CC_NQSTRING = 24;
const CC_XSTRING = 25;
const CC_BSTRING = 26;
const CC_ESTRING = 27;
const CC_BWORD = 28;

/** Bytes examined by the forward/backward scans (for the linear-time property test). */
let scanWork: u64 = 0;
export function sqliScanWork(): u64 {
  return scanWork;
}
export function resetSqliScanWork(): void {
  scanWork = 0;
}

// ---- byte helpers ----------------------------------------------------------------------------

/** SQL whitespace: space, \t \n \v \f \r, NUL (Oracle) and 0xA0 (Latin-1 NBSP). */
// @ts-ignore: decorator
@inline function isWhite(c: u32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d) || c == 0 || c == 0xa0;
}

// @ts-ignore: decorator
@inline function isDigit(c: u32): bool {
  return c - 0x30 <= 9;
}

// @ts-ignore: decorator
@inline function isHex(c: u32): bool {
  return c - 0x30 <= 9 || (c | 0x20) - 0x61 <= 5;
}

// @ts-ignore: decorator
@inline function isAlpha(c: u32): bool {
  return (c | 0x20) - 0x61 <= 25;
}

// @ts-ignore: decorator
@inline function upper(c: u32): u32 {
  return c - 0x61 <= 25 ? c - 0x20 : c;
}

/** Bytes that end a bare word. */
function isWordEnd(c: u32): bool {
  switch (c) {
    case 0x20: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x3c: case 0x3e: case 0x3a:
    case 0x5c: case 0x3f: case 0x3d: case 0x40: case 0x21: case 0x23: case 0x7e: case 0x2b:
    case 0x2d: case 0x2a: case 0x2f: case 0x26: case 0x7c: case 0x5e: case 0x25: case 0x28:
    case 0x29: case 0x2c: case 0x27: case 0x3b: case 0x09: case 0x0a: case 0x0b: case 0x0c:
    case 0x0d: case 0x22: case 0xa0: case 0x00:
      return true;
  }
  return false;
}

/** Bytes that end a variable name (@foo). */
function isVarEnd(c: u32): bool {
  switch (c) {
    case 0x20: case 0x3c: case 0x3e: case 0x3a: case 0x5c: case 0x3f: case 0x3d: case 0x40:
    case 0x21: case 0x23: case 0x7e: case 0x2b: case 0x2d: case 0x2a: case 0x2f: case 0x26:
    case 0x7c: case 0x5e: case 0x25: case 0x28: case 0x29: case 0x2c: case 0x27: case 0x3b:
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x60: case 0x22: case 0x00:
      return true;
  }
  return false;
}

/** Index of the first `c` in [from, end), or -1. */
function findByte(s: usize, from: i32, end: i32, c: u32): i32 {
  let i = from;
  while (i < end && <u32>load<u8>(s + <usize>i) != c) i++;
  if (i > from) scanWork += <u64>(i - from);
  return i < end ? i : -1;
}

/** Index of the first pair `c0 c1` starting in [from, end - 1), or -1. */
function findPair(s: usize, from: i32, end: i32, c0: u32, c1: u32): i32 {
  let i = from;
  while (i < end - 1) {
    if (<u32>load<u8>(s + <usize>i) == c0 && <u32>load<u8>(s + <usize>i + 1) == c1) break;
    i++;
  }
  if (i > from) scanWork += <u64>(i - from);
  return i < end - 1 ? i : -1;
}

/**
 * Index of the first copy of needle [np, np + nlen) in [from, end), or -1. Plain scan: it is
 * only used with needles whose first byte cannot occur inside them again ("$tag$",
 * "sp_password"), so partial matches never overlap and the scan stays linear.
 */
function findBytes(s: usize, from: i32, end: i32, np: usize, nlen: i32): i32 {
  const c0 = load<u8>(np);
  for (let i = from; i + nlen <= end; i++) {
    scanWork++;
    if (load<u8>(s + <usize>i) != c0) continue;
    let j = 1;
    while (j < nlen && load<u8>(s + <usize>(i + j)) == load<u8>(np + <usize>j)) j++;
    scanWork += <u64>j;
    if (j == nlen) return i;
  }
  return -1;
}

// ---- keyword and fingerprint tables ------------------------------------------------------

/**
 * Type of the keyword equal (ASCII case-insensitively) to bytes [p, p + len), or 0.
 * Binary search over the sorted upper-case table in data.ts.
 */
export function lookupWord(p: usize, len: i32): u8 {
  if (len <= 0 || len > 31) return 0;
  let lo = 0;
  let hi = KW_COUNT - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const ws = <i32>load<u16>(KW_OFFSETS + (<usize>mid << 1));
    const we = <i32>load<u16>(KW_OFFSETS + (<usize>(mid + 1) << 1));
    const wl = we - ws;
    const m = wl < len ? wl : len;
    let cmp = 0;
    for (let i = 0; i < m; i++) {
      const a = <i32>load<u8>(KW_BYTES + <usize>(ws + i));
      const b = <i32>upper(load<u8>(p + <usize>i));
      if (a != b) { cmp = a - b; break; }
    }
    if (cmp == 0) cmp = wl - len;
    if (cmp == 0) return load<u8>(KW_TYPES + <usize>mid);
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}


/** Is the fingerprint (token types at p, 1..5 bytes) in libinjection's list? Case-insensitive. */
export function isKnownFingerprint(p: usize, len: i32): bool {
  if (len < 1 || len > 5) return false;
  let code: u32 = 0;
  for (let i = 0; i < len; i++) {
    const c = upper(load<u8>(p + <usize>i));
    let k = 0;
    const na = FP_ALPHA_CODES.length;
    while (k < na && <u32>FP_ALPHA_CODES.charCodeAt(k) != c) k++;
    if (k == na) return false;
    code |= (<u32>(k + 1)) << (<u32>(5 * i));
  }
  let lo = 0;
  let hi = FP_COUNT - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = load<u32>(FP_CODES + (<usize>mid << 2));
    if (v == code) return true;
    if (v < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

// ---- tokens -----------------------------------------------------------------------------

/** One SQL token. `val` holds up to 31 bytes of its text, NUL-terminated. */
@final export class Token {
  pos: i32 = 0;
  len: i32 = 0;
  /** For variables: how many '@' preceded the name (1 or 2). */
  count: i32 = 0;
  type: u8 = 0;
  /** Opening / closing quote of strings (0 when missing or simulated). */
  strOpen: u8 = 0;
  strClose: u8 = 0;
  buf: StaticArray<u8> = new StaticArray<u8>(VAL_SIZE);

  // @ts-ignore: decorator
  @inline get val(): usize {
    return changetype<usize>(this.buf);
  }

  clear(): void {
    this.pos = 0;
    this.len = 0;
    this.count = 0;
    this.type = 0;
    this.strOpen = 0;
    this.strClose = 0;
    memory.fill(this.val, 0, VAL_SIZE);
  }

  /** Sets type and position, copying at most 31 bytes of value from `src`. */
  assign(type: u8, pos: i32, len: i32, src: usize): void {
    const last = len < VAL_SIZE ? len : VAL_SIZE - 1;
    this.type = type;
    this.pos = pos;
    this.len = last;
    memory.copy(this.val, src, <usize>last);
    store<u8>(this.val + <usize>last, 0);
  }

  assignChar(type: u8, pos: i32, c: u8): void {
    this.type = type;
    this.pos = pos;
    this.len = 1;
    store<u8>(this.val, c);
    store<u8>(this.val + 1, 0);
  }

  copyFrom(o: Token): void {
    this.pos = o.pos;
    this.len = o.len;
    this.count = o.count;
    this.type = o.type;
    this.strOpen = o.strOpen;
    this.strClose = o.strClose;
    memory.copy(this.val, o.val, VAL_SIZE);
  }

  /** val[i], 0 past the end. */
  at(i: i32): u32 {
    return i >= 0 && i < VAL_SIZE ? <u32>load<u8>(this.val + <usize>i) : 0;
  }

  /** Value equals `word` (upper-case ASCII), comparing the value case-insensitively. */
  is(word: string): bool {
    if (this.len != word.length) return false;
    for (let i = 0; i < this.len; i++) {
      if (upper(load<u8>(this.val + <usize>i)) != <u32>word.charCodeAt(i)) return false;
    }
    return true;
  }

  isArithmeticOp(): bool {
    const c = this.at(0);
    return this.type == T_OPERATOR && this.len == 1 &&
      (c == 0x2a || c == 0x2f || c == 0x2d || c == 0x2b || c == 0x25);
  }

  isUnaryOp(): bool {
    if (this.type != T_OPERATOR) return false;
    const c = this.at(0);
    if (this.len == 1) return c == 0x2b || c == 0x2d || c == 0x21 || c == 0x7e;
    if (this.len == 2) return c == 0x21 && this.at(1) == 0x21;
    if (this.len == 3) return this.is("NOT");
    return false;
  }
}

// ---- state ------------------------------------------------------------------------------

/** Tokenizer + folder state; reuse one instance (see index.ts). */
@final export class SqliState {
  s: usize = 0;
  slen: i32 = 0;
  flags: i32 = FLAG_QUOTE_NONE | FLAG_SQL_ANSI;
  pos: i32 = 0;
  tokens: StaticArray<Token> = new StaticArray<Token>(8);
  cur: Token = new Token();
  lastComment: Token = new Token();
  merge: StaticArray<u8> = new StaticArray<u8>(VAL_SIZE);
  /** Fingerprint bytes (token types), `fpLen` of them. */
  fp: StaticArray<u8> = new StaticArray<u8>(8);
  fpLen: i32 = 0;
  statsCommentDdx: i32 = 0;
  statsCommentHash: i32 = 0;
  statsTokens: i32 = 0;
  /** Loop-iteration counter (for the linear-time property test). */
  steps: u64 = 0;

  constructor() {
    for (let i = 0; i < 8; i++) this.tokens[i] = new Token();
    this.cur = this.tokens[0];
  }

  /** Starts over on input [s, s + slen) with `flags` (0 = QUOTE_NONE | SQL_ANSI). */
  init(s: usize, slen: i32, flags: i32): void {
    this.s = s;
    this.slen = slen < 0 ? 0 : slen;
    this.reset(flags);
  }

  reset(flags: i32): void {
    this.flags = flags == 0 ? FLAG_QUOTE_NONE | FLAG_SQL_ANSI : flags;
    this.pos = 0;
    for (let i = 0; i < 8; i++) this.tokens[i].clear();
    this.cur = this.tokens[0];
    this.lastComment.clear();
    this.fpLen = 0;
    this.statsCommentDdx = 0;
    this.statsCommentHash = 0;
    this.statsTokens = 0;
  }

  // @ts-ignore: decorator
  @inline byte(i: i32): u32 {
    return <u32>load<u8>(this.s + <usize>i);
  }

  /** Byte at i, or 0 outside the input. */
  byteOr0(i: i32): u32 {
    return i >= 0 && i < this.slen ? <u32>load<u8>(this.s + <usize>i) : 0;
  }

  // ---- parsers: each reads at `pos`, fills `this.cur`, returns the next position ----

  parseOperator1(pos: i32): i32 {
    this.cur.assignChar(T_OPERATOR, pos, <u8>this.byte(pos));
    return pos + 1;
  }

  parseOther(pos: i32): i32 {
    this.cur.assignChar(T_UNKNOWN, pos, <u8>this.byte(pos));
    return pos + 1;
  }

  parseChar(pos: i32): i32 {
    const c = <u8>this.byte(pos);
    this.cur.assignChar(c, pos, c);
    return pos + 1;
  }

  parseEolComment(pos: i32): i32 {
    const nl = findByte(this.s, pos, this.slen, 0x0a);
    if (nl < 0) {
      this.cur.assign(T_COMMENT, pos, this.slen - pos, this.s + <usize>pos);
      return this.slen;
    }
    this.cur.assign(T_COMMENT, pos, nl - pos, this.s + <usize>pos);
    return nl + 1;
  }

  /** '#': an operator in ANSI mode, an end-of-line comment in MySQL mode. */
  parseHash(pos: i32): i32 {
    this.statsCommentHash += 1;
    if (this.flags & FLAG_SQL_MYSQL) {
      this.statsCommentHash += 1;
      return this.parseEolComment(pos);
    }
    this.cur.assignChar(T_OPERATOR, pos, 0x23);
    return pos + 1;
  }

  /** '-': "--" + white or EOF is a comment; "--x" is one only in ANSI mode; else an operator. */
  parseDash(pos: i32): i32 {
    const slen = this.slen;
    if (pos + 2 < slen && this.byte(pos + 1) == 0x2d && isWhite(this.byte(pos + 2))) {
      return this.parseEolComment(pos);
    } else if (pos + 2 == slen && this.byte(pos + 1) == 0x2d) {
      return this.parseEolComment(pos);
    } else if (pos + 1 < slen && this.byte(pos + 1) == 0x2d && (this.flags & FLAG_SQL_ANSI)) {
      this.statsCommentDdx += 1;
      return this.parseEolComment(pos);
    }
    this.cur.assignChar(T_OPERATOR, pos, 0x2d);
    return pos + 1;
  }

  /** '/': an operator, or a C comment; nested "/*" or MySQL "/*!" comments are evil. */
  parseSlash(pos: i32): i32 {
    const slen = this.slen;
    const pos1 = pos + 1;
    if (pos1 == slen || this.byte(pos1) != 0x2a) return this.parseOperator1(pos);
    const end = findPair(this.s, pos + 2, slen, 0x2a, 0x2f);
    const clen = end < 0 ? slen - pos : end + 2 - pos;
    let type = T_COMMENT;
    if (end >= 0 && findPair(this.s, pos + 2, end + 1, 0x2f, 0x2a) >= 0) {
      type = T_EVIL;
    } else if (pos + 2 < slen && this.byte(pos + 2) == 0x21) {
      type = T_EVIL;
    }
    this.cur.assign(type, pos, clen, this.s + <usize>pos);
    return pos + clen;
  }

  /** '\': MySQL's "\N" is NULL (a number); otherwise a lone backslash. */
  parseBackslash(pos: i32): i32 {
    if (pos + 1 < this.slen && this.byte(pos + 1) == 0x4e) {
      this.cur.assign(T_NUMBER, pos, 2, this.s + <usize>pos);
      return pos + 2;
    }
    this.cur.assignChar(T_BACKSLASH, pos, <u8>this.byte(pos));
    return pos + 1;
  }

  /** Two-byte operators ("!=", "||", "::", "<=>", ...) or one-byte ones. */
  parseOperator2(pos: i32): i32 {
    const slen = this.slen;
    if (pos + 1 >= slen) return this.parseOperator1(pos);
    if (pos + 2 < slen && this.byte(pos) == 0x3c && this.byte(pos + 1) == 0x3d && this.byte(pos + 2) == 0x3e) {
      this.cur.assign(T_OPERATOR, pos, 3, this.s + <usize>pos);
      return pos + 3;
    }
    const t = lookupWord(this.s + <usize>pos, 2);
    if (t != 0) {
      this.cur.assign(t, pos, 2, this.s + <usize>pos);
      return pos + 2;
    }
    if (this.byte(pos) == 0x3a) {
      this.cur.assign(T_COLON, pos, 1, this.s + <usize>pos);
      return pos + 1;
    }
    return this.parseOperator1(pos);
  }

  /** Odd number of backslashes before `q` (down to `start`)? */
  backslashEscaped(q: i32, start: i32): bool {
    let i = q - 1;
    while (i >= start && this.byte(i) == 0x5c) i--;
    scanWork += <u64>(q - 1 - i);
    return ((q - 1 - i) & 1) != 0;
  }

  /**
   * A string from pos + offset up to an unescaped `delim` (backslash or doubled delimiter
   * escapes it). offset 0 = simulated opening quote (quote contexts).
   */
  parseStringCore(pos: i32, t: Token, delim: u32, offset: i32): i32 {
    const slen = this.slen;
    const start = pos + offset;
    let q = findByte(this.s, start, slen, delim);
    t.strOpen = offset > 0 ? <u8>delim : 0;
    while (true) {
      this.steps++;
      if (q < 0) {
        t.assign(T_STRING, start, slen - start, this.s + <usize>start);
        t.strClose = 0;
        return slen;
      } else if (this.backslashEscaped(q, start)) {
        q = findByte(this.s, q + 1, slen, delim);
      } else if (q + 1 < slen && this.byte(q + 1) == delim) {
        q = findByte(this.s, q + 2, slen, delim);
      } else {
        t.assign(T_STRING, start, q - start, this.s + <usize>start);
        t.strClose = <u8>delim;
        return q + 1;
      }
    }
    return slen; // unreachable
  }

  parseString(pos: i32): i32 {
    return this.parseStringCore(pos, this.cur, this.byte(pos), 1);
  }

  /** E'...' (pgsql escaped string) and N'...' (national charset). */
  parseEstring(pos: i32): i32 {
    if (pos + 2 >= this.slen || this.byte(pos + 1) != C_SINGLE) return this.parseWord(pos);
    return this.parseStringCore(pos, this.cur, C_SINGLE, 2);
  }

  /** U&'...' unicode string. */
  parseUstring(pos: i32): i32 {
    if (pos + 2 < this.slen && this.byte(pos + 1) == 0x26 && this.byte(pos + 2) == C_SINGLE) {
      const next = this.parseString(pos + 2);
      this.cur.strOpen = 0x75; // u
      if (this.cur.strClose == C_SINGLE) this.cur.strClose = 0x75;
      return next;
    }
    return this.parseWord(pos);
  }

  /** Oracle q'<delim>...<delim>' strings. */
  parseQstringCore(start: i32, offset: i32): i32 {
    const slen = this.slen;
    const pos = start + offset;
    if (pos >= slen || (this.byte(pos) | 0x20) != 0x71 || pos + 2 >= slen || this.byte(pos + 1) != C_SINGLE) {
      return this.parseWord(start);
    }
    let ch = this.byte(pos + 2);
    if (ch < 33 || ch >= 128) return this.parseWord(start);
    if (ch == 0x28) ch = 0x29;
    else if (ch == 0x5b) ch = 0x5d;
    else if (ch == 0x7b) ch = 0x7d;
    else if (ch == 0x3c) ch = 0x3e;
    const end = findPair(this.s, pos + 3, slen, ch, C_SINGLE);
    if (end < 0) {
      this.cur.assign(T_STRING, pos + 3, slen - pos - 3, this.s + <usize>(pos + 3));
      this.cur.strOpen = 0x71;
      this.cur.strClose = 0;
      return slen;
    }
    this.cur.assign(T_STRING, pos + 3, end - pos - 3, this.s + <usize>(pos + 3));
    this.cur.strOpen = 0x71;
    this.cur.strClose = 0x71;
    return end + 2;
  }

  parseNqstring(pos: i32): i32 {
    if (pos + 2 < this.slen && this.byte(pos + 1) == C_SINGLE) return this.parseEstring(pos);
    return this.parseQstringCore(pos, 1);
  }

  /** b'0101' and x'CAFE' literals (numbers). NUL bytes count as digits, as in libinjection. */
  parseBXstring(pos: i32, hex: bool): i32 {
    const slen = this.slen;
    if (pos + 2 >= slen || this.byte(pos + 1) != C_SINGLE) return this.parseWord(pos);
    let i = pos + 2;
    while (i < slen) {
      const c = this.byte(i);
      if (!(c == 0 || (hex ? isHex(c) : c == 0x30 || c == 0x31))) break;
      i++;
    }
    if (i >= slen || this.byte(i) != C_SINGLE) return this.parseWord(pos);
    this.cur.assign(T_NUMBER, pos, i - pos + 1, this.s + <usize>pos);
    return i + 1;
  }

  /** SQL Server [bracketed words]. */
  parseBword(pos: i32): i32 {
    const end = findByte(this.s, pos, this.slen, 0x5d);
    if (end < 0) {
      this.cur.assign(T_BAREWORD, pos, this.slen - pos, this.s + <usize>pos);
      return this.slen;
    }
    this.cur.assign(T_BAREWORD, pos, end - pos + 1, this.s + <usize>pos);
    return end + 1;
  }

  /** Words: keywords, functions, types, ... or barewords. "SELECT.1" splits at the dot. */
  parseWord(pos: i32): i32 {
    const slen = this.slen;
    let e = pos;
    while (e < slen && !isWordEnd(this.byte(e))) e++;
    const wlen = e - pos;
    const t = this.cur;
    t.assign(T_BAREWORD, pos, wlen, this.s + <usize>pos);
    for (let i = 0; i < t.len; i++) {
      const d = load<u8>(t.val + <usize>i);
      if (d == 0x2e || d == C_TICK) {
        const ty = lookupWord(t.val, i);
        if (ty != T_NONE && ty != T_BAREWORD) {
          t.clear();
          t.assign(ty, pos, i, this.s + <usize>pos);
          return pos + i;
        }
      }
    }
    if (wlen < VAL_SIZE) {
      const ty = lookupWord(t.val, wlen);
      t.type = ty == 0 ? T_BAREWORD : ty;
    }
    return pos + wlen;
  }

  /** MySQL `quoted identifiers`: a bareword, or a function if the name is one. */
  parseTick(pos: i32): i32 {
    const next = this.parseStringCore(pos, this.cur, C_TICK, 1);
    const ty = lookupWord(this.cur.val, this.cur.len);
    this.cur.type = ty == T_FUNCTION ? T_FUNCTION : T_BAREWORD;
    return next;
  }

  /** @var, @@var, @`var`, @'var'. */
  parseVar(start: i32): i32 {
    const slen = this.slen;
    let pos = start + 1;
    if (pos < slen && this.byte(pos) == 0x40) {
      pos += 1;
      this.cur.count = 2;
    } else {
      this.cur.count = 1;
    }
    if (pos < slen) {
      const c = this.byte(pos);
      if (c == C_TICK) {
        const next = this.parseTick(pos);
        this.cur.type = T_VARIABLE;
        return next;
      } else if (c == C_SINGLE || c == C_DOUBLE) {
        const next = this.parseString(pos);
        this.cur.type = T_VARIABLE;
        return next;
      }
    }
    let e = pos;
    while (e < slen && !isVarEnd(this.byte(e))) e++;
    this.cur.assign(T_VARIABLE, pos, e - pos, this.s + <usize>pos);
    return e;
  }

  /** $1,000.00 money, $$pgsql strings$$, $tag$ strings $tag$. */
  parseMoney(pos: i32): i32 {
    const slen = this.slen;
    if (pos + 1 == slen) {
      this.cur.assignChar(T_BAREWORD, pos, 0x24);
      return slen;
    }
    let e = pos + 1;
    while (e < slen) {
      const c = this.byte(e);
      if (!(c == 0 || isDigit(c) || c == 0x2e || c == 0x2c)) break;
      e++;
    }
    let xlen = e - pos - 1;
    if (xlen == 0) {
      if (this.byte(pos + 1) == 0x24) {
        const end = findPair(this.s, pos + 2, slen, 0x24, 0x24);
        if (end < 0) {
          this.cur.assign(T_STRING, pos + 2, slen - (pos + 2), this.s + <usize>(pos + 2));
          this.cur.strOpen = 0x24;
          this.cur.strClose = 0;
          return slen;
        }
        this.cur.assign(T_STRING, pos + 2, end - (pos + 2), this.s + <usize>(pos + 2));
        this.cur.strOpen = 0x24;
        this.cur.strClose = 0x24;
        return end + 2;
      }
      e = pos + 1;
      while (e < slen) {
        const c = this.byte(e);
        if (!(c == 0 || isAlpha(c))) break;
        e++;
      }
      xlen = e - pos - 1;
      if (xlen == 0) {
        this.cur.assignChar(T_BAREWORD, pos, 0x24);
        return pos + 1;
      }
      if (pos + xlen + 1 == slen || this.byte(pos + xlen + 1) != 0x24) {
        this.cur.assignChar(T_BAREWORD, pos, 0x24);
        return pos + 1;
      }
      const body = pos + xlen + 2;
      const end = findBytes(this.s, body, slen, this.s + <usize>pos, xlen + 2);
      if (end < 0) {
        this.cur.assign(T_STRING, body, slen - body, this.s + <usize>body);
        this.cur.strOpen = 0x24;
        this.cur.strClose = 0;
        return slen;
      }
      this.cur.assign(T_STRING, body, end - body, this.s + <usize>body);
      this.cur.strOpen = 0x24;
      this.cur.strClose = 0x24;
      return end + xlen + 2;
    } else if (xlen == 1 && this.byte(pos + 1) == 0x2e) {
      return this.parseWord(pos);
    }
    this.cur.assign(T_NUMBER, pos, 1 + xlen, this.s + <usize>pos);
    return pos + 1 + xlen;
  }

  /** Numbers: 0x.., 0b.., 1, 1.5, .5, 1e10, Oracle's 1.5f / 1d suffixes. */
  parseNumber(start: i32): i32 {
    const slen = this.slen;
    let pos = start;
    if (this.byte(pos) == 0x30 && pos + 1 < slen) {
      const c1 = this.byte(pos + 1) | 0x20;
      if (c1 == 0x78 || c1 == 0x62) {
        const hex = c1 == 0x78;
        let e = pos + 2;
        while (e < slen) {
          const c = this.byte(e);
          if (!(c == 0 || (hex ? isHex(c) : c == 0x30 || c == 0x31))) break;
          e++;
        }
        const xlen = e - pos - 2;
        if (xlen == 0) {
          this.cur.assign(T_BAREWORD, pos, 2, this.s + <usize>pos);
          return pos + 2;
        }
        this.cur.assign(T_NUMBER, pos, 2 + xlen, this.s + <usize>pos);
        return pos + 2 + xlen;
      }
    }
    while (pos < slen && isDigit(this.byte(pos))) pos++;
    if (pos < slen && this.byte(pos) == 0x2e) {
      pos++;
      while (pos < slen && isDigit(this.byte(pos))) pos++;
      if (pos - start == 1) {
        this.cur.assignChar(T_DOT, start, 0x2e);
        return pos;
      }
    }
    let haveE = false;
    let haveExp = false;
    if (pos < slen && (this.byte(pos) | 0x20) == 0x65) {
      haveE = true;
      pos++;
      if (pos < slen && (this.byte(pos) == 0x2b || this.byte(pos) == 0x2d)) pos++;
      while (pos < slen && isDigit(this.byte(pos))) {
        haveExp = true;
        pos++;
      }
    }
    if (pos < slen) {
      const c = this.byte(pos) | 0x20;
      if (c == 0x64 || c == 0x66) {
        if (pos + 1 == slen) {
          pos++;
        } else {
          const n = this.byte(pos + 1);
          if (isWhite(n) || n == 0x3b || (n | 0x20) == 0x75) pos++;
        }
      }
    }
    this.cur.assign(haveE && !haveExp ? T_BAREWORD : T_NUMBER, start, pos - start, this.s + <usize>start);
    return pos;
  }

  /** Next token into `this.cur`; false at the end of input. */
  tokenize(): bool {
    const slen = this.slen;
    if (slen == 0) return false;
    const t = this.cur;
    t.clear();
    if (this.pos == 0 && (this.flags & (FLAG_QUOTE_SINGLE | FLAG_QUOTE_DOUBLE))) {
      const delim: u32 = (this.flags & FLAG_QUOTE_SINGLE) ? C_SINGLE : C_DOUBLE;
      this.pos = this.parseStringCore(0, t, delim, 0);
      this.statsTokens += 1;
      return true;
    }
    while (this.pos < slen) {
      this.steps++;
      const pos = this.pos;
      let next: i32;
      switch (<i32>load<u8>(CHAR_CLASS + <usize>this.byte(pos))) {
        case CC_WHITE: next = pos + 1; break;
        case CC_WORD: next = this.parseWord(pos); break;
        case CC_OP1:
        case CC_UNARY: next = this.parseOperator1(pos); break;
        case CC_OP2:
        case CC_BANG: next = this.parseOperator2(pos); break;
        case CC_BACK: next = this.parseBackslash(pos); break;
        case CC_DASH: next = this.parseDash(pos); break;
        case CC_STR: next = this.parseString(pos); break;
        case CC_HASH: next = this.parseHash(pos); break;
        case CC_NUM: next = this.parseNumber(pos); break;
        case CC_SLASH: next = this.parseSlash(pos); break;
        case CC_SEMICOLON:
        case CC_COMMA:
        case CC_LEFTPARENS:
        case CC_RIGHTPARENS:
        case CC_LEFTBRACE:
        case CC_RIGHTBRACE: next = this.parseChar(pos); break;
        case CC_VAR: next = this.parseVar(pos); break;
        case CC_MONEY: next = this.parseMoney(pos); break;
        case CC_TICK: next = this.parseTick(pos); break;
        case CC_USTRING: next = this.parseUstring(pos); break;
        case CC_QSTRING: next = this.parseQstringCore(pos, 0); break;
        case CC_NQSTRING: next = this.parseNqstring(pos); break;
        case CC_XSTRING: next = this.parseBXstring(pos, true); break;
        case CC_BSTRING: next = this.parseBXstring(pos, false); break;
        case CC_ESTRING: next = this.parseEstring(pos); break;
        case CC_BWORD: next = this.parseBword(pos); break;
        default: next = this.parseOther(pos); break; // CC_OTHER
      }
      // every parser moves forward; guard anyway so no input can stall the loop
      this.pos = next > pos ? next : pos + 1;
      if (t.type != T_NONE) {
        this.statsTokens += 1;
        return true;
      }
    }
    return false;
  }

  // ---- folding ----------------------------------------------------------------------------

  /** "UNION" + "ALL" -> "UNION ALL" when the phrase is a keyword; true if merged into a. */
  mergeWords(a: Token, b: Token): bool {
    const at = a.type;
    if (!(at == T_KEYWORD || at == T_BAREWORD || at == T_OPERATOR || at == T_UNION ||
      at == T_FUNCTION || at == T_EXPRESSION || at == T_TSQL || at == T_SQLTYPE)) return false;
    const bt = b.type;
    if (!(bt == T_KEYWORD || bt == T_BAREWORD || bt == T_OPERATOR || bt == T_UNION ||
      bt == T_FUNCTION || bt == T_EXPRESSION || bt == T_TSQL || bt == T_SQLTYPE ||
      bt == T_LOGIC_OPERATOR)) return false;
    const sz1 = a.len;
    const sz2 = b.len;
    const sz3 = sz1 + sz2 + 1;
    if (sz3 >= VAL_SIZE) return false;
    const tmp = changetype<usize>(this.merge);
    memory.copy(tmp, a.val, <usize>sz1);
    store<u8>(tmp + <usize>sz1, 0x20);
    memory.copy(tmp + <usize>sz1 + 1, b.val, <usize>sz2);
    const ty = lookupWord(tmp, sz3);
    if (ty == 0) return false;
    a.assign(ty, a.pos, sz3, tmp);
    return true;
  }

  /** Reads the next non-comment token into slot `pos` (comments go to lastComment). */
  private readInto(pos: i32): bool {
    this.cur = this.tokens[pos];
    const more = this.tokenize();
    if (more) {
      if (this.cur.type == T_COMMENT) {
        this.lastComment.copyFrom(this.cur);
      } else {
        this.lastComment.type = T_NONE;
      }
    }
    return more;
  }

  /** Tokenizes and folds; returns the number of folded tokens (<= 5) in `tokens`. */
  fold(): i32 {
    const v = this.tokens;
    let pos = 0;
    let left = 0;
    let more = true;
    this.lastComment.clear();

    // skip leading comments, '(' , sql types and unary operators
    this.cur = v[0];
    while (more) {
      more = this.tokenize();
      const t = this.cur;
      if (!(t.type == T_COMMENT || t.type == T_LEFTPARENS || t.type == T_SQLTYPE || t.isUnaryOp())) break;
    }
    if (!more) return 0;
    pos = 1;

    // folding does constant work per token; this bound only guards against surprises
    let budget: i64 = 64 + <i64>this.slen * 16;

    while (true) {
      this.steps++;
      if (--budget < 0) { left = pos; break; }
      if (pos >= MAX_TOKENS) {
        const t0 = v[0].type, t1 = v[1].type, t2 = v[2].type, t3 = v[3].type, t4 = v[4].type;
        if ((t0 == T_NUMBER && (t1 == T_OPERATOR || t1 == T_COMMA) && t2 == T_LEFTPARENS &&
          t3 == T_NUMBER && t4 == T_RIGHTPARENS) ||
          (t0 == T_BAREWORD && t1 == T_OPERATOR && t2 == T_LEFTPARENS &&
            (t3 == T_BAREWORD || t3 == T_NUMBER) && t4 == T_RIGHTPARENS) ||
          (t0 == T_NUMBER && t1 == T_RIGHTPARENS && t2 == T_COMMA && t3 == T_LEFTPARENS &&
            t4 == T_NUMBER) ||
          (t0 == T_BAREWORD && t1 == T_RIGHTPARENS && t2 == T_OPERATOR && t3 == T_LEFTPARENS &&
            t4 == T_BAREWORD)) {
          if (pos > MAX_TOKENS) {
            v[1].copyFrom(v[MAX_TOKENS]);
            pos = 2;
            left = 0;
          } else {
            pos = 1;
            left = 0;
          }
        }
      }

      if (!more || left >= MAX_TOKENS) {
        left = pos;
        break;
      }

      // get up to two tokens
      while (more && pos <= MAX_TOKENS && pos - left < 2) {
        more = this.readInto(pos);
        if (more && this.cur.type != T_COMMENT) pos += 1;
      }
      if (pos - left < 2) {
        left = pos;
        continue;
      }

      const a = v[left];
      const b = v[left + 1];

      // ---- two-token folds ----
      if (a.type == T_STRING && b.type == T_STRING) {
        pos -= 1;
        continue;
      } else if (a.type == T_SEMICOLON && b.type == T_SEMICOLON) {
        pos -= 1;
        continue;
      } else if ((a.type == T_OPERATOR || a.type == T_LOGIC_OPERATOR) && (b.isUnaryOp() || b.type == T_SQLTYPE)) {
        pos -= 1;
        left = 0;
        continue;
      } else if (a.type == T_LEFTPARENS && b.isUnaryOp()) {
        pos -= 1;
        if (left > 0) left -= 1;
        continue;
      } else if (this.mergeWords(a, b)) {
        pos -= 1;
        if (left > 0) left -= 1;
        continue;
      } else if (a.type == T_SEMICOLON && b.type == T_FUNCTION && (b.at(0) | 0x20) == 0x69 && (b.at(1) | 0x20) == 0x66) {
        // T-SQL "; IF ..." : IF is control flow here, not a function
        b.type = T_TSQL;
        continue;
      } else if ((a.type == T_BAREWORD || a.type == T_VARIABLE) && b.type == T_LEFTPARENS && (
        a.is("USER_ID") || a.is("USER_NAME") || a.is("DATABASE") || a.is("PASSWORD") || a.is("USER") ||
        a.is("CURRENT_USER") || a.is("CURRENT_DATE") || a.is("CURRENT_TIME") ||
        a.is("CURRENT_TIMESTAMP") || a.is("LOCALTIME") || a.is("LOCALTIMESTAMP"))) {
        a.type = T_FUNCTION;
        continue;
      } else if (a.type == T_KEYWORD && (a.is("IN") || a.is("NOT IN"))) {
        a.type = b.type == T_LEFTPARENS ? T_OPERATOR : T_BAREWORD;
        continue;
      } else if (a.type == T_OPERATOR && (a.is("LIKE") || a.is("NOT LIKE"))) {
        if (b.type == T_LEFTPARENS) a.type = T_FUNCTION;
      } else if (a.type == T_SQLTYPE && (b.type == T_BAREWORD || b.type == T_NUMBER ||
        b.type == T_SQLTYPE || b.type == T_LEFTPARENS || b.type == T_FUNCTION ||
        b.type == T_VARIABLE || b.type == T_STRING)) {
        a.copyFrom(b);
        pos -= 1;
        left = 0;
        continue;
      } else if (a.type == T_COLLATE && b.type == T_BAREWORD) {
        // too many collations: a bareword containing '_' is taken to be one
        let underscore = false;
        for (let i = 0; i < b.len; i++) {
          const c = load<u8>(b.val + <usize>i);
          if (c == 0) break;
          if (c == 0x5f) { underscore = true; break; }
        }
        if (underscore) {
          b.type = T_SQLTYPE;
          left = 0;
        }
      } else if (a.type == T_BACKSLASH) {
        if (b.isArithmeticOp()) {
          a.type = T_NUMBER; // T-SQL: '\%1' is '0 % 1'
        } else {
          a.copyFrom(b); // T-SQL reads \1 as 1
          pos -= 1;
        }
        left = 0;
        continue;
      } else if (a.type == T_LEFTPARENS && b.type == T_LEFTPARENS) {
        pos -= 1;
        left = 0;
        continue;
      } else if (a.type == T_RIGHTPARENS && b.type == T_RIGHTPARENS) {
        pos -= 1;
        left = 0;
        continue;
      } else if (a.type == T_LEFTBRACE && b.type == T_BAREWORD) {
        // MySQL "{ ``.``.id }" is valid and odd: ban "{ ``"; otherwise drop "{ foo"
        if (b.len == 0) {
          b.type = T_EVIL;
          return left + 2;
        }
        left = 0;
        pos -= 2;
        continue;
      } else if (b.type == T_RIGHTBRACE) {
        pos -= 1;
        left = 0;
        continue;
      }

      // get a third token
      while (more && pos <= MAX_TOKENS && pos - left < 3) {
        more = this.readInto(pos);
        if (more && this.cur.type != T_COMMENT) pos += 1;
      }
      if (pos - left < 3) {
        left = pos;
        continue;
      }

      const c = v[left + 2];
      const at = a.type, bt = b.type, ct = c.type;
      // ---- three-token folds ----
      if (at == T_NUMBER && bt == T_OPERATOR && ct == T_NUMBER) {
        pos -= 2;
        left = 0;
        continue;
      } else if (at == T_OPERATOR && bt != T_LEFTPARENS && ct == T_OPERATOR) {
        left = 0;
        pos -= 2;
        continue;
      } else if (at == T_LOGIC_OPERATOR && ct == T_LOGIC_OPERATOR) {
        pos -= 2;
        left = 0;
        continue;
      } else if (at == T_VARIABLE && bt == T_OPERATOR && (ct == T_VARIABLE || ct == T_NUMBER || ct == T_BAREWORD)) {
        pos -= 2;
        left = 0;
        continue;
      } else if ((at == T_BAREWORD || at == T_NUMBER) && bt == T_OPERATOR && (ct == T_NUMBER || ct == T_BAREWORD)) {
        pos -= 2;
        left = 0;
        continue;
      } else if ((at == T_BAREWORD || at == T_NUMBER || at == T_VARIABLE || at == T_STRING) &&
        bt == T_OPERATOR && b.len == 2 && b.at(0) == 0x3a && b.at(1) == 0x3a && ct == T_SQLTYPE) {
        pos -= 2;
        left = 0;
        continue;
      } else if ((at == T_BAREWORD || at == T_NUMBER || at == T_STRING || at == T_VARIABLE) && bt == T_COMMA &&
        (ct == T_NUMBER || ct == T_BAREWORD || ct == T_STRING || ct == T_VARIABLE)) {
        pos -= 2;
        left = 0;
        continue;
      } else if ((at == T_EXPRESSION || at == T_GROUP || at == T_COMMA) && b.isUnaryOp() && ct == T_LEFTPARENS) {
        b.copyFrom(c); // "SELECT + (" -> "SELECT ("
        pos -= 1;
        left = 0;
        continue;
      } else if ((at == T_KEYWORD || at == T_EXPRESSION || at == T_GROUP) && b.isUnaryOp() &&
        (ct == T_NUMBER || ct == T_BAREWORD || ct == T_VARIABLE || ct == T_STRING || ct == T_FUNCTION)) {
        b.copyFrom(c); // "SELECT - 1" -> "SELECT 1"
        pos -= 1;
        left = 0;
        continue;
      } else if (at == T_COMMA && b.isUnaryOp() &&
        (ct == T_NUMBER || ct == T_BAREWORD || ct == T_VARIABLE || ct == T_STRING)) {
        b.copyFrom(c); // ", -1" -> ",1", then back up: "1,-1" -> "1"
        left = 0;
        pos -= 3;
        continue;
      } else if (at == T_COMMA && b.isUnaryOp() && ct == T_FUNCTION) {
        b.copyFrom(c); // "1,-sin(1)" -> "1,sin(1)"
        pos -= 1;
        left = 0;
        continue;
      } else if (at == T_BAREWORD && bt == T_DOT && ct == T_BAREWORD) {
        pos -= 2; // database.table
        left = 0;
        continue;
      } else if (at == T_EXPRESSION && bt == T_DOT && ct == T_BAREWORD) {
        b.copyFrom(c); // "SELECT . `foo`" -> "SELECT `foo`"
        pos -= 1;
        left = 0;
        continue;
      } else if (at == T_FUNCTION && bt == T_LEFTPARENS && ct != T_RIGHTPARENS) {
        // USER() takes no arguments: "user(foo)" is not the function
        if (a.is("USER")) a.type = T_BAREWORD;
      }

      left += 1;
    }

    if (left < MAX_TOKENS && this.lastComment.type == T_COMMENT) {
      v[left].copyFrom(this.lastComment);
      left += 1;
    }
    if (left > MAX_TOKENS) left = MAX_TOKENS;
    return left;
  }

  /** Fingerprint of the input under `flags`, into fp/fpLen. */
  fingerprint(flags: i32): void {
    this.reset(flags);
    const tlen = this.fold();
    const v = this.tokens;
    if (tlen > 2) {
      const t = v[tlen - 1];
      // PHP's unclosed empty backtick at the end acts as a comment
      if (t.type == T_BAREWORD && t.strOpen == C_TICK && t.len == 0 && t.strClose == 0) t.type = T_COMMENT;
    }
    let evil = false;
    for (let i = 0; i < tlen; i++) {
      const ty = v[i].type;
      this.fp[i] = ty;
      if (ty == T_EVIL) evil = true;
    }
    this.fpLen = tlen;
    if (evil) {
      // unparsable (nested or MySQL-conditional comments, ...): report plain "X"
      this.fp[0] = T_EVIL;
      this.fpLen = 1;
      memory.fill(v[0].val, 0, VAL_SIZE);
      v[0].type = T_EVIL;
      store<u8>(v[0].val, T_EVIL);
      v[1].type = T_NONE;
    }
  }

  /** Fingerprint is listed and the false-positive heuristics do not clear it. */
  checkFingerprint(): bool {
    return this.blacklisted() && this.notWhitelisted();
  }

  blacklisted(): bool {
    if (this.fpLen < 1) return false;
    return isKnownFingerprint(changetype<usize>(this.fp), this.fpLen);
  }

  fpIs(str: string): bool {
    if (this.fpLen != str.length) return false;
    for (let i = 0; i < this.fpLen; i++) if (<i32>this.fp[i] != str.charCodeAt(i)) return false;
    return true;
  }

  /** libinjection's false-positive heuristics: true = still SQLi. */
  notWhitelisted(): bool {
    const tlen = this.fpLen;
    const v = this.tokens;
    if (tlen > 1 && this.fp[tlen - 1] == T_COMMENT) {
      // "sp_password" in a trailing comment hides the query from MS SQL audit logs
      const needle = memory.data<u8>([0x73, 0x70, 0x5f, 0x70, 0x61, 0x73, 0x73, 0x77, 0x6f, 0x72, 0x64]);
      if (findBytes(this.s, 0, this.slen, needle, 11) >= 0) return true;
    }
    if (tlen == 2) {
      if (this.fp[1] == T_UNION) {
        // "1 union" alone is common text; with folding or comments it is not
        return this.statsTokens != 2;
      }
      if (v[1].at(0) == 0x23) return false; // '#' comment: too many false positives
      if (v[0].type == T_BAREWORD && v[1].type == T_COMMENT && v[1].at(0) != 0x2f) return false;
      if (v[0].type == T_NUMBER && v[1].type == T_COMMENT && v[1].at(0) == 0x2f) return true;
      if (v[0].type == T_NUMBER && v[1].type == T_COMMENT) {
        if (this.statsTokens > 2) return true;
        // a real number right at the start followed by white, "/*" or "--"
        const ch = this.byteOr0(v[0].len);
        if (ch <= 32 || ch >= 128) return true;
        if (ch == 0x2f && this.byteOr0(v[0].len + 1) == 0x2a) return true;
        if (ch == 0x2d && this.byteOr0(v[0].len + 1) == 0x2d) return true;
        return false;
      }
      // "foo -- bar" is text; only flag a trailing "--"
      if (v[1].len > 2 && v[1].at(0) == 0x2d) return false;
    } else if (tlen == 3) {
      if (this.fpIs("sos") || this.fpIs("s&s")) {
        // ...foo' + 'bar...: no opening nor closing quote, same quote in the middle
        if (v[0].strOpen == 0 && v[2].strClose == 0 && v[0].strClose == v[2].strOpen) return true;
        return false;
      } else if (this.fpIs("s&n") || this.fpIs("n&1") || this.fpIs("1&1") || this.fpIs("1&v") || this.fpIs("1&s")) {
        // 'sexy and 17' is text; 'sexy and 17<18' is not
        if (this.statsTokens == 3) return false;
      } else if (v[1].type == T_KEYWORD) {
        // only "INTO OUTFILE" / "INTO DUMPFILE" count
        const b = v[1];
        const into = b.len >= 4 && upper(b.at(0)) == 0x49 && upper(b.at(1)) == 0x4e &&
          upper(b.at(2)) == 0x54 && upper(b.at(3)) == 0x4f;
        if (b.len < 5 || !into) return false;
      }
    }
    return true;
  }

  private tryFlags(flags: i32): bool {
    this.fingerprint(flags);
    return this.checkFingerprint();
  }

  private mysqlHint(): bool {
    return this.statsCommentDdx != 0 || this.statsCommentHash != 0;
  }

  /** The full test: as-is, then in '...' and "..." contexts when the input has those quotes. */
  isSqli(): bool {
    if (this.slen == 0) return false;
    if (this.tryFlags(FLAG_QUOTE_NONE | FLAG_SQL_ANSI)) return true;
    if (this.mysqlHint() && this.tryFlags(FLAG_QUOTE_NONE | FLAG_SQL_MYSQL)) return true;
    if (findByte(this.s, 0, this.slen, C_SINGLE) >= 0) {
      if (this.tryFlags(FLAG_QUOTE_SINGLE | FLAG_SQL_ANSI)) return true;
      if (this.mysqlHint() && this.tryFlags(FLAG_QUOTE_SINGLE | FLAG_SQL_MYSQL)) return true;
    }
    if (findByte(this.s, 0, this.slen, C_DOUBLE) >= 0) {
      if (this.tryFlags(FLAG_QUOTE_DOUBLE | FLAG_SQL_MYSQL)) return true;
    }
    return false;
  }
}
