/**
 * trim — ModSecurity `t:trim`: removes C-locale whitespace (space \t \n \v \f \r) from both ends.
 * Returns whether anything was removed. Example: " \t a b \r\n" → "a b".
 */
import { ByteBuf } from "../bytes";
import { isSpace } from "./lib/chars";
export function trim(src: usize, n: i32, out: ByteBuf): bool {
  let a = 0; let b = n;
  while (a < b && isSpace(load<u8>(src + a))) a++;
  while (b > a && isSpace(load<u8>(src + b - 1))) b--;
  out.set(src + a, b - a); return b - a != n;
}
