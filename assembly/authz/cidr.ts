// IP addresses and CIDR blocks for `ipBlocks`, `remoteIpBlocks`, `source.ip`, `remote.ip` and
// `destination.ip`. Istio: "Single IP (e.g. 203.0.113.4) and CIDR (e.g. 203.0.113.0/24) are
// supported"; IPv6 likewise (2001:db8::/32). A single IP is a /32 (IPv4) or /128 (IPv6) block.
// IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are treated as the IPv4 address they carry, so a
// dual-stack listener cannot dodge an IPv4 block.
// Argument: text (configuration) or bytes (request). Result: IpAddr / Cidr, or null when invalid.
// Example: parseCidr("10.0.0.0/8")!.matches(parseIpBytes(utf8("10.1.2.3"))) == true

export class IpAddr {
  b: StaticArray<u8> = new StaticArray<u8>(16); // IPv4 in b[0..4]
  v4: bool = false;

  toString(): string {
    if (this.v4) return this.b[0].toString() + "." + this.b[1].toString() + "." + this.b[2].toString() + "." + this.b[3].toString();
    let s = "";
    for (let i = 0; i < 8; i++) {
      if (i) s += ":";
      s += ((<u32>this.b[2 * i] << 8) | this.b[2 * i + 1]).toString(16);
    }
    return s;
  }
}

function hexv(c: u32): i32 {
  if (c - 0x30 < 10) return <i32>(c - 0x30);
  const l = c | 0x20;
  if (l - 0x61 < 6) return <i32>(l - 0x57);
  return -1;
}

function parseV4(p: usize, n: i32, out: StaticArray<u8>, at: i32): bool {
  let part = 0, val = 0, digits = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? <u32>load<u8>(p + i) : 0x2e;
    if (c == 0x2e) {
      if (digits == 0 || part > 3) return false;
      out[at + part] = <u8>val;
      part++; val = 0; digits = 0;
    } else if (c - 0x30 < 10) {
      if (digits > 0 && val == 0) return false; // no leading zeros (ambiguous octal)
      val = val * 10 + <i32>(c - 0x30);
      digits++;
      if (val > 255) return false;
    } else return false;
  }
  return part == 4;
}

function parseV6(p: usize, n: i32, a: IpAddr): bool {
  const words = new StaticArray<i32>(8);
  let nw = 0, gap = -1, i = 0;
  if (n >= 2 && load<u8>(p) == 0x3a && load<u8>(p + 1) == 0x3a) { gap = 0; i = 2; if (n == 2) { return true; } }
  else if (n >= 1 && load<u8>(p) == 0x3a) return false;
  while (i < n) {
    // a group: up to 4 hex digits, or a trailing dotted IPv4
    let j = i, v = 0;
    while (j < n && j - i < 5) {
      const h = hexv(load<u8>(p + j));
      if (h < 0) break;
      v = (v << 4) | h; j++;
    }
    if (j < n && load<u8>(p + j) == 0x2e) {
      if (nw > 6) return false;
      const tmp = new StaticArray<u8>(4);
      if (!parseV4(p + i, n - i, tmp, 0)) return false;
      words[nw++] = (<i32>tmp[0] << 8) | tmp[1];
      words[nw++] = (<i32>tmp[2] << 8) | tmp[3];
      i = n;
      break;
    }
    if (j == i || j - i > 4 || nw >= 8) return false;
    words[nw++] = v;
    i = j;
    if (i == n) break;
    if (load<u8>(p + i) != 0x3a) return false;
    i++;
    if (i < n && load<u8>(p + i) == 0x3a) {
      if (gap >= 0) return false;
      gap = nw; i++;
      if (i == n) break;
    } else if (i == n) return false; // trailing single ':'
  }
  if (gap < 0 && nw != 8) return false;
  if (gap >= 0 && nw > 7) return false;
  const fill = 8 - nw;
  let o = 0;
  for (let k = 0; k < nw; k++) {
    if (k == gap) o += fill;
    a.b[2 * o] = <u8>(words[k] >> 8); a.b[2 * o + 1] = <u8>words[k]; o++;
  }
  return true;
}

