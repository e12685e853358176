/**
 * uppercase — ModSecurity `t:uppercase`: ASCII a-z → A-Z (C locale `toupper`), other bytes kept.
 * Returns whether any byte changed. Example: "Test\0Case" → "TEST\0CASE".
 */
import { ByteBuf } from "../bytes";
import { upper } from "./lib/chars";
export function uppercase(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  const d = out.ptr; let changed = false;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(src + i); const u = upper(c);
    if (u != c) changed = true;
    store<u8>(d + i, <u8>u);
  }
  out.len = n; return changed;
}
