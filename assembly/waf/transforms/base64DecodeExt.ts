/**
 * base64DecodeExt — ModSecurity `t:base64DecodeExt` (Base64::decode_forgiven): forgiving base64.
 * Every byte outside the alphabet (spaces, '.', '%', …) is skipped and decoding goes on; `=` is
 * ignored, except that an `=` arriving right after the first character of a quantum and not
 * followed by another `=` makes the whole result empty (v3's rule). A trailing partial quantum
 * yields its complete bytes. Returns true unless the input is empty.
 * Example: "P.HNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" → "<script>alert(1)</script>".
 */
import { ByteBuf } from "../bytes";
import { b64Val } from "./lib/b64";
export function base64DecodeExt(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve((n >> 2) * 3 + 3);
  if (n == 0) return false;
  let d = out.ptr; let x: u32 = 0; let k = 0;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(src + i);
    if (c == 0x3d) {
      const next = i + 1 < n ? <u32>load<u8>(src + i + 1) : 0;
      if (next != 0x3d && k == 1) { out.len = 0; return true; }
      continue;
    }
    const v = b64Val(c);
    if (v < 0) continue;
    x = (x << 6) | <u32>v; k++;
    if (k == 4) {
      store<u8>(d++, <u8>(x >> 16)); store<u8>(d++, <u8>(x >> 8)); store<u8>(d++, <u8>x);
      k = 0; x = 0;
    }
  }
  if (k == 2) store<u8>(d++, <u8>(x >> 4));
  else if (k == 3) { store<u8>(d++, <u8>(x >> 10)); store<u8>(d++, <u8>(x >> 2)); }
  out.len = <i32>(d - out.ptr); return true;
}
