// A small JSON parser for plugin configuration: bytes in, a tree out, errors with offsets.
// Configuration is parsed once per `proxy_on_configure`, never per request. Nesting depth is
// limited (MAX_DEPTH) so a hostile configuration cannot exhaust the wasm stack.

export const MAX_DEPTH = 64;

export const enum JKind { Null, Bool, Num, Str, Arr, Obj }

export class JValue {
  kind: JKind = JKind.Null;
  b: bool = false;
  n: f64 = 0;
  s: string = "";
  arr: Array<JValue> = [];
  keys: Array<string> = [];
  vals: Array<JValue> = [];
  offset: i32 = 0;

  get(key: string): JValue | null {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] == key) return this.vals[i];
    return null;
  }
  kindName(): string {
    switch (this.kind) {
      case JKind.Null: return "null";
      case JKind.Bool: return "a boolean";
      case JKind.Num: return "a number";
      case JKind.Str: return "a string";
      case JKind.Arr: return "an array";
      default: return "an object";
    }
  }
}

export class JsonParser {
  private p: usize;
  private i: i32 = 0;
  private n: i32;
  error: string = "";
  errorOffset: i32 = -1;

  constructor(private buf: ArrayBuffer) {
    this.p = changetype<usize>(buf);
    this.n = buf.byteLength;
  }

  /** Parses the whole input; returns null and sets `error` on malformed JSON. */
  parse(): JValue | null {
    this.ws();
    const v = this.value(0);
    if (v == null) return null;
    this.ws();
    if (this.i < this.n) return this.fail("unexpected data after the JSON value");
    return v;
  }

  private fail(msg: string): JValue | null {
    if (this.errorOffset < 0) { this.error = msg; this.errorOffset = this.i; }
    return null;
  }
  @inline private c(): i32 { return this.i < this.n ? <i32>load<u8>(this.p + this.i) : -1; }
  private ws(): void {
    while (this.i < this.n) {
      const c = load<u8>(this.p + this.i);
      if (c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09) this.i++; else break;
    }
  }
  private lit(word: string): bool {
    for (let k = 0; k < word.length; k++) if (this.c() != word.charCodeAt(k)) return false; else this.i++;
    return true;
  }

  private value(depth: i32): JValue | null {
    if (depth > MAX_DEPTH) return this.fail("nesting deeper than " + MAX_DEPTH.toString() + " levels");
    const v = new JValue();
    v.offset = this.i;
    const c = this.c();
    if (c == 0x7b) { // {
      v.kind = JKind.Obj; this.i++; this.ws();
      if (this.c() == 0x7d) { this.i++; return v; }
      while (true) {
        this.ws();
        if (this.c() != 0x22) return this.fail("expected a string key");
        const k = this.str();
        if (k == null) return null;
        for (let j = 0; j < v.keys.length; j++) if (v.keys[j] == k) { this.i = v.offset; return this.fail("duplicate key '" + k + "'"); }
        this.ws();
        if (this.c() != 0x3a) return this.fail("expected ':'");
        this.i++; this.ws();
        const x = this.value(depth + 1);
        if (x == null) return null;
        v.keys.push(k); v.vals.push(x);
        this.ws();
        const d = this.c();
        if (d == 0x2c) { this.i++; continue; }
        if (d == 0x7d) { this.i++; return v; }
        return this.fail("expected ',' or '}'");
      }
    }
    if (c == 0x5b) { // [
      v.kind = JKind.Arr; this.i++; this.ws();
      if (this.c() == 0x5d) { this.i++; return v; }
      while (true) {
        this.ws();
        const x = this.value(depth + 1);
        if (x == null) return null;
        v.arr.push(x);
        this.ws();
        const d = this.c();
        if (d == 0x2c) { this.i++; continue; }
        if (d == 0x5d) { this.i++; return v; }
        return this.fail("expected ',' or ']'");
      }
    }
    if (c == 0x22) {
      const s = this.str();
      if (s == null) return null;
      v.kind = JKind.Str; v.s = s; return v;
    }
    if (c == 0x74) { if (this.lit("true")) { v.kind = JKind.Bool; v.b = true; return v; } this.i = v.offset; return this.fail("invalid literal"); }
    if (c == 0x66) { if (this.lit("false")) { v.kind = JKind.Bool; return v; } this.i = v.offset; return this.fail("invalid literal"); }
    if (c == 0x6e) { if (this.lit("null")) return v; this.i = v.offset; return this.fail("invalid literal"); }
    if (c == 0x2d || (c >= 0x30 && c <= 0x39)) return this.num(v);
    if (c < 0) return this.fail("unexpected end of input");
    return this.fail("unexpected character '" + String.fromCharCode(c) + "'");
  }

