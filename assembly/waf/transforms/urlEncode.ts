/**
 * urlEncode — ModSecurity `t:urlEncode`: space → `+`; `*`, 0-9, A-Z, a-z kept; every other byte
 * → `%xx` (lower-case hex). Returns whether anything was encoded. Example: "a b/c" → "a+b%2fc".
 */
import { ByteBuf } from "../bytes";
import { hexDigit } from "./lib/chars";
export function urlEncode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n * 3);
  let d = out.ptr; let changed = false;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(src + i);
    if (c == 0x20) { store<u8>(d++, 0x2b); changed = true; }
    else if (c == 0x2a || c - 0x30 < 10 || c - 0x41 < 26 || c - 0x61 < 26) store<u8>(d++, <u8>c);
    else { store<u8>(d++, 0x25); store<u8>(d++, <u8>hexDigit(c >> 4)); store<u8>(d++, <u8>hexDigit(c & 15)); changed = true; }
  }
  out.len = <i32>(d - out.ptr); return changed;
}
