// The request path as authorization sees it, normalised like Envoy under Istio's
// MeshConfig.pathNormalization (ProxyPathNormalization):
//   NONE                      the path as received (query and fragment cut)
//   BASE                      Envoy `normalize_path`: RFC 3986 dot segments resolved, percent-encoded
//                             unreserved characters decoded once (%2e → ".", %41 → "A"), other
//                             escapes kept (hex upper-cased), backslashes become forward slashes
//   MERGE_SLASHES             BASE, then Envoy `merge_slashes`: "//" → "/"
//   DECODE_AND_MERGE_SLASHES  %2F/%5C decoded first (Envoy `path_with_escaped_slashes_action:
//                             UNESCAPE_AND_FORWARD`), then MERGE_SLASHES
// Istio's order: "1. Percent-decode %2F, %2f, %5C and %5c. 2. The RFC 3986 and other normalization
// implemented by the normalize_path option in Envoy. 3. Merge slashes."
// The query (`?`) and fragment (`#`, ISTIO-SECURITY-2021-008 / CVE-2021-39156) are never part of
// the matched path. A `%00` anywhere makes the request invalid (Istio: "The request will always be
// rejected with HTTP code 400"): `normalizePath` returns null.
// Argument: raw `:path` bytes and the mode. Result: the normalised path; linear in the input.
// Example: normalizePath("/a/./b/../c%2fd", BASE) == "/a/c%2Fd"; with DECODE_AND_MERGE_SLASHES "/a/c/d"

export const NORM_NONE: i32 = 0;
export const NORM_BASE: i32 = 1;
export const NORM_MERGE_SLASHES: i32 = 2;
export const NORM_DECODE_AND_MERGE_SLASHES: i32 = 3;
export const NORM_NAMES: Array<string> = ["NONE", "BASE", "MERGE_SLASHES", "DECODE_AND_MERGE_SLASHES"];

function hexv(c: u32): i32 {
  if (c - 0x30 < 10) return <i32>(c - 0x30);
  const l = c | 0x20;
  if (l - 0x61 < 6) return <i32>(l - 0x57);
  return -1;
}

@inline function unreserved(c: u32): bool {
  return (c - 0x30 < 10) || ((c | 0x20) - 0x61 < 26) || c == 0x2d || c == 0x2e || c == 0x5f || c == 0x7e;
}

const HEXU = "0123456789ABCDEF";

/** When the path (up to `?`/`#`) is already normal under every mode — absolute, no `%`, no
 *  backslash, no "//", no "." or ".." segment — the length of that part, else -1. Then every
 *  mode's result is exactly those bytes, so callers can skip the copies below. */
export function plainPathEnd(p: usize, n: i32): i32 {
  if (n == 0 || load<u8>(p) != 0x2f) return -1;
  let i = 0;
  while (i < n) {
    const c = load<u8>(p + i);
    if (c == 0x3f || c == 0x23) break;
    if (c == 0x25 || c == 0x5c) return -1;
    if (c == 0x2f && i + 1 < n) {
      const d = load<u8>(p + i + 1);
      if (d == 0x2f) return -1;
      if (d == 0x2e) {
        // "/." or "/.." as a whole segment
        let k = i + 2;
        if (k < n && load<u8>(p + k) == 0x2e) k++;
        if (k == n) return -1;
        const e = load<u8>(p + k);
        if (e == 0x2f || e == 0x3f || e == 0x23) return -1;
      }
    }
    i++;
  }
  return i;
}

/** The normalised path, or null when the request must be rejected (400). */
export function normalizePath(p: usize, n: i32, mode: i32): ArrayBuffer | null {
  let end = 0;
  while (end < n) { const c = load<u8>(p + end); if (c == 0x3f || c == 0x23) break; end++; }
  for (let i = 0; i + 2 < end; i++) {
    if (load<u8>(p + i) == 0x25 && load<u8>(p + i + 1) == 0x30 && load<u8>(p + i + 2) == 0x30) return null;
  }
  if (mode == NORM_NONE) {
    const out = new ArrayBuffer(end);
    memory.copy(changetype<usize>(out), p, end);
    return out;
  }
  // 1. decode (unreserved always; %2F/%5C with DECODE_AND_MERGE_SLASHES); '\' → '/'
  const tmp = new Uint8Array(end + 1);
  const t = tmp.dataStart;
  let m = 0;
  if (end == 0 || (load<u8>(p) != 0x2f && load<u8>(p) != 0x5c)) store<u8>(t + m++, 0x2f); // always absolute
  let i = 0;
  while (i < end) {
    let c = <u32>load<u8>(p + i);
    if (c == 0x25 && i + 2 < end) {
      const h = hexv(load<u8>(p + i + 1)), l = hexv(load<u8>(p + i + 2));
      if (h >= 0 && l >= 0) {
        const d = <u32>((h << 4) | l);
        if (unreserved(d) || (mode == NORM_DECODE_AND_MERGE_SLASHES && (d == 0x2f || d == 0x5c))) {
          c = d; i += 2;
        } else {
          // kept escaped, with upper-case hex as Envoy's canonicaliser writes it
          if (m + 3 > tmp.length) break;
          store<u8>(t + m++, 0x25);
          store<u8>(t + m++, <u8>HEXU.charCodeAt(h));
          store<u8>(t + m++, <u8>HEXU.charCodeAt(l));
          i += 3;
          continue;
        }
      }
    }
    if (c == 0x5c) c = 0x2f;
    store<u8>(t + m++, <u8>c);
    i++;
  }
  // 2. RFC 3986 5.2.4 dot segments over "/seg" units (empty segments kept); 3. merge slashes
  const merge = mode >= NORM_MERGE_SLASHES;
  const out = new Uint8Array(m + 1);
  const o0 = out.dataStart;
  let o = 0, s = 0;
  let trailing = false;
  while (s < m) {
    let e = s + 1;
    while (e < m && load<u8>(t + e) != 0x2f) e++;
    const len = e - s - 1;
    const last = e == m;
    if (len == 1 && load<u8>(t + s + 1) == 0x2e) {
      trailing = last;
    } else if (len == 2 && load<u8>(t + s + 1) == 0x2e && load<u8>(t + s + 2) == 0x2e) {
      // drop the previous "/seg" unit (possibly an empty one)
      if (o > 0) { o--; while (o > 0 && load<u8>(o0 + o) != 0x2f) o--; }
      trailing = last;
    } else {
      store<u8>(o0 + o++, 0x2f);
      for (let k = s + 1; k < e; k++) store<u8>(o0 + o++, load<u8>(t + k));
      trailing = false;
    }
    s = e;
  }
  if (trailing || o == 0) store<u8>(o0 + o++, 0x2f);
  if (!merge) return out.buffer.slice(0, o);
  let w = 0;
  for (let r = 0; r < o; r++) {
    const c = load<u8>(o0 + r);
    if (c == 0x2f && w > 0 && load<u8>(o0 + w - 1) == 0x2f) continue;
    store<u8>(o0 + w++, c);
  }
  return out.buffer.slice(0, w);
}
