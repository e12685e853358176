/**
 * trimLeft — ModSecurity `t:trimLeft`: removes leading C-locale whitespace.
 * Returns whether anything was removed. Example: "  a  " → "a  ".
 */
import { ByteBuf } from "../bytes";
import { isSpace } from "./lib/chars";
export function trimLeft(src: usize, n: i32, out: ByteBuf): bool {
  let a = 0;
  while (a < n && isSpace(load<u8>(src + a))) a++;
  out.set(src + a, n - a); return a != 0;
}
