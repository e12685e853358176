/**
 * trimRight — ModSecurity `t:trimRight`: removes trailing C-locale whitespace.
 * Returns whether anything was removed. Example: "  a  " → "  a".
 */
import { ByteBuf } from "../bytes";
import { isSpace } from "./lib/chars";
export function trimRight(src: usize, n: i32, out: ByteBuf): bool {
  let b = n;
  while (b > 0 && isSpace(load<u8>(src + b - 1))) b--;
  out.set(src, b); return b != n;
}
