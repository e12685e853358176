/**
 * sqlHexDecode — ModSecurity `t:sqlHexDecode`: a SQL hex literal `0x` + hex pairs (at least one
 * pair; `0X` too) is replaced by the bytes it encodes; an odd trailing digit stays.
 * Returns whether a literal was decoded. Example: "0x414243" → "ABC"; "SELECT 0x6164" → "SELECT ad".
 */
import { ByteBuf } from "../bytes";
import { isHex, x2c } from "./lib/chars";
export function sqlHexDecode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let changed = false; let i = 0;
  while (i < n) {
    if (i + 3 < n && load<u8>(src + i) == 0x30 && (<u32>load<u8>(src + i + 1) | 0x20) == 0x78
        && isHex(load<u8>(src + i + 2)) && isHex(load<u8>(src + i + 3))) {
      i += 2;
      do { store<u8>(d++, <u8>x2c(src + i)); i += 2; }
      while (i + 1 < n && isHex(load<u8>(src + i)) && isHex(load<u8>(src + i + 1)));
      changed = true;
    } else store<u8>(d++, load<u8>(src + i++));
  }
  out.len = <i32>(d - out.ptr); return changed;
}
