/**
 * Byte classes and hex helpers shared by the transformations, with ModSecurity's exact
 * definitions (C locale `isspace`, `VALID_HEX`, `x2c`).
 */

/** C `isspace` in the C locale: space, \t \n \v \f \r. */
@inline export function isSpace(c: u32): bool { return c == 0x20 || (c >= 0x09 && c <= 0x0d); }
@inline export function isDigit(c: u32): bool { return c - 0x30 < 10; }
@inline export function isOctal(c: u32): bool { return c - 0x30 < 8; }
@inline export function isHex(c: u32): bool { return c - 0x30 < 10 || (c | 0x20) - 0x61 < 6; }
@inline export function isAlnum(c: u32): bool { return c - 0x30 < 10 || (c | 0x20) - 0x61 < 26; }
/** Value of one hex digit, computed like ModSecurity's `xsingle2c` (defined for any byte). */
@inline export function hexVal(c: u32): u32 { return (c >= 0x41 ? ((c & 0xdf) - 0x41) + 10 : c - 0x30) & 0xff; }
/** Two hex digits at p → one byte (ModSecurity `x2c`). */
@inline export function x2c(p: usize): u32 {
  return ((hexVal(load<u8>(p)) << 4) + hexVal(load<u8>(p + 1))) & 0xff;
}
/** Lower-case hex digit for a nibble. */
@inline export function hexDigit(v: u32): u32 { return v < 10 ? 0x30 + v : 0x57 + v; }
/** ASCII lower / upper case (C locale tolower/toupper). */
@inline export function lower(c: u32): u32 { return c - 0x41 < 26 ? c | 0x20 : c; }
@inline export function upper(c: u32): u32 { return c - 0x61 < 26 ? c & 0xdf : c; }

/** Whether [out.ptr, out.len) differs from [src, n): the exact "changed" answer. */
// (out is passed as pointer + length to keep this file free of imports)
export function differs(src: usize, n: i32, p: usize, m: i32): bool {
  return n != m || memory.compare(src, p, n) != 0;
}
