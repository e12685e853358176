/**
 * parityOdd7bit — ModSecurity `t:parityOdd7bit`: like parityEven7bit with odd parity.
 * Returns true unless empty. Example: "c" (0x63, 4 ones) → 0xE3.
 */
import { ByteBuf } from "../bytes";
import { parity7 } from "./lib/parity";
export function parityOdd7bit(src: usize, n: i32, out: ByteBuf): bool { return parity7(src, n, out, false); }
