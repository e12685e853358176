/**
 * replaceNulls — ModSecurity `t:replaceNulls`: every NUL (0x00) byte becomes a space.
 * Returns whether any was replaced. Example: "Test\0Case" → "Test Case".
 */
import { ByteBuf } from "../bytes";
export function replaceNulls(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  const d = out.ptr; let changed = false;
  for (let i = 0; i < n; i++) {
    const c = load<u8>(src + i);
    if (c == 0) { store<u8>(d + i, 0x20); changed = true; } else store<u8>(d + i, c);
  }
  out.len = n; return changed;
}
