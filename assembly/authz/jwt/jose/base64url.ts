// Strict base64url (RFC 4648 §5) as JWS requires it (RFC 7515 §2 "Base64url Encoding": no padding,
// no line breaks, whitespace or other additional characters).
//
// Decoding refuses everything a lenient decoder would let through, because each leniency is a
// signature malleability (Wycheproof json_web_signature_test.json "base64" group): characters
// outside [A-Za-z0-9_-] (including '=', '+', '/', spaces), a length ≡ 1 (mod 4), and non-zero
// unused bits in the last character ("AB" decodes to the same byte as "AA" in lenient decoders).
//
// Argument: bytes at [p, p+n); `out` must hold decodedLen(n) bytes.
// Result: the number of bytes written, or -1 when the input is not canonical base64url.
// Example: decodeB64url(ptr("Zm9v"), 4, out) == 3  ("foo"); decodeB64url(ptr("Zm9="), 4, out) == -1

const INVALID: u8 = 0xff;
const TABLE = new StaticArray<u8>(256);
function initTable(): void {
  for (let i = 0; i < 256; i++) unchecked(TABLE[i] = INVALID);
  for (let i = 0; i < 26; i++) { unchecked(TABLE[0x41 + i] = <u8>i); unchecked(TABLE[0x61 + i] = <u8>(26 + i)); }
  for (let i = 0; i < 10; i++) unchecked(TABLE[0x30 + i] = <u8>(52 + i));
  unchecked(TABLE[0x2d] = 62); // '-'
  unchecked(TABLE[0x5f] = 63); // '_'
}
initTable();

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Bytes that `n` base64url characters decode to (an upper bound when n % 4 == 1, which is invalid). */
@inline export function decodedLen(n: i32): i32 { return (n >> 2) * 3 + ((n & 3) == 0 ? 0 : (n & 3) - 1); }

export function decodeB64url(p: usize, n: i32, out: usize): i32 {
  if (n < 0 || (n & 3) == 1) return -1;
  const tbl = changetype<usize>(TABLE);
  let o: usize = out;
  let i = 0;
  const full = n & ~3;
  for (; i < full; i += 4) {
    const a = <u32>load<u8>(tbl + <usize>load<u8>(p + i));
    const b = <u32>load<u8>(tbl + <usize>load<u8>(p + i + 1));
    const c = <u32>load<u8>(tbl + <usize>load<u8>(p + i + 2));
    const d = <u32>load<u8>(tbl + <usize>load<u8>(p + i + 3));
    if ((a | b | c | d) & 0xc0) return -1;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    store<u8>(o, <u8>(v >> 16)); store<u8>(o + 1, <u8>(v >> 8)); store<u8>(o + 2, <u8>v);
    o += 3;
  }
  const rest = n - full;
  if (rest == 2) {
    const a = <u32>load<u8>(tbl + <usize>load<u8>(p + i));
    const b = <u32>load<u8>(tbl + <usize>load<u8>(p + i + 1));
    if ((a | b) & 0xc0) return -1;
    if (b & 0x0f) return -1; // unused bits must be zero
    store<u8>(o, <u8>((a << 2) | (b >> 4))); o += 1;
  } else if (rest == 3) {
    const a = <u32>load<u8>(tbl + <usize>load<u8>(p + i));
    const b = <u32>load<u8>(tbl + <usize>load<u8>(p + i + 1));
    const c = <u32>load<u8>(tbl + <usize>load<u8>(p + i + 2));
    if ((a | b | c) & 0xc0) return -1;
    if (c & 0x03) return -1;
    const v = (a << 10) | (b << 4) | (c >> 2);
    store<u8>(o, <u8>(v >> 8)); store<u8>(o + 1, <u8>v); o += 2;
  }
  return <i32>(o - out);
}

/** Decodes a base64url string (configuration: JWK fields) into a new buffer, or null if not canonical. */
export function decodeB64urlString(s: string): Uint8Array | null {
  const raw = String.UTF8.encode(s);
  const n = raw.byteLength;
  if ((n & 3) == 1) return null;
  const out = new Uint8Array(decodedLen(n));
  const got = decodeB64url(changetype<usize>(raw), n, out.dataStart);
  if (got < 0) return null;
  return out;
}

/** base64url without padding (used for outputPayloadToHeader when re-encoding is needed). */
export function encodeB64url(p: usize, n: i32): string {
  let s = "";
  let i = 0;
  for (; i + 3 <= n; i += 3) {
    const v = (<u32>load<u8>(p + i) << 16) | (<u32>load<u8>(p + i + 1) << 8) | <u32>load<u8>(p + i + 2);
    s += ALPHABET.charAt((v >> 18) & 63) + ALPHABET.charAt((v >> 12) & 63) + ALPHABET.charAt((v >> 6) & 63) + ALPHABET.charAt(v & 63);
  }
  if (n - i == 1) {
    const v = <u32>load<u8>(p + i) << 16;
    s += ALPHABET.charAt((v >> 18) & 63) + ALPHABET.charAt((v >> 12) & 63);
  } else if (n - i == 2) {
    const v = (<u32>load<u8>(p + i) << 16) | (<u32>load<u8>(p + i + 1) << 8);
    s += ALPHABET.charAt((v >> 18) & 63) + ALPHABET.charAt((v >> 12) & 63) + ALPHABET.charAt((v >> 6) & 63);
  }
  return s;
}
