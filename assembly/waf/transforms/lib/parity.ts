/** Shared by parityEven7bit / parityOdd7bit: sets bit 7 so the byte's parity is even (or odd). */
import { ByteBuf } from "../../bytes";
export function parity7(src: usize, n: i32, out: ByteBuf, even: bool): bool {
  out.reset(); out.reserve(n);
  for (let i = 0; i < n; i++) {
    const x = <u32>load<u8>(src + i);
    const odd = ((0x6996 >> ((x ^ (x >> 4)) & 15)) & 1) != 0; // parity of the 8 bits
    store<u8>(out.ptr + i, <u8>((even ? odd : !odd) ? x | 0x80 : x & 0x7f));
  }
  out.len = n; return n != 0;
}
