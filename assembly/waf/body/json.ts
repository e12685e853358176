/**
 * application/json body processor: validates the JSON (RFC 8259, strict) and flattens every
 * scalar into an argument named by its path from the root "json":
 *   {"a":{"b":1},"c":[true,null,"x"]}  →  json.a.b=1, json.c.0=true, json.c.1="", json.c.2=x,
 *                                          json.c=3
 * which is Coraza's naming (internal/bodyprocessors/json.go), the one CRS' Coraza test runs use:
 * array elements are ".<index>" and each non-empty array also yields "<path>" = its element
 * count. With `limits.jsonModsecNames`, elements are named as ModSecurity v3's json.cc does,
 * ".array_<index>" (json.c.array_0), and no count entry is emitted. Both: numbers, true and false
 * as written, null as "", strings decoded (\uXXXX → UTF-8, surrogate pairs joined, a lone
 * surrogate → U+FFFD); a top-level scalar is valid but yields nothing; empty objects/arrays
 * yield nothing.
 *
 * Iterative (explicit stack of depth `limits.maxDepth`, never recursion), one pass, O(n) apart
 * from the composed names (each bounded by maxNameLen). Errors: truncated input, bad token,
 * bad escape or control character in a string, trailing data, depth / args / name / value limits.
 */
import { ByteBuf } from "../bytes";
import { BodySink, BodyLimits, BodyResult } from "./sink";
import { isHex, hexVal } from "../transforms/lib/chars";

const OBJ: u8 = 1;
const ARR: u8 = 2;

export class JsonProcessor {
  private path: ByteBuf = new ByteBuf(256);
  private scratch: ByteBuf = new ByteBuf(256);
  private kind: Uint8Array = new Uint8Array(64);
  private index: Int32Array = new Int32Array(64);
  private plen: Int32Array = new Int32Array(64);
  // last parsed string / scalar view
  private sp: usize = 0;
  private sn: i32 = 0;

  private b: usize = 0;
  private n: i32 = 0;

  @inline private ws(i: i32): i32 {
    while (i < this.n) {
      const c = load<u8>(this.b + i);
      if (c != 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) break;
      i++;
    }
    return i;
  }

