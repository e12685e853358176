/**
 * replaceComments — ModSecurity `t:replaceComments`: each C comment `/* … *​/` becomes ONE space;
 * an unterminated `/*` runs to the end and also becomes one space. A lone `*​/` is kept.
 * Returns whether a comment was found. Example: "a/* x *​/b" → "a b"; "a/* x" → "a ".
 */
import { ByteBuf } from "../bytes";
export function replaceComments(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n + 1);
  let d = out.ptr; let changed = false; let inC = false; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (!inC) {
      if (c == 0x2f && i + 1 < n && load<u8>(src + i + 1) == 0x2a) { inC = true; i += 2; changed = true; }
      else { store<u8>(d++, <u8>c); i++; }
    } else if (c == 0x2a && i + 1 < n && load<u8>(src + i + 1) == 0x2f) {
      inC = false; i += 2; store<u8>(d++, 0x20);
    } else i++;
  }
  if (inC) store<u8>(d++, 0x20);
  out.len = <i32>(d - out.ptr); return changed;
}
