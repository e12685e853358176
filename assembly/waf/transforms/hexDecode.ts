/**
 * hexDecode — ModSecurity `t:hexDecode`: each pair of characters becomes one byte (x2c). Like v3
 * it does not validate: a non-hex character is folded by v3's digit arithmetic, and an odd final
 * character is dropped (v3 reads past the end there; we stop). Returns true unless empty.
 * Example: "5465737443617365" → "TestCase".
 */
import { ByteBuf } from "../bytes";
import { x2c } from "./lib/chars";
export function hexDecode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve((n >> 1) + 1);
  if (n == 0) return false;
  let d = out.ptr;
  for (let i = 0; i + 1 < n; i += 2) store<u8>(d++, <u8>x2c(src + i));
  out.len = <i32>(d - out.ptr); return true;
}
