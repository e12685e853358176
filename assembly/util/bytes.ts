// Byte helpers for the hot path: comparisons on raw memory, ASCII case folding, JSON escaping.

@inline export function lowerByte(c: u32): u32 { return c - 0x41 < 26 ? c | 0x20 : c; }

/** Whether [p, p+n) equals `lower` (already lower case) ignoring ASCII case. */
export function equalsFold(p: usize, n: i32, lower: ArrayBuffer): bool {
  if (n != lower.byteLength) return false;
  const q = changetype<usize>(lower);
  for (let i = 0; i < n; i++) if (lowerByte(load<u8>(p + i)) != <u32>load<u8>(q + i)) return false;
  return true;
}

export function startsWith(p: usize, n: i32, prefix: ArrayBuffer): bool {
  const m = prefix.byteLength;
  return m <= n && memory.compare(p, changetype<usize>(prefix), m) == 0;
}

export function equalsBytes(p: usize, n: i32, b: ArrayBuffer): bool {
  return n == b.byteLength && memory.compare(p, changetype<usize>(b), n) == 0;
}

/** [a, a+n) and [b, b+n) hold the same bytes (8 at a time). */
export function sameBytes(a: usize, b: usize, n: i32): bool {
  let i = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(a + <usize>i) != load<u64>(b + <usize>i)) return false;
  for (; i < n; i++) if (load<u8>(a + <usize>i) != load<u8>(b + <usize>i)) return false;
  return true;
}

export function lowerUtf8(s: string): ArrayBuffer {
  const b = String.UTF8.encode(s);
  const p = changetype<usize>(b);
  for (let i = 0; i < b.byteLength; i++) store<u8>(p + i, lowerByte(load<u8>(p + i)));
  return b;
}

const HEX = "0123456789abcdef";
/** A JSON string literal (with quotes) for `s`. */
export function jsonString(s: string): string {
  let out = "\"";
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c != 0x22 && c != 0x5c && c != 0x2028 && c != 0x2029) continue;
    out += s.substring(run, i);
    if (c == 0x22) out += "\\\"";
    else if (c == 0x5c) out += "\\\\";
    else if (c == 0x0a) out += "\\n";
    else if (c == 0x0d) out += "\\r";
    else if (c == 0x09) out += "\\t";
    else out += "\\u" + HEX.charAt((c >> 12) & 15) + HEX.charAt((c >> 8) & 15) + HEX.charAt((c >> 4) & 15) + HEX.charAt(c & 15);
    run = i + 1;
  }
  return out + s.substring(run) + "\"";
}
