/**
 * hexEncode — ModSecurity `t:hexEncode`: every byte as two lower-case hex digits.
 * Returns true unless the input is empty. Example: "Test\0" → "5465737400".
 */
import { ByteBuf } from "../bytes";
import { hexDigit } from "./lib/chars";
export function hexEncode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n * 2);
  let d = out.ptr;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(src + i);
    store<u8>(d++, <u8>hexDigit(c >> 4)); store<u8>(d++, <u8>hexDigit(c & 15));
  }
  out.len = n * 2; return n != 0;
}
