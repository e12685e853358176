/**
 * none — ModSecurity `t:none`: no transformation. In a rule it also clears the transformations
 * inherited from defaults (the engine handles that); applied to a value it copies it unchanged.
 * Returns false (never changes). Rule example: {"transformations": ["none", "lowercase"]}
 */
import { ByteBuf } from "../bytes";
export function none(src: usize, n: i32, out: ByteBuf): bool { out.set(src, n); return false; }
