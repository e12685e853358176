/**
 * parityEven7bit — ModSecurity `t:parityEven7bit`: treats each byte as 7-bit data and sets bit 7
 * so that the byte has even parity (bit 7 cleared when the 8 bits already have even parity).
 * Returns true unless empty. Example: "a" (0x61, 3 ones) → 0xE1.
 */
import { ByteBuf } from "../bytes";
import { parity7 } from "./lib/parity";
export function parityEven7bit(src: usize, n: i32, out: ByteBuf): bool { return parity7(src, n, out, true); }
