/**
 * length — ModSecurity `t:length`: the value becomes the decimal length of the input in bytes.
 * Always returns true (as v3). Example: "0123456789abcdef" → "16"; "" → "0".
 */
import { ByteBuf } from "../bytes";
export function length(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(12);
  let v = <u32>n; let digits = 1;
  for (let t = v; t >= 10; t /= 10) digits++;
  const d = out.ptr;
  for (let k = digits - 1; k >= 0; k--) { store<u8>(d + k, <u8>(0x30 + v % 10)); v /= 10; }
  out.len = digits; return true;
}
