/**
 * urlDecodeUni — ModSecurity `t:urlDecodeUni`: urlDecode plus the IIS `%uXXXX` form.
 *  - `%XX` (two hex digits) → byte; `+` → space; invalid/truncated `%` escapes kept literally.
 *  - `%uXXXX` / `%UXXXX` with four hex digits → one byte: the best-fit ASCII fold of the code
 *    point when there is one (ModSecurity with the CRS' `SecUnicodeMapFile … 20127`: U+201C → '"',
 *    U+00E9 → 'e', see lib/bestfit.ts), else the LOW byte, plus 0x20 for fullwidth ASCII
 *    (U+FF01..U+FF5E → '!'..'~', the v3 rule: low byte in 0x01..0x5E and high byte FF).
 *  - `%u` with fewer than four hex digits: `%u` is copied and decoding continues after it.
 * Returns whether anything was decoded. Example: "%uff1cscript%u003e" → "<script>".
 */
import { ByteBuf } from "../bytes";
import { isHex, x2c, hexVal } from "./lib/chars";
import { bestFit } from "./lib/bestfit";
export function urlDecodeUni(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let changed = false; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (c == 0x25) {
      const c1 = i + 1 < n ? <u32>load<u8>(src + i + 1) : 0;
      if ((c1 | 0x20) == 0x75) {
        if (i + 5 < n && isHex(load<u8>(src + i + 2)) && isHex(load<u8>(src + i + 3))
            && isHex(load<u8>(src + i + 4)) && isHex(load<u8>(src + i + 5))) {
          const code = (hexVal(load<u8>(src + i + 2)) << 12) | (hexVal(load<u8>(src + i + 3)) << 8)
            | (hexVal(load<u8>(src + i + 4)) << 4) | hexVal(load<u8>(src + i + 5));
          const f = bestFit(code);
          let b: u32;
          if (f >= 0) b = <u32>f;
          else {
            b = code & 0xff;
            if (b > 0 && b < 0x5f && (code >> 8) == 0xff) b += 0x20;
          }
          store<u8>(d++, <u8>b); i += 6; changed = true;
        } else { store<u8>(d++, 0x25); store<u8>(d++, <u8>c1); i += 2; }
      } else if (i + 2 < n && isHex(c1) && isHex(load<u8>(src + i + 2))) {
        store<u8>(d++, <u8>x2c(src + i + 1)); i += 3; changed = true;
      } else { store<u8>(d++, 0x25); i++; }
    } else if (c == 0x2b) { store<u8>(d++, 0x20); i++; changed = true; }
    else { store<u8>(d++, <u8>c); i++; }
  }
  out.len = <i32>(d - out.ptr); return changed;
}
