// Workload identity and the client address.
//
// Peer identity: with `connection.mtls` true, the peer certificate's URI SAN is a SPIFFE ID,
// spiffe://<trust domain>/ns/<namespace>/sa/<service account>. Istio's `principals` and
// `source.principal` use it without the scheme ("cluster.local/ns/default/sa/productpage");
// `namespaces` / `source.namespace` the namespace; `serviceAccounts` "<namespace>/<service account>".
// A URI SAN that is not spiffe:// gives no identity. Without mTLS there is no peer identity.
//
// remote.ip: Envoy's `xff_num_trusted_hops` / Istio's `numTrustedProxies`: "When this option is set
// to value N greater than zero, the trusted client address is assumed to be the Nth address from
// the right end of the X-Forwarded-For (XFF) header". With N = 0, or fewer than N addresses, or an
// unparsable entry, the client address is the connection's peer (`source.address`).
// Example: parseSpiffe("spiffe://cluster.local/ns/shop/sa/backend").namespace == "shop"
import { IpAddr, parseIpPtr } from "./cidr";

export class PeerIdentity {
  principal: ArrayBuffer | null = null;      // cluster.local/ns/shop/sa/backend
  trustDomain: ArrayBuffer | null = null;    // cluster.local
  namespace: ArrayBuffer | null = null;      // shop
  serviceAccount: ArrayBuffer | null = null; // shop/backend
}

const SCHEME = "spiffe://";

function enc(s: string): ArrayBuffer { return String.UTF8.encode(s); }

export function parseSpiffe(uri: string): PeerIdentity {
  const id = new PeerIdentity();
  if (!uri.startsWith(SCHEME)) return id;
  const rest = uri.substring(SCHEME.length);
  const slash = rest.indexOf("/");
  if (slash <= 0) return id;
  id.principal = enc(rest);
  id.trustDomain = enc(rest.substring(0, slash));
  const segs = rest.substring(slash + 1).split("/");
  if (segs.length >= 4 && segs[0] == "ns" && segs[2] == "sa" && segs[1].length > 0 && segs[3].length > 0) {
    id.namespace = enc(segs[1]);
    id.serviceAccount = enc(segs[1] + "/" + segs[3]);
  }
  return id;
}

function sliceEq(p: usize, a: i32, b: i32, lit: string): bool {
  if (b - a != lit.length) return false;
  for (let i = 0; i < lit.length; i++) if (<i32>load<u8>(p + a + i) != lit.charCodeAt(i)) return false;
  return true;
}

/** parseSpiffe on the SAN's bytes, without building strings when they are ASCII (the usual case;
 *  other bytes go through parseSpiffe so invalid UTF-8 is treated exactly as there). */
export function parseSpiffeBytes(b: ArrayBuffer): PeerIdentity {
  const p = changetype<usize>(b), n = b.byteLength;
  for (let i = 0; i < n; i++) if (load<u8>(p + i) >= 0x80) return parseSpiffe(String.UTF8.decode(b));
  const id = new PeerIdentity();
  const s0 = SCHEME.length;
  if (n < s0 || !sliceEq(p, 0, s0, SCHEME)) return id;
  let slash = s0;
  while (slash < n && load<u8>(p + slash) != 0x2f) slash++;
  if (slash == n || slash == s0) return id;
  id.principal = b.slice(s0, n);
  id.trustDomain = b.slice(s0, slash);
  // segments after the trust domain: ns / <namespace> / sa / <service account> [/ ...]
  const e = new StaticArray<i32>(5); // ends of the first four segments
  let start = slash + 1, k = 0, i = start;
  while (k < 4) {
    while (i < n && load<u8>(p + i) != 0x2f) i++;
    unchecked(e[k] = i);
    k++;
    if (i >= n) break;
    i++;
  }
  if (k < 4) return id;
  const s1 = unchecked(e[0]) + 1, s2 = unchecked(e[1]) + 1, s3 = unchecked(e[2]) + 1;
  if (sliceEq(p, start, unchecked(e[0]), "ns") && sliceEq(p, s2, unchecked(e[2]), "sa") &&
      unchecked(e[1]) > s1 && unchecked(e[3]) > s3) {
    id.namespace = b.slice(s1, unchecked(e[1]));
    const nl = unchecked(e[1]) - s1, sl = unchecked(e[3]) - s3;
    const sa = new ArrayBuffer(nl + 1 + sl);
    const q = changetype<usize>(sa);
    memory.copy(q, p + s1, nl);
    store<u8>(q + nl, 0x2f);
    memory.copy(q + nl + 1, p + s3, sl);
    id.serviceAccount = sa;
  }
  return id;
}

/** The client address per trusted hops; `xff` is every x-forwarded-for value joined by ",". */
export function remoteAddress(xff: ArrayBuffer | null, hops: i32, peer: IpAddr | null): IpAddr | null {
  if (hops <= 0 || xff == null) return peer;
  const p = changetype<usize>(xff), n = xff.byteLength;
  // walk entries from the right
  let end = n, seen = 0;
  while (end >= 0) {
    let start = end - 1;
    while (start >= 0 && load<u8>(p + start) != 0x2c) start--;
    seen++;
    if (seen == hops) {
      let a = start + 1, b = end;
      while (a < b && (load<u8>(p + a) == 0x20 || load<u8>(p + a) == 0x09)) a++;
      while (b > a && (load<u8>(p + b - 1) == 0x20 || load<u8>(p + b - 1) == 0x09)) b--;
      const ip = parseIpPtr(p + a, b - a);
      return ip == null ? peer : ip;
    }
    if (start < 0) break;
    end = start;
  }
  return peer;
}
