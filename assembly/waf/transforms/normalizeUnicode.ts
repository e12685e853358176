/**
 * normalizeUnicode — Bulwark's `t:normalizeUnicode` (not in ModSecurity): folds the Unicode
 * forms attackers use to smuggle ASCII past byte-level patterns back to ASCII, leaving every
 * other byte as it is:
 *   - overlong UTF-8 encodings of ASCII (C0 AE, E0 80 AE, F0 80 80 AE → "."), the classic
 *     `%c0%ae%c0%ae/` traversal once URL-decoded;
 *   - fullwidth forms U+FF01–U+FF5E (EF BC 81 … EF BD 9E) → U+0021–U+007E ("ｓｅｌｅｃｔ" → "select");
 *   - ideographic space U+3000 → " "; U+2215 DIVISION SLASH → "/"; U+2216 SET MINUS and
 *     U+FE68 SMALL REVERSE SOLIDUS → "\" (best-fit mappings Windows applies to paths).
 * Invalid or truncated sequences are copied unchanged. Linear, no allocation beyond `out`.
 * Returns whether anything was folded. Example: "\xc0\xae\xc0\xae/etc" → "../etc".
 */
import { ByteBuf } from "../bytes";
export function normalizeUnicode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let changed = false;
  let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(src + i);
    if (c < 0xc0) { store<u8>(d++, <u8>c); i++; continue; }
    let cp: u32 = 0xffffffff; let len = 0;
    if (c < 0xe0) {
      if (i + 1 < n) {
        const c1 = <u32>load<u8>(src + i + 1);
        if ((c1 & 0xc0) == 0x80) { cp = ((c & 0x1f) << 6) | (c1 & 0x3f); len = 2; }
      }
    } else if (c < 0xf0) {
      if (i + 2 < n) {
        const c1 = <u32>load<u8>(src + i + 1), c2 = <u32>load<u8>(src + i + 2);
        if ((c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80) { cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f); len = 3; }
      }
    } else if (c < 0xf8) {
      if (i + 3 < n) {
        const c1 = <u32>load<u8>(src + i + 1), c2 = <u32>load<u8>(src + i + 2), c3 = <u32>load<u8>(src + i + 3);
        if ((c1 & 0xc0) == 0x80 && (c2 & 0xc0) == 0x80 && (c3 & 0xc0) == 0x80) {
          cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f); len = 4;
        }
      }
    }
    let a: i32 = -1;
    if (len > 0) {
      if (cp < 0x80) a = <i32>cp;                                   // overlong ASCII (len ≥ 2)
      else if (cp >= 0xff01 && cp <= 0xff5e) a = <i32>(cp - 0xfee0);
      else if (cp == 0x3000) a = 0x20;
      else if (cp == 0x2215) a = 0x2f;
      else if (cp == 0x2216 || cp == 0xfe68) a = 0x5c;
    }
    if (a >= 0) { store<u8>(d++, <u8>a); i += len; changed = true; continue; }
    const m = len > 0 ? len : 1;                                      // copy the sequence (or one stray byte)
    for (let k = 0; k < m; k++) store<u8>(d++, load<u8>(src + i + k));
    i += m;
  }
  out.len = <i32>(d - out.ptr); return changed;
}
