// Request-path normalisation for matching (not for forwarding): the query and fragment are cut,
// percent-encoded bytes are decoded once (so `/%2e%2e/` and `/%61dmin` cannot dodge a prefix),
// backslashes become slashes, repeated slashes merge, and `.`/`..` segments are resolved as
// RFC 3986 section 5.2.4 says. The result is bounded by the input length; one linear pass each.
import { ByteBuf } from "../waf/bytes";

function hexVal(c: u32): i32 {
  if (c - 0x30 < 10) return <i32>(c - 0x30);
  const l = c | 0x20;
  if (l - 0x61 < 6) return <i32>(l - 0x57);
  return -1;
}

export function normalizePathForMatch(p: usize, n: i32): ArrayBuffer {
  const b = new ByteBuf(n + 2);
  normalizePathInto(p, n, b);
  const out = new ArrayBuffer(b.len);
  memory.copy(changetype<usize>(out), b.ptr, b.len);
  return out;
}

/** normalizePathForMatch into `out` (reset first; nothing allocated once `out` is large enough). */
export function normalizePathInto(p: usize, n: i32, out: ByteBuf): void {
  out.reset();
  out.reserve(n + 2);
  const q = out.ptr;
  // most paths have nothing to decode, map or resolve (no '%' or '\\', no "//" and no segment
  // starting with '.' before the query): they normalise to themselves
  if (n > 0 && load<u8>(p) == 0x2f) {
    let i = 1, prev: u32 = 0x2f;
    for (; i < n; i++) {
      const c = <u32>load<u8>(p + i);
      if (c == 0x3f || c == 0x23) break;
      if (c == 0x25 || c == 0x5c || (prev == 0x2f && (c == 0x2f || c == 0x2e))) { i = -1; break; }
      prev = c;
    }
    if (i > 0) { memory.copy(q, p, <usize>i); out.len = i; return; }
  }
  // 1. cut query / fragment, decode %XX, map '\' to '/'
  let m = 0;
  store<u8>(q + m++, 0x2f); // always absolute
  let i = 0;
  while (i < n) {
    let c = <u32>load<u8>(p + i);
    if (c == 0x3f || c == 0x23) break;
    if (c == 0x25 && i + 2 < n) {
      const h = hexVal(load<u8>(p + i + 1)), l = hexVal(load<u8>(p + i + 2));
      if (h >= 0 && l >= 0) { c = <u32>((h << 4) | l); i += 2; }
    }
    if (c == 0x5c) c = 0x2f;
    store<u8>(q + m++, <u8>c);
    i++;
  }
  // 2. merge slashes and resolve dot segments in place (the write position never passes the
  //    read position): each kept segment is written as "/seg"
  let o = 0;
  let s = 0;
  let trailing = false;
  while (s < m) {
    let e = s + 1;
    while (e < m && load<u8>(q + e) != 0x2f) e++;
    const len = e - s - 1;
    const last = e == m;
    if (len == 0 || (len == 1 && load<u8>(q + s + 1) == 0x2e)) {
      trailing = last;
    } else if (len == 2 && load<u8>(q + s + 1) == 0x2e && load<u8>(q + s + 2) == 0x2e) {
      while (o > 0 && load<u8>(q + o - 1) != 0x2f) o--;
      if (o > 0) o--;
      trailing = last;
    } else {
      store<u8>(q + o++, 0x2f);
      for (let k = s + 1; k < e; k++) store<u8>(q + o++, load<u8>(q + k));
      trailing = false;
    }
    s = e;
  }
  if (trailing || o == 0) store<u8>(q + o++, 0x2f);
  out.len = o;
}
