/**
 * removeNulls — ModSecurity `t:removeNulls`: drops every NUL (0x00) byte.
 * Returns whether any was removed. Example: "Test\0\0Case" → "TestCase".
 */
import { ByteBuf } from "../bytes";
export function removeNulls(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr;
  for (let i = 0; i < n; i++) { const c = load<u8>(src + i); if (c != 0) store<u8>(d++, c); }
  out.len = <i32>(d - out.ptr); return out.len != n;
}
