/**
 * md5 — ModSecurity `t:md5`: the value becomes its 16-byte binary MD5 digest (combine with
 * `hexEncode` to get hex text). Always returns true. Example: "" → d41d8cd9…ecf8427e (binary).
 */
import { ByteBuf } from "../bytes";
import { md5 as digest } from "./lib/md5core";
export function md5(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(16);
  digest(src, n, out.ptr); out.len = 16; return true;
}
