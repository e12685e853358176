/**
 * cssDecode — ModSecurity `t:cssDecode` (CSS 2 escapes):
 *  - `\` + 1..6 hex digits → one byte: 1 digit → its value; 2-3 → the last two; 4 → the last two,
 *    +0x20 when the escape is fullwidth ASCII (FF01..FF5E); 5 (first '0') and 6 (first two '00')
 *    likewise with the fullwidth check; one whitespace byte after the escape is swallowed;
 *  - `\` + newline → nothing (line continuation); `\` + other byte → that byte;
 *  - a trailing lone `\` is dropped.
 * Returns whether a backslash was consumed (v3 does not count `\\C` → C; we do, so that false
 * always means output == input). Example: "\\3c script" → "<script".
 */
import { ByteBuf } from "../bytes";
import { isHex, isSpace, hexVal, x2c } from "./lib/chars";
export function cssDecode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let changed = false; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (c != 0x5c) { store<u8>(d++, <u8>c); i++; continue; }
    if (i + 1 >= n) { i++; changed = true; continue; }
    i++;
    let j = 0;
    while (j < 6 && i + j < n && isHex(load<u8>(src + i + j))) j++;
    if (j > 0) {
      let b: u32; let full = false;
      if (j == 1) b = hexVal(load<u8>(src + i));
      else {
        b = x2c(src + i + j - 2);
        if (j == 4) full = true;
        else if (j == 5) full = load<u8>(src + i) == 0x30;
        else if (j == 6) full = load<u8>(src + i) == 0x30 && load<u8>(src + i + 1) == 0x30;
      }
      if (full && b > 0 && b < 0x5f && (<u32>load<u8>(src + i + j - 3) | 0x20) == 0x66
          && (<u32>load<u8>(src + i + j - 4) | 0x20) == 0x66) b += 0x20;
      store<u8>(d++, <u8>b);
      if (i + j < n && isSpace(load<u8>(src + i + j))) j++;
      i += j; changed = true;
    } else if (load<u8>(src + i) == 0x0a) { i++; changed = true; }
    else { store<u8>(d++, load<u8>(src + i)); i++; changed = true; }
  }
  out.len = <i32>(d - out.ptr); return changed;
}