  private num(v: JValue): JValue | null {
    const start = this.i;
    if (this.c() == 0x2d) this.i++;
    if (this.c() == 0x30) this.i++;
    else if (this.c() >= 0x31 && this.c() <= 0x39) { while (this.c() >= 0x30 && this.c() <= 0x39) this.i++; }
    else return this.fail("invalid number");
    if (this.c() == 0x2e) {
      this.i++;
      if (!(this.c() >= 0x30 && this.c() <= 0x39)) return this.fail("invalid number");
      while (this.c() >= 0x30 && this.c() <= 0x39) this.i++;
    }
    if (this.c() == 0x65 || this.c() == 0x45) {
      this.i++;
      if (this.c() == 0x2b || this.c() == 0x2d) this.i++;
      if (!(this.c() >= 0x30 && this.c() <= 0x39)) return this.fail("invalid number");
      while (this.c() >= 0x30 && this.c() <= 0x39) this.i++;
    }
    v.kind = JKind.Num;
    v.n = parseFloat(String.UTF8.decodeUnsafe(this.p + start, this.i - start));
    return v;
  }

  private hex4(): i32 {
    let x = 0;
    for (let k = 0; k < 4; k++) {
      const c = this.c();
      let d = -1;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
      if (d < 0) return -1;
      x = (x << 4) | d; this.i++;
    }
    return x;
  }

  /** A string literal; raw UTF-8 runs are decoded in bulk, escapes one by one. */
  private str(): string | null {
    this.i++; // opening quote
    // pieces are joined once at the end: appending to a string per escape would copy the string
    // each time (quadratic garbage for long regexes full of backslashes)
    let parts: Array<string> | null = null;
    let run = this.i;
    while (true) {
      if (this.i >= this.n) { this.fail("unterminated string"); return null; }
      const c = <i32>load<u8>(this.p + this.i);
      if (c == 0x22) {
        const last = String.UTF8.decodeUnsafe(this.p + run, this.i - run);
        this.i++;
        if (parts == null) return last;
        parts.push(last);
        return parts.join("");
      }
      if (c < 0x20) { this.fail("control character in string"); return null; }
      if (c != 0x5c) { this.i++; continue; }
      if (parts == null) parts = new Array<string>();
      const ps = parts!;
      if (this.i > run) ps.push(String.UTF8.decodeUnsafe(this.p + run, this.i - run));
      this.i++;
      const e = this.c();
      this.i++;
      if (e == 0x22) ps.push("\"");
      else if (e == 0x5c) ps.push("\\");
      else if (e == 0x2f) ps.push("/");
      else if (e == 0x62) ps.push("\b");
      else if (e == 0x66) ps.push("\f");
      else if (e == 0x6e) ps.push("\n");
      else if (e == 0x72) ps.push("\r");
      else if (e == 0x74) ps.push("\t");
      else if (e == 0x75) {
        const u = this.hex4();
        if (u < 0) { this.fail("invalid \\u escape"); return null; }
        ps.push(String.fromCharCode(u));
      } else { this.i--; this.fail("invalid escape"); return null; }
      run = this.i;
    }
  }
}

/** Line and column (1-based) of a byte offset, for messages. */
export function lineCol(buf: ArrayBuffer, offset: i32): string {
  let line = 1, col = 1;
  const p = changetype<usize>(buf);
  const end = min(offset, buf.byteLength);
  for (let i = 0; i < end; i++) {
    if (load<u8>(p + i) == 0x0a) { line++; col = 1; } else col++;
  }
  return "line " + line.toString() + " column " + col.toString();
}
