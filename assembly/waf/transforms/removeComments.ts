/**
 * removeComments — ModSecurity v3 `t:removeComments`, byte for byte:
 *  - `/* … *​/` and `<!-- … -->` are removed (an unterminated one runs to the end and leaves ONE
 *    space); after a closing `*​/` or `-->` the next byte is copied unconditionally — at the very
 *    end v3 copies its string terminator, so "/*x*​/" → "\0" (kept, it is v3's observable output);
 *  - `--` or `#` outside a comment: that byte becomes a space and EVERYTHING from there is cut
 *    (SQL line comment), so "a--b" → "a ".
 * Returns whether a comment was found. Example: "Before/* x *​/After" → "BeforeAfter".
 */
import { ByteBuf } from "../bytes";
export function removeComments(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n + 2);
  let d = out.ptr; let changed = false; let inC = false; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (!inC) {
      if (c == 0x2f && i + 1 < n && load<u8>(src + i + 1) == 0x2a) { inC = true; changed = true; i += 2; }
      else if (c == 0x3c && i + 3 < n && load<u8>(src + i + 1) == 0x21 && load<u8>(src + i + 2) == 0x2d
               && load<u8>(src + i + 3) == 0x2d) { inC = true; changed = true; i += 4; }
      else if (c == 0x2d && i + 1 < n && load<u8>(src + i + 1) == 0x2d) { store<u8>(d++, 0x20); changed = true; break; }
      else if (c == 0x23) { store<u8>(d++, 0x20); changed = true; break; }
      else { store<u8>(d++, <u8>c); i++; }
    } else {
      let close = 0;
      if (c == 0x2a && i + 1 < n && load<u8>(src + i + 1) == 0x2f) close = 2;
      else if (c == 0x2d && i + 2 < n && load<u8>(src + i + 1) == 0x2d && load<u8>(src + i + 2) == 0x3e) close = 3;
      if (close) {
        inC = false; i += close;
        store<u8>(d++, i < n ? load<u8>(src + i) : 0); i++;
      } else i++;
    }
  }
  if (inC) store<u8>(d++, 0x20);
  out.len = <i32>(d - out.ptr); return changed;
}
