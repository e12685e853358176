/**
 * ipMatch — true when the value (an IPv4 or IPv6 address in text form, e.g. REMOTE_ADDR) is inside
 * one of the listed addresses or CIDR blocks. Argument: comma-separated IPv4/IPv6 addresses, each
 * optionally with "/prefix" ("10.0.0.0/8, 192.168.1.7, 2001:db8::/32"). Compiled once; a value that
 * is not an address never matches. IPv4 and IPv6 are separate families (no v4-mapped folding).
 * Example: {"variables": ["REMOTE_ADDR"], "match": {"ipMatch": "10.0.0.0/8,::1"}, "action": "allow"}
 */
import { Operator, OpContext, OpError } from "./operator";

export class IpMatch extends Operator {
  // each entry: 16 address bytes, then prefix length and family (4 or 6)
  nets: Array<StaticArray<u8>> = [];
  prefixes: Array<i32> = [];
  families: Array<i32> = [];
  private scratch: StaticArray<u8> = new StaticArray<u8>(16);

  static create(arg: string, err: OpError): IpMatch {
    const op = new IpMatch();
    op.name = "ipMatch";
    let i = 0;
    const n = arg.length;
    while (i <= n) {
      let j = arg.indexOf(",", i); if (j < 0) j = n;
      const start = i;
      const part = arg.substring(i, j).trim();
      i = j + 1;
      if (part.length == 0) continue;
      const slash = part.indexOf("/");
      const addr = slash < 0 ? part : part.substring(0, slash);
      const b = String.UTF8.encode(addr);
      const a = new StaticArray<u8>(16);
      const fam = parseIp(changetype<usize>(b), b.byteLength, a);
      if (fam == 0) { err.set("not an IPv4 or IPv6 address: '" + addr + "'", start); continue; }
      const max = fam == 4 ? 32 : 128;
      let pfx = max;
      if (slash >= 0) {
        const ps = part.substring(slash + 1);
        pfx = -1;
        if (ps.length > 0 && ps.length <= 3) {
          pfx = 0;
          for (let k = 0; k < ps.length; k++) {
            const d = ps.charCodeAt(k) - 0x30;
            if (d < 0 || d > 9) { pfx = -1; break; }
            pfx = pfx * 10 + d;
          }
        }
        if (pfx < 0 || pfx > max) { err.set("bad prefix length '/" + ps + "' (0.." + max.toString() + ")", start); continue; }
      }
      op.nets.push(a); op.prefixes.push(pfx); op.families.push(fam);
    }
    if (op.nets.length == 0) err.set("no addresses given");
    return op;
  }

  match(p: usize, n: i32, c: OpContext): bool {
    const a = this.scratch;
    const fam = parseIp(p, n, a);
    if (fam == 0) return false;
    for (let k = 0; k < this.nets.length; k++) {
      if (this.families[k] != fam) continue;
      if (prefixEquals(a, this.nets[k], this.prefixes[k])) return true;
    }
    return false;
  }
}

function prefixEquals(a: StaticArray<u8>, b: StaticArray<u8>, bits: i32): bool {
  let i = 0;
  for (; bits >= 8; bits -= 8, i++) if (a[i] != b[i]) return false;
  if (bits == 0) return true;
  const mask = <u8>(<i32>0xff << (8 - bits));
  return (a[i] & mask) == (b[i] & mask);
}

/** Parses an IPv4 (dotted quad) or IPv6 (RFC 4291 text, with `::` and a trailing dotted quad)
 *  address into `out` (4 or 16 bytes used); returns 4, 6 or 0 when it is not an address. */
export function parseIp(p: usize, n: i32, out: StaticArray<u8>): i32 {
  if (n <= 0 || n > 45) return 0;
  let hasColon = false;
  for (let i = 0; i < n; i++) if (load<u8>(p + i) == 0x3a) { hasColon = true; break; }
  if (!hasColon) return parseV4(p, n, out, 0) ? 4 : 0;
  return parseV6(p, n, out) ? 6 : 0;
}

function parseV4(p: usize, n: i32, out: StaticArray<u8>, at: i32): bool {
  let part = 0, v = 0, digits = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? <u32>load<u8>(p + i) : 0x2e;
    if (c == 0x2e) {
      if (digits == 0 || part > 3) return false;
      out[at + part] = <u8>v; part++; v = 0; digits = 0;
      continue;
    }
    const d = c - 0x30;
    if (d >= 10) return false;
    if (digits > 0 && v == 0) return false; // no leading zeros (ambiguous octal)
    v = v * 10 + <i32>d; digits++;
    if (v > 255) return false;
  }
  return part == 4;
}

@inline function hexv(c: u32): i32 {
  if (c - 0x30 < 10) return <i32>(c - 0x30);
  const l = c | 0x20;
  if (l - 0x61 < 6) return <i32>(l - 0x61 + 10);
  return -1;
}

function parseV6(p: usize, n: i32, out: StaticArray<u8>): bool {
  // groups before and after "::"
  const g = new StaticArray<i32>(8);
  let count = 0, gap = -1, i = 0;
  if (n >= 2 && load<u8>(p) == 0x3a) {
    if (load<u8>(p + 1) != 0x3a) return false;
    gap = 0; i = 2;
    if (i == n) { for (let k = 0; k < 16; k++) out[k] = 0; return true; }
  }
  while (i < n) {
    // a trailing dotted quad
    let j = i, dot = false;
    while (j < n && load<u8>(p + j) != 0x3a) { if (load<u8>(p + j) == 0x2e) dot = true; j++; }
    if (dot) {
      if (j != n || count > 6) return false;
      const tmp = new StaticArray<u8>(16);
      if (!parseV4(p + i, n - i, tmp, 0)) return false;
      g[count++] = (<i32>tmp[0] << 8) | tmp[1];
      g[count++] = (<i32>tmp[2] << 8) | tmp[3];
      i = n;
      break;
    }
    if (j == i || j - i > 4 || count >= 8) return false;
    let v = 0;
    for (let k = i; k < j; k++) { const h = hexv(load<u8>(p + k)); if (h < 0) return false; v = (v << 4) | h; }
    g[count++] = v;
    i = j;
    if (i < n) {
      i++; // ':'
      if (i < n && load<u8>(p + i) == 0x3a) { if (gap >= 0) return false; gap = count; i++; }
      else if (i == n) return false; // trailing single ':'
    }
  }
  if (gap < 0 && count != 8) return false;
  if (gap >= 0 && count > 7) return false;
  const tail = gap < 0 ? 0 : count - gap;
  for (let k = 0; k < 16; k++) out[k] = 0;
  const head = gap < 0 ? count : gap;
  for (let k = 0; k < head; k++) { out[k * 2] = <u8>(g[k] >> 8); out[k * 2 + 1] = <u8>g[k]; }
  for (let k = 0; k < tail; k++) {
    const dst = 8 - tail + k;
    out[dst * 2] = <u8>(g[gap + k] >> 8); out[dst * 2 + 1] = <u8>g[gap + k];
  }
  return true;
}
