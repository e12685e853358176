/**
 * compressWhitespace — ModSecurity v3 `t:compressWhitespace`: each run of C-locale whitespace
 * (space \t \n \v \f \r) becomes one space. (v2 also counted 0xA0; v3 does not, nor do we.)
 * Returns whether the output differs. Example: "  a \t\n b " → " a b ".
 */
import { ByteBuf } from "../bytes";
import { isSpace, differs } from "./lib/chars";
export function compressWhitespace(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let inWs = false;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(src + i);
    if (isSpace(c)) { if (!inWs) { inWs = true; store<u8>(d++, 0x20); } }
    else { inWs = false; store<u8>(d++, <u8>c); }
  }
  out.len = <i32>(d - out.ptr); return differs(src, n, out.ptr, out.len);
}