/** Parses an IPv4 or IPv6 address (no port, no zone). IPv4-mapped IPv6 becomes IPv4. */
export function parseIpPtr(p: usize, n: i32): IpAddr | null {
  if (n <= 0 || n > 45) return null;
  const a = new IpAddr();
  let colon = false;
  for (let i = 0; i < n; i++) if (load<u8>(p + i) == 0x3a) { colon = true; break; }
  if (!colon) {
    if (!parseV4(p, n, a.b, 0)) return null;
    a.v4 = true;
    return a;
  }
  if (!parseV6(p, n, a)) return null;
  let mapped = a.b[10] == 0xff && a.b[11] == 0xff;
  for (let i = 0; i < 10 && mapped; i++) if (a.b[i] != 0) mapped = false;
  if (mapped) {
    for (let i = 0; i < 4; i++) a.b[i] = a.b[12 + i];
    for (let i = 4; i < 16; i++) a.b[i] = 0;
    a.v4 = true;
  }
  return a;
}

export function parseIp(s: string): IpAddr | null {
  const b = String.UTF8.encode(s);
  return parseIpPtr(changetype<usize>(b), b.byteLength);
}

/** An address as Envoy reports it in `source.address`: "10.0.0.1:1234", "[::1]:1234" or a bare IP. */
export function parseHostPort(v: ArrayBuffer | null): IpAddr | null {
  if (v == null) return null;
  const p = changetype<usize>(v), n = v.byteLength;
  if (n == 0) return null;
  if (load<u8>(p) == 0x5b) { // [v6]:port
    let e = 1;
    while (e < n && load<u8>(p + e) != 0x5d) e++;
    return e < n ? parseIpPtr(p + 1, e - 1) : null;
  }
  let colons = 0, last = -1;
  for (let i = 0; i < n; i++) if (load<u8>(p + i) == 0x3a) { colons++; last = i; }
  if (colons == 1) return parseIpPtr(p, last);
  return parseIpPtr(p, n);
}

export class Cidr {
  addr: IpAddr = new IpAddr();
  bits: i32 = 0;
  src: string = "";

  matches(ip: IpAddr | null): bool {
    if (ip == null || ip.v4 != this.addr.v4) return false;
    const full = this.bits >> 3, rest = this.bits & 7;
    for (let i = 0; i < full; i++) if (unchecked(ip.b[i]) != unchecked(this.addr.b[i])) return false;
    if (rest) {
      const mask = <u8>(<u32>0xff << <u32>(8 - rest));
      if ((unchecked(ip.b[full]) & mask) != (unchecked(this.addr.b[full]) & mask)) return false;
    }
    return true;
  }
}

/** "203.0.113.0/24", "203.0.113.4", "2001:db8::/32"; null when invalid. */
export function parseCidr(s: string): Cidr | null {
  const slash = s.indexOf("/");
  const ip = parseIp(slash < 0 ? s : s.substring(0, slash));
  if (ip == null) return null;
  const max = ip.v4 ? 32 : 128;
  let bits = max;
  if (slash >= 0) {
    const t = s.substring(slash + 1);
    if (t.length == 0 || t.length > 3) return null;
    bits = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return null;
      bits = bits * 10 + (c - 0x30);
    }
    if (ip.v4 && s.substring(0, slash).includes(":")) bits -= 96; // ::ffff:a.b.c.d/120
    if (bits < 0 || bits > max) return null;
  }
  const c = new Cidr();
  c.addr = ip; c.bits = bits; c.src = s;
  return c;
}

export function anyCidr(cs: Array<Cidr>, ip: IpAddr | null): bool {
  if (ip == null) return false;
  for (let i = 0; i < cs.length; i++) if (unchecked(cs[i]).matches(ip)) return true;
  return false;
}
