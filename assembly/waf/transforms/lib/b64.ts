/** Base64 alphabet helpers (RFC 4648 §4). */
/** 6-bit value of a base64 alphabet byte, or -1. */
@inline export function b64Val(c: u32): i32 {
  if (c - 0x41 < 26) return <i32>(c - 0x41);
  if (c - 0x61 < 26) return <i32>(c - 0x61 + 26);
  if (c - 0x30 < 10) return <i32>(c - 0x30 + 52);
  if (c == 0x2b) return 62;
  if (c == 0x2f) return 63;
  return -1;
}
/** 6-bit value of a standard or URL-safe (RFC 4648 §5: - and _) alphabet byte, or -1. */
@inline export function b64ValAny(c: u32): i32 {
  if (c == 0x2d) return 62;
  if (c == 0x5f) return 63;
  return b64Val(c);
}
export const B64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
