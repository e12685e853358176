/**
 * removeWhitespace — ModSecurity v3 `t:removeWhitespace`: drops every C-locale whitespace byte
 * (space \t \n \v \f \r) and, as v3 does for the non-breaking space, every 0xA0 and 0xC2 byte
 * (so the UTF-8 NBSP C2 A0 disappears whole). Returns whether anything was removed.
 * Example: "  Test \t Case  " → "TestCase".
 */
import { ByteBuf } from "../bytes";
import { isSpace } from "./lib/chars";
export function removeWhitespace(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(src + i);
    if (isSpace(c) || c == 0xa0 || c == 0xc2) continue;
    store<u8>(d++, <u8>c);
  }
  out.len = <i32>(d - out.ptr); return out.len != n;
}
