/**
 * base64Text — Bulwark's `t:base64Text` (not in ModSecurity): a value that is wholly base64
 * (standard or URL-safe alphabet, optional `=` padding, at least 8 characters) and decodes to
 * text (printable ASCII, tab/CR/LF, or well-formed UTF-8) is replaced by the decoded text; any
 * other value is left unchanged and the answer is false. Unlike `t:base64Decode` it never turns
 * an ordinary word or a random token into garbage, so a rule can apply it to every argument and
 * cookie (with `multiMatch` to also see the raw value). Linear, no allocation beyond `out`.
 * Examples: "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" → "<script>alert(1)</script>";
 * "hello world" → unchanged; "c2Vzc2lvbg" → "session"; "AAECAwQFBgc=" (binary) → unchanged.
 */
import { ByteBuf } from "../bytes";
import { b64ValAny } from "./lib/b64";

export function base64Text(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let m = n;
  while (m > 0 && load<u8>(src + m - 1) == 0x3d) m--;           // strip padding
  if (m < 8 || n - m > 2 || (m & 3) == 1) { out.set(src, n); return false; }
  let d = out.ptr; let x: u32 = 0; let k = 0;
  for (let i = 0; i < m; i++) {
    const v = b64ValAny(<u32>load<u8>(src + i));
    if (v < 0) { out.set(src, n); return false; }
    x = (x << 6) | <u32>v; k++;
    if (k == 4) { store<u8>(d++, <u8>(x >> 16)); store<u8>(d++, <u8>(x >> 8)); store<u8>(d++, <u8>x); k = 0; x = 0; }
  }
  if (k == 2) store<u8>(d++, <u8>(x >> 4));
  else if (k == 3) { store<u8>(d++, <u8>(x >> 10)); store<u8>(d++, <u8>(x >> 2)); }
  const len = <i32>(d - out.ptr);
  // text check: printable ASCII, \t \n \r, or well-formed UTF-8 (no overlongs, no surrogates)
  let i = 0;
  while (i < len) {
    const c = <u32>load<u8>(out.ptr + i);
    if (c < 0x80) {
      if ((c < 0x20 && c != 0x09 && c != 0x0a && c != 0x0d) || c == 0x7f) { out.set(src, n); return false; }
      i++; continue;
    }
    let need = 0; let min: u32 = 0; let cp: u32 = 0;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; cp = c & 0x07; }
    else { out.set(src, n); return false; }
    if (i + need >= len) { out.set(src, n); return false; }
    for (let k2 = 1; k2 <= need; k2++) {
      const cc = <u32>load<u8>(out.ptr + i + k2);
      if ((cc & 0xc0) != 0x80) { out.set(src, n); return false; }
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) { out.set(src, n); return false; }
    i += need + 1;
  }
  out.len = len; return true;
}
