/**
 * base64Encode — ModSecurity `t:base64Encode`: standard base64 with `=` padding.
 * Returns true unless the input is empty. Example: "TestCase" → "VGVzdENhc2U=".
 */
import { ByteBuf } from "../bytes";
import { B64_ALPHABET } from "./lib/b64";
export function base64Encode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(((n + 2) / 3) * 4 + 4);
  if (n == 0) return false;
  const a = changetype<usize>(B64_ALPHABET);  // UTF-16: char k at a + 2k
  let d = out.ptr; let i = 0;
  while (i + 3 <= n) {
    const x = (<u32>load<u8>(src + i) << 16) | (<u32>load<u8>(src + i + 1) << 8) | <u32>load<u8>(src + i + 2);
    store<u8>(d++, load<u8>(a + ((x >> 18) & 63) * 2)); store<u8>(d++, load<u8>(a + ((x >> 12) & 63) * 2));
    store<u8>(d++, load<u8>(a + ((x >> 6) & 63) * 2)); store<u8>(d++, load<u8>(a + (x & 63) * 2));
    i += 3;
  }
  const r = n - i;
  if (r > 0) {
    const x = (<u32>load<u8>(src + i) << 16) | (r == 2 ? <u32>load<u8>(src + i + 1) << 8 : 0);
    store<u8>(d++, load<u8>(a + ((x >> 18) & 63) * 2)); store<u8>(d++, load<u8>(a + ((x >> 12) & 63) * 2));
    store<u8>(d++, r == 2 ? load<u8>(a + ((x >> 6) & 63) * 2) : 0x3d); store<u8>(d++, 0x3d);
  }
  out.len = <i32>(d - out.ptr); return true;
}
