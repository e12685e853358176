// Spec helpers: hex <-> bytes.
export function fromHex(s: string): Uint8Array {
  const n = s.length >> 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = <u8>I32.parseInt(s.substr(i * 2, 2), 16);
  return out;
}
export function toHex(p: usize, n: i32): string {
  const digits = "0123456789abcdef";
  let s = "";
  for (let i = 0; i < n; i++) {
    const b = load<u8>(p + i);
    s += digits.charAt(b >> 4) + digits.charAt(b & 15);
  }
  return s;
}
export function ascii(s: string): Uint8Array {
  return Uint8Array.wrap(String.UTF8.encode(s));
}
