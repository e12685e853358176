/**
 * validateUtf8Encoding — true when the value is NOT valid UTF-8: a stray continuation byte, a byte
 * 0xF8–0xFF, a truncated sequence, a bad continuation byte, an overlong form, or a code point above
 * U+10FFFF (ModSecurity's checks; like ModSecurity, encoded surrogates are not flagged). No argument.
 * Example: {"variables": ["ARGS"], "match": {"validateUtf8Encoding": ""}}  ("\xC0\xAF" matches: overlong '/')
 */
import { Operator, OpContext } from "./operator";

export class ValidateUtf8Encoding extends Operator {
  constructor() { super(); this.name = "validateUtf8Encoding"; }
  /** Invalid UTF-8 needs a byte 0x80-0xFF: each is a one-byte literal. */
  literals(): Array<Uint8Array> | null {
    const out = new Array<Uint8Array>(128);
    for (let b = 0; b < 128; b++) { const x = new Uint8Array(1); x[0] = <u8>(0x80 + b); out[b] = x; }
    return out;
  }
  match(p: usize, n: i32, c: OpContext): bool {
    let i = 0;
    while (i < n) {
      const b = <u32>load<u8>(p + i);
      if (b < 0x80) { i++; continue; }
      let need = 0, cp: u32 = 0, min: u32 = 0;
      if ((b & 0xe0) == 0xc0) { need = 1; cp = b & 0x1f; min = 0x80; }
      else if ((b & 0xf0) == 0xe0) { need = 2; cp = b & 0x0f; min = 0x800; }
      else if ((b & 0xf8) == 0xf0) { need = 3; cp = b & 0x07; min = 0x10000; }
      else { c.setFragment(p + i, 1); return true; }
      if (i + need >= n) { c.setFragment(p + i, n - i); return true; }
      for (let k = 1; k <= need; k++) {
        const cb = <u32>load<u8>(p + i + k);
        if ((cb & 0xc0) != 0x80) { c.setFragment(p + i, k + 1); return true; }
        cp = (cp << 6) | (cb & 0x3f);
      }
      if (cp < min || cp > 0x10ffff) { c.setFragment(p + i, need + 1); return true; }
      i += need + 1;
    }
    return false;
  }
}
