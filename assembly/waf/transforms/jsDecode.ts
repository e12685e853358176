/**
 * jsDecode — ModSecurity `t:jsDecode`: JavaScript escapes.
 *  - `\uHHHH` → the LOW byte; fullwidth ASCII (`\uFF01`..`\uFF5E`) → that byte + 0x20;
 *  - `\xHH` → byte;
 *  - `\OOO` octal, 1-3 digits, only 2 when the first is > '3' (one byte max);
 *  - `\a \b \f \n \r \t \v` → control bytes; any other `\C` → C (so `\u` → "u", `\\` → "\");
 *  - a trailing lone `\` is kept.
 * Returns whether any escape was decoded. Example: "\\x3cscript\\u003e" → "<script>".
 */
import { ByteBuf } from "../bytes";
import { isHex, isOctal, x2c } from "./lib/chars";
export function jsDecode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let changed = false; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (c != 0x5c) { store<u8>(d++, <u8>c); i++; continue; }
    if (i + 1 >= n) { store<u8>(d++, <u8>c); i++; continue; }
    const e = <u32>load<u8>(src + i + 1);
    if (i + 5 < n && e == 0x75 && isHex(load<u8>(src + i + 2)) && isHex(load<u8>(src + i + 3))
        && isHex(load<u8>(src + i + 4)) && isHex(load<u8>(src + i + 5))) {
      let b = x2c(src + i + 4);
      if (b > 0 && b < 0x5f && (<u32>load<u8>(src + i + 2) | 0x20) == 0x66 && (<u32>load<u8>(src + i + 3) | 0x20) == 0x66) b += 0x20;
      store<u8>(d++, <u8>b); i += 6;
    } else if (i + 3 < n && e == 0x78 && isHex(load<u8>(src + i + 2)) && isHex(load<u8>(src + i + 3))) {
      store<u8>(d++, <u8>x2c(src + i + 2)); i += 4;
    } else if (isOctal(e)) {
      let j = 1;
      while (j < 3 && i + 1 + j < n && isOctal(load<u8>(src + i + 1 + j))) j++;
      if (j == 3 && e > 0x33) j = 2;
      let v: u32 = 0;
      for (let k = 0; k < j; k++) v = (v << 3) | (<u32>load<u8>(src + i + 1 + k) - 0x30);
      store<u8>(d++, <u8>v); i += 1 + j;
    } else {
      let b = e;
      switch (e) {
        case 0x61: b = 7; break; case 0x62: b = 8; break; case 0x66: b = 12; break;
        case 0x6e: b = 10; break; case 0x72: b = 13; break; case 0x74: b = 9; break; case 0x76: b = 11; break;
      }
      store<u8>(d++, <u8>b); i += 2;
    }
    changed = true;
  }
  out.len = <i32>(d - out.ptr); return changed;
}
