/**
 * utf8toUnicode — ModSecurity v3 `t:utf8toUnicode`: each well-formed UTF-8 multi-byte sequence
 * becomes `%uXXXX` (lower-case hex, at least 4 digits: U+10400 → "%u10400"); ASCII is copied.
 * v3's treatment of bad input, kept exactly:
 *  - a lead byte (C0-F7) whose continuation bytes are missing or wrong is DROPPED and decoding
 *    resumes at the next byte; F5-F7 lead bytes are additionally echoed before the sequence;
 *  - a stray continuation byte or F8-FF is copied as is;
 *  - an overlong sequence or a surrogate (D800-DFFF) is converted AND its lead byte appended;
 *  - a NUL byte that is not the last byte is dropped.
 * Returns whether the output differs from the input (v3 answers false when it only dropped bytes). Example: "é" (C3 A9) → "%u00e9".
 */
import { ByteBuf } from "../bytes";
import { hexDigit, differs } from "./lib/chars";

function emitU(out: ByteBuf, d: usize, v: u32): usize {
  store<u8>(d++, 0x25); store<u8>(d++, 0x75);
  let digits = 1;
  for (let t = v >> 4; t != 0; t >>= 4) digits++;
  for (let k = digits; k < 4; k++) store<u8>(d++, 0x30);
  for (let k = digits - 1; k >= 0; k--) store<u8>(d++, <u8>hexDigit((v >> (k * 4)) & 15));
  return d;
}

export function utf8toUnicode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n * 5 + 8);
  let d = out.ptr; let changed = false; let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    const left = n - i;
    let ulen = 0; let v: u32 = 0;
    if ((c & 0x80) == 0) {
      if (!(c == 0 && left > 1)) store<u8>(d++, <u8>c);
    } else if ((c & 0xe0) == 0xc0) {
      if (left >= 2 && (load<u8>(src + i + 1) & 0xc0) == 0x80) {
        ulen = 2; v = ((c & 0x1f) << 6) | (load<u8>(src + i + 1) & 0x3f);
      } else ulen = -1;
    } else if ((c & 0xf0) == 0xe0) {
      if (left >= 3 && (load<u8>(src + i + 1) & 0xc0) == 0x80 && (load<u8>(src + i + 2) & 0xc0) == 0x80) {
        ulen = 3; v = ((c & 0x0f) << 12) | ((<u32>load<u8>(src + i + 1) & 0x3f) << 6) | (load<u8>(src + i + 2) & 0x3f);
      } else ulen = -1;
    } else if ((c & 0xf8) == 0xf0) {
      if (c >= 0xf5) store<u8>(d++, <u8>c);
      if (left >= 4 && (load<u8>(src + i + 1) & 0xc0) == 0x80 && (load<u8>(src + i + 2) & 0xc0) == 0x80
          && (load<u8>(src + i + 3) & 0xc0) == 0x80) {
        ulen = 4;
        v = ((c & 0x07) << 18) | ((<u32>load<u8>(src + i + 1) & 0x3f) << 12)
          | ((<u32>load<u8>(src + i + 2) & 0x3f) << 6) | (load<u8>(src + i + 3) & 0x3f);
      } else ulen = -1;
    } else store<u8>(d++, <u8>c);
    if (ulen > 0) { d = emitU(out, d, v); changed = true; }
    if (v >= 0xd800 && v <= 0xdfff) store<u8>(d++, <u8>c);
    if ((ulen == 4 && v < 0x10000) || (ulen == 3 && v < 0x800) || (ulen == 2 && v < 0x80)) store<u8>(d++, <u8>c);
    i += ulen > 0 ? ulen : 1;
  }
  out.len = <i32>(d - out.ptr);
  return changed || differs(src, n, out.ptr, out.len);
}
