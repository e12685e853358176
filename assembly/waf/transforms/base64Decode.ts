/**
 * base64Decode — `t:base64Decode`: decodes standard base64 (RFC 4648 alphabet). CR/LF are
 * skipped; decoding STOPS at the first `=`, space or byte outside the alphabet, and what was
 * decoded so far is the result (a trailing partial quantum of 2 or 3 characters yields 1 or 2
 * bytes). This is Coraza's / ModSecurity v2's lenient behaviour: ModSecurity v3 hands the value
 * to mbedtls' strict decoder and yields "" for any invalid input, which makes the rule blind to
 * "payload!" style evasions, so we keep the prefix. Returns true unless the input is empty.
 * Example: "VGVzdENhc2U=" → "TestCase"; "VGVzdA" → "Test".
 */
import { ByteBuf } from "../bytes";
import { b64Val } from "./lib/b64";
export function base64Decode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve((n >> 2) * 3 + 3);
  if (n == 0) return false;
  let d = out.ptr; let x: u32 = 0; let k = 0;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(src + i);
    if (c == 0x0d || c == 0x0a) continue;
    const v = b64Val(c);
    if (v < 0) break;
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
