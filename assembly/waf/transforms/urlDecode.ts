/**
 * urlDecode — ModSecurity `t:urlDecode` (utils::urldecode_nonstrict_inplace): `%XX` with two hex
 * digits → that byte; `+` → space; an invalid or truncated escape (`%`, `%4`, `%zz`, `%4g`) is
 * kept literally and decoding resumes at the next byte (so "%%41" → "%A"). No %u handling.
 * Returns whether anything was decoded. Example: "a%20b+c%zz" → "a b c%zz".
 */
import { ByteBuf } from "../bytes";
import { isHex, x2c } from "./lib/chars";
export function urlDecode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let changed = false; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (c == 0x25) {
      if (i + 2 < n && isHex(load<u8>(src + i + 1)) && isHex(load<u8>(src + i + 2))) {
        store<u8>(d++, <u8>x2c(src + i + 1)); i += 3; changed = true;
      } else { store<u8>(d++, 0x25); i++; }
    } else if (c == 0x2b) { store<u8>(d++, 0x20); i++; changed = true; }
    else { store<u8>(d++, <u8>c); i++; }
  }
  out.len = <i32>(d - out.ptr); return changed;
}
