/**
 * removeCommentsChar — ModSecurity `t:removeCommentsChar`: deletes the comment MARKERS only:
 * `/*`, `*​/`, `<!--`, `-->`, `--`, `#`; the text between them stays.
 * Returns whether any marker was removed. Example: "/* a *​/" → " a ".
 */
import { ByteBuf } from "../bytes";
export function removeCommentsChar(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    const c1 = i + 1 < n ? <u32>load<u8>(src + i + 1) : 0x100;
    if (c == 0x2f && c1 == 0x2a) i += 2;
    else if (c == 0x2a && c1 == 0x2f) i += 2;
    else if (c == 0x3c && c1 == 0x21 && i + 3 < n && load<u8>(src + i + 2) == 0x2d && load<u8>(src + i + 3) == 0x2d) i += 4;
    else if (c == 0x2d && c1 == 0x2d && i + 2 < n && load<u8>(src + i + 2) == 0x3e) i += 3;
    else if (c == 0x2d && c1 == 0x2d) i += 2;
    else if (c == 0x23) i += 1;
    else { store<u8>(d++, <u8>c); i++; }
  }
  out.len = <i32>(d - out.ptr); return out.len != n;
}
