/**
 * sha1 — ModSecurity `t:sha1`: the value becomes its 20-byte binary SHA-1 digest (CRS uses
 * `t:sha1,t:hexEncode`). Always returns true. Example: "abc" → a9993e36…9cd0d89d (binary).
 */
import { ByteBuf } from "../bytes";
import { sha1 as digest } from "./lib/sha1core";
export function sha1(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(20);
  digest(src, n, out.ptr); out.len = 20; return true;
}
