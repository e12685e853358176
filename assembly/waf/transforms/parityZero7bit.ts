/**
 * parityZero7bit — ModSecurity `t:parityZero7bit`: clears bit 7 of every byte.
 * Returns true unless empty. Example: 0xC1 → "A".
 */
import { ByteBuf } from "../bytes";
export function parityZero7bit(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  for (let i = 0; i < n; i++) store<u8>(out.ptr + i, load<u8>(src + i) & 0x7f);
  out.len = n; return n != 0;
}
