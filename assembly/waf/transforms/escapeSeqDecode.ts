/**
 * escapeSeqDecode — ModSecurity `t:escapeSeqDecode` (ANSI C escapes):
 *  `\a \b \f \n \r \t \v \\ \? \' \"` → their bytes; `\xHH` (exactly two hex digits) → byte;
 *  `\O` `\OO` `\OOO` octal (value modulo 256: "\666" → 0xB6); any other `\C` (including an
 *  invalid `\x`) → C without the backslash; a trailing lone `\` is kept.
 * Returns whether an escape was processed. Example: "\\x41\\n\\101" → "A\nA".
 */
import { ByteBuf } from "../bytes";
import { isHex, isOctal, x2c } from "./lib/chars";
export function escapeSeqDecode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let changed = false; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (c != 0x5c || i + 1 >= n) { store<u8>(d++, <u8>c); i++; continue; }
    const e = <u32>load<u8>(src + i + 1);
    let v: i32 = -1;
    switch (e) {
      case 0x61: v = 7; break; case 0x62: v = 8; break; case 0x66: v = 12; break; case 0x6e: v = 10; break;
      case 0x72: v = 13; break; case 0x74: v = 9; break; case 0x76: v = 11; break;
      case 0x5c: case 0x3f: case 0x27: case 0x22: v = <i32>e; break;
    }
    if (v >= 0) i += 2;
    else if (e == 0x78 || e == 0x58) {
      if (i + 3 < n && isHex(load<u8>(src + i + 2)) && isHex(load<u8>(src + i + 3))) { v = <i32>x2c(src + i + 2); i += 4; }
    } else if (isOctal(e)) {
      let j = 1;
      while (j < 3 && i + 1 + j < n && isOctal(load<u8>(src + i + 1 + j))) j++;
      let o: u32 = 0;
      for (let k = 0; k < j; k++) o = (o << 3) | (<u32>load<u8>(src + i + 1 + k) - 0x30);
      v = <i32>(o & 0xff); i += 1 + j;
    }
    if (v < 0) { store<u8>(d++, <u8>e); i += 2; }
    else store<u8>(d++, <u8>v);
    changed = true;
  }
  out.len = <i32>(d - out.ptr); return changed;
}
