/**
 * Best-fit folding of a BMP code point to one ASCII byte, used by urlDecodeUni for `%uXXXX`.
 * ModSecurity applies the table of its `SecUnicodeMapFile` (the CRS images load codepage 20127,
 * US-ASCII); this is our own compact table of the folds that matter for detection: Latin-1
 * letters to their base letter, Latin-1 symbols, typographic quotes/dashes/spaces and spacing
 * modifiers. Returns -1 when the code point has no fold (the caller then uses the low byte,
 * with ModSecurity's fullwidth rule).
 */
// Latin-1 U+00A0..U+00FF; '\0' = no fold.
const LATIN1 = "\x20!c\0$Y|\0\0Ca<\0-R\0\0\x0023\0\0\0.,1o>\0\0\0\0AAAAAAACEEEEIIIIDNOOOOO\0OUUUUY\0\0aaaaaaaceeeeiiii\0nooooo\0ouuuuy\0y";

export function bestFit(code: u32): i32 {
  if (code >= 0xa0 && code <= 0xff) {
    const c = LATIN1.charCodeAt(code - 0xa0);
    return c == 0 ? -1 : c;
  }
  if (code >= 0x2000 && code <= 0x200a) return 0x20;     // en quad … hair space
  switch (code) {
    case 0x02c4: case 0x02c6: return 0x5e;                // ^
    case 0x02c8: case 0x2032: case 0x2018: case 0x2019: case 0x201b: return 0x27; // '
    case 0x02cb: case 0x2035: return 0x60;                // `
    case 0x02cd: return 0x5f;                             // _
    case 0x02dc: return 0x7e;                             // ~
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: return 0x2d; // -
    case 0x201a: return 0x2c;                             // ,
    case 0x201c: case 0x201d: case 0x201e: case 0x2033: return 0x22; // "
    case 0x2022: case 0x2024: case 0x2026: return 0x2e;   // .
    case 0x2039: return 0x3c;                             // <
    case 0x203a: return 0x3e;                             // >
    case 0x2044: case 0x2215: return 0x2f;                // /
    case 0x2216: return 0x5c;                             // backslash
    case 0x3000: return 0x20;                             // ideographic space
  }
  return -1;
}