  /** Parse a string starting at the quote at i; view in sp/sn; returns the index after it or -1. */
  private str(i: i32, r: BodyResult): i32 {
    const b = this.b; const n = this.n;
    let j = i + 1; let esc = false;
    while (j < n) {
      const c = <u32>load<u8>(b + j);
      if (c == 0x22) break;
      if (c < 0x20) { r.fail("JSON: control character in string at offset " + j.toString()); return -1; }
      if (c == 0x5c) { esc = true; j += 2; continue; }
      j++;
    }
    if (j >= n) { r.fail("JSON: unterminated string at offset " + i.toString()); return -1; }
    if (!esc) { this.sp = b + i + 1; this.sn = j - i - 1; return j + 1; }
    const s = this.scratch; const start = s.len;
    let d = s.ptr + <usize>start; let k = i + 1;
    while (k < j) {
      const c = <u32>load<u8>(b + k);
      if (c != 0x5c) { store<u8>(d++, <u8>c); k++; continue; }
      const e = <u32>load<u8>(b + k + 1);
      let out: i32 = -1;
      switch (e) {
        case 0x22: out = 0x22; break; case 0x5c: out = 0x5c; break; case 0x2f: out = 0x2f; break;
        case 0x62: out = 8; break; case 0x66: out = 12; break; case 0x6e: out = 10; break;
        case 0x72: out = 13; break; case 0x74: out = 9; break;
      }
      if (out >= 0) { store<u8>(d++, <u8>out); k += 2; continue; }
      if (e != 0x75 || k + 5 >= j) {
        r.fail("JSON: bad escape at offset " + k.toString()); return -1;
      }
      let cp = this.hex4(b + k + 2);
      if (cp < 0) { r.fail("JSON: bad \\u escape at offset " + k.toString()); return -1; }
      k += 6;
      if (cp >= 0xd800 && cp < 0xdc00) {
        let lo: i32 = -1;
        if (k + 5 < j && load<u8>(b + k) == 0x5c && load<u8>(b + k + 1) == 0x75) lo = this.hex4(b + k + 2);
        if (lo >= 0xdc00 && lo < 0xe000) { cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00); k += 6; }
        else cp = 0xfffd;
      } else if (cp >= 0xdc00 && cp < 0xe000) cp = 0xfffd;
      d = utf8(d, <u32>cp);
    }
    this.sp = s.ptr + <usize>start; this.sn = <i32>(d - this.sp); s.len = start + this.sn;
    return j + 1;
  }

  private hex4(p: usize): i32 {
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const c = <u32>load<u8>(p + k);
      if (!isHex(c)) return -1;
      v = (v << 4) | <i32>hexVal(c);
    }
    return v;
  }

  /** Number or literal at i; view in sp/sn; index after it or -1. */
  private scalar(i: i32, r: BodyResult): i32 {
    const b = this.b; const n = this.n;
    const c = <u32>load<u8>(b + i);
    if (c == 0x74 || c == 0x66 || c == 0x6e) {
      const word = c == 0x74 ? "true" : c == 0x66 ? "false" : "null";
      const m = word.length;
      if (i + m > n) { r.fail("JSON: truncated literal at offset " + i.toString()); return -1; }
      for (let k = 1; k < m; k++) if (<u32>load<u8>(b + i + k) != <u32>word.charCodeAt(k)) { r.fail("JSON: bad literal at offset " + i.toString()); return -1; }
      this.sp = b + i; this.sn = c == 0x6e ? 0 : m;
      return i + m;
    }
    let j = i;
    if (j < n && load<u8>(b + j) == 0x2d) j++;
    if (j >= n || <u32>load<u8>(b + j) - 0x30 >= 10) { r.fail("JSON: unexpected character at offset " + i.toString()); return -1; }
    if (load<u8>(b + j) == 0x30) j++;
    else while (j < n && <u32>load<u8>(b + j) - 0x30 < 10) j++;
    if (j < n && load<u8>(b + j) == 0x2e) {
      j++;
      const f = j;
      while (j < n && <u32>load<u8>(b + j) - 0x30 < 10) j++;
      if (j == f) { r.fail("JSON: bad number at offset " + i.toString()); return -1; }
    }
    if (j < n && (<u32>load<u8>(b + j) | 0x20) == 0x65) {
      j++;
      if (j < n && (load<u8>(b + j) == 0x2b || load<u8>(b + j) == 0x2d)) j++;
      const f = j;
      while (j < n && <u32>load<u8>(b + j) - 0x30 < 10) j++;
      if (j == f) { r.fail("JSON: bad number at offset " + i.toString()); return -1; }
    }
    this.sp = b + i; this.sn = j - i;
    return j;
  }

  private appendIndex(idx: i32, modsec: bool): void {
    const p = this.path;
    p.push(0x2e);
    if (modsec) { p.push(0x61); p.push(0x72); p.push(0x72); p.push(0x61); p.push(0x79); p.push(0x5f); } // "array_"
    appendDec(p, idx);
  }

  /** Parse a key at i (after ws) and set the path; returns index after ':' or -1. */
  private key(i: i32, d: i32, lim: BodyLimits, r: BodyResult): i32 {
    if (i >= this.n || load<u8>(this.b + i) != 0x22) { r.fail(i >= this.n ? "JSON: unexpected end of input" : "JSON: expected a key at offset " + i.toString()); return -1; }
    i = this.str(i, r);
    if (i < 0) return -1;
    const p = this.path;
    p.len = this.plen[d]; p.push(0x2e); p.append(this.sp, this.sn);
    if (p.len > lim.maxNameLen) { r.fail("JSON: name too long (limit " + lim.maxNameLen.toString() + ")"); return -1; }
    i = this.ws(i);
    if (i >= this.n || load<u8>(this.b + i) != 0x3a) { r.fail(i >= this.n ? "JSON: unexpected end of input" : "JSON: expected ':' at offset " + i.toString()); return -1; }
    return i + 1;
  }

  private emit(sink: BodySink, vp: usize, vn: i32, lim: BodyLimits, r: BodyResult): bool {
    if (r.args >= lim.maxArgs) return r.fail("JSON: too many arguments (limit " + lim.maxArgs.toString() + ")");
    if (vn > lim.maxValueLen) return r.fail("JSON: value too long (limit " + lim.maxValueLen.toString() + ")");
    sink.arg(this.path.ptr, this.path.len, vp, vn);
    r.args++;
    return true;
  }

  process(body: usize, n: i32, sink: BodySink, lim: BodyLimits, r: BodyResult): bool {
    r.reset();
    sink.bodyP = body; sink.bodyN = n;
    this.b = body; this.n = n;
    this.scratch.reset(); this.scratch.reserve(n);
    const maxD = lim.maxDepth;
    if (this.kind.length < maxD + 1) {
      this.kind = new Uint8Array(maxD + 1); this.index = new Int32Array(maxD + 1); this.plen = new Int32Array(maxD + 1);
    }
    const modsec = lim.jsonModsecNames;
    const p = this.path; p.reset(); p.push(0x6a); p.push(0x73); p.push(0x6f); p.push(0x6e); // "json"
    let depth = 0;
    let i = this.ws(0);
    if (i >= n) return r.fail("JSON: empty body");
    while (true) {
      // ---- a value starts at i (after whitespace)
      i = this.ws(i);
      if (i >= n) return r.fail("JSON: unexpected end of input");
      const c = <u32>load<u8>(body + i);
      let closedNow = false;
      if (c == 0x7b || c == 0x5b) {
        if (depth >= maxD) return r.fail("JSON: nesting deeper than " + maxD.toString());
        this.kind[depth] = c == 0x7b ? OBJ : ARR; this.index[depth] = 0; this.plen[depth] = p.len;
        depth++;
        i = this.ws(i + 1);
        if (i >= n) return r.fail("JSON: unexpected end of input");
        const e = <u32>load<u8>(body + i);
        if (c == 0x7b) {
          if (e == 0x7d) { i++; depth--; p.len = this.plen[depth]; closedNow = true; }
          else { i = this.key(i, depth - 1, lim, r); if (i < 0) return false; continue; }
        } else {
          if (e == 0x5d) { i++; depth--; p.len = this.plen[depth]; closedNow = true; }
          else { p.len = this.plen[depth - 1]; this.appendIndex(0, modsec); continue; }
        }
      }
      if (!closedNow) {
        if (c == 0x22) i = this.str(i, r); else i = this.scalar(i, r);
        if (i < 0) return false;
        if (depth > 0 && !this.emit(sink, this.sp, this.sn, lim, r)) return false;
      }
      // ---- after a value: ',' or a closer, possibly several closers
      let next = false;
      while (!next) {
        i = this.ws(i);
        if (depth == 0) {
          if (i != n) return r.fail("JSON: trailing data at offset " + i.toString());
          return true;
        }
        if (i >= n) return r.fail("JSON: unexpected end of input");
        const e = <u32>load<u8>(body + i);
        const d = depth - 1;
        const k = this.kind[d];
        if (e == 0x2c) {
          i = this.ws(i + 1);
          this.index[d]++;
          if (k == OBJ) { i = this.key(i, d, lim, r); if (i < 0) return false; }
          else { p.len = this.plen[d]; this.appendIndex(this.index[d], modsec); }
          next = true;
        } else if ((k == OBJ && e == 0x7d) || (k == ARR && e == 0x5d)) {
          i++;
          depth--;
          p.len = this.plen[d];
          if (k == ARR && !modsec) {
            // Coraza: "<path>" = element count of a non-empty array
            const cnt = this.index[d] + 1;
            const s = this.scratch; const start = s.len;
            appendDec(s, cnt);
            if (!this.emit(sink, s.ptr + <usize>start, s.len - start, lim, r)) return false;
            s.len = start;
          }
        } else return r.fail("JSON: expected ',' or '" + (k == OBJ ? "}" : "]") + "' at offset " + i.toString());
      }
    }
    return true;
  }
}

function appendDec(p: ByteBuf, v: i32): void {
  let digits = 1;
  for (let t = v; t >= 10; t /= 10) digits++;
  p.reserve(digits);
  const at = p.ptr + <usize>p.len;
  for (let k = digits - 1; k >= 0; k--) { store<u8>(at + k, <u8>(0x30 + v % 10)); v /= 10; }
  p.len += digits;
}

function utf8(d: usize, cp: u32): usize {
  if (cp < 0x80) store<u8>(d++, <u8>cp);
  else if (cp < 0x800) { store<u8>(d++, <u8>(0xc0 | (cp >> 6))); store<u8>(d++, <u8>(0x80 | (cp & 63))); }
  else if (cp < 0x10000) {
    store<u8>(d++, <u8>(0xe0 | (cp >> 12))); store<u8>(d++, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(d++, <u8>(0x80 | (cp & 63)));
  } else {
    store<u8>(d++, <u8>(0xf0 | (cp >> 18))); store<u8>(d++, <u8>(0x80 | ((cp >> 12) & 63)));
    store<u8>(d++, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(d++, <u8>(0x80 | (cp & 63)));
  }
  return d;
}
