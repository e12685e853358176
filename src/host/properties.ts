// Property values as Envoy serialises them for proxy_get_property.
//   envoy source/extensions/common/wasm/context.cc: Context::getProperty walks the NUL-separated path
//     (first segment via findValue, then map lookups), unknown segments give NotFound;
//     serializeValue: strings/bytes raw, int64/uint64/double/bool in host byte order (little endian,
//     bool is 1 byte), timestamps/durations as int64 nanoseconds, maps/lists as header-map pairs.
//   envoy source/extensions/filters/common/expr/context.cc: RequestWrapper / ResponseWrapper /
//     ConnectionWrapper / PeerWrapper define request.path, request.url_path, request.host,
//     request.scheme, request.method, request.headers, request.referer, request.useragent,
//     request.time, request.id, request.protocol, request.query, request.size, response.code,
//     response.code_details, response.headers, response.size, source.address/port …
import type { HeaderList } from "./headers.ts";
import { metadataProperty, PropertyError, type DynamicMetadata } from "./pbstruct.ts";

export type PropertyValue = string | Uint8Array | boolean | number | bigint;

const enc = new TextEncoder();

/** Envoy serializeValue for the JS value kinds the host accepts. */
export function encodeProperty(v: PropertyValue): Uint8Array {
  if (typeof v === "string") return latin1OrUtf8(v);
  if (v instanceof Uint8Array) return v;
  if (typeof v === "boolean") return new Uint8Array([v ? 1 : 0]); // C++ bool: one byte
  const out = new Uint8Array(8);
  const dv = new DataView(out.buffer);
  if (typeof v === "bigint") dv.setBigInt64(0, BigInt.asIntN(64, v), true);
  else if (Number.isInteger(v)) dv.setBigInt64(0, BigInt(v), true); // CelValue int64
  else dv.setFloat64(0, v, true); // CelValue double
  return out;
}

/** Header strings in this host are byte strings (latin1, as Node's http module gives them). */
export function latin1OrUtf8(s: string): Uint8Array {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return enc.encode(s);
  return Buffer.from(s, "latin1");
}

/** Header-map pairs serialisation (cpp-host exports.cc marshalPairs) of a list of pairs. */
export function marshalPairs(pairs: Array<[string, string]>): Uint8Array {
  const enc = pairs.map(([k, v]) => [latin1OrUtf8(k), latin1OrUtf8(v)] as const);
  let size = 4 + pairs.length * 8;
  for (const [k, v] of enc) size += k.length + v.length + 2;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, pairs.length, true);
  let off = 4 + pairs.length * 8;
  enc.forEach(([k, v], i) => {
    dv.setUint32(4 + i * 8, k.length, true);
    dv.setUint32(8 + i * 8, v.length, true);
    out.set(k, off); off += k.length + 1;
    out.set(v, off); off += v.length + 1;
  });
  return out;
}

/** What the host knows about one stream, for property lookups. */
export interface PropertySource {
  /** request headers (the stream's map; Envoy's RequestWrapper reads the stream's header map) */
  requestHeaders: HeaderList | null;
  responseHeaders: HeaderList | null;
  responseTrailers: HeaderList | null;
  streamProps: Record<string, PropertyValue>;
  startNs: bigint;
  requestBytes: number;
  responseBytes: number;
  responseCodeDetails?: string;
  filterState: Map<string, Uint8Array>;
  /** StreamInfo dynamic metadata: the `metadata` property (./pbstruct.ts) */
  dynamicMetadata?: DynamicMetadata;
}

function first(h: HeaderList | null, name: string): string | undefined {
  if (!h) return undefined;
  for (let i = 0; i < h.length; i++) if (h[i][0] === name) return h[i][1];
  return undefined;
}
/** Envoy HeadersWrapper: all values of a name joined with "," (HeaderUtility::getAllOfHeaderAsString). */
function joined(h: HeaderList | null, name: string): string | undefined {
  if (!h) return undefined;
  let out: string | undefined;
  for (let i = 0; i < h.length; i++) if (h[i][0] === name) out = out === undefined ? h[i][1] : out + "," + h[i][1];
  return out;
}

function headersValue(h: HeaderList | null, rest: string[]): PropertyValue | Uint8Array | undefined {
  if (!h) return undefined;
  if (rest.length === 0) {
    // whole map: serialised as pairs (serializeValue kMap)
    const seen = new Map<string, string>();
    for (const [k, v] of h) seen.set(k, seen.has(k) ? seen.get(k)! + "," + v : v);
    return marshalPairs([...seen]);
  }
  if (rest.length > 1) return undefined;
  return joined(h, rest[0].toLowerCase());
}

/**
 * Resolves a property path (segments already split on NUL). Returns the serialised value or undefined
 * (NotFound). Order: per-stream properties given by the caller, then static host properties, then the
 * values Envoy derives from the stream (request.*, response.*), then filter state set by
 * proxy_set_property (Envoy findValue falls back to the "wasm."-prefixed CelState).
 */
export function resolveProperty(
  segs: string[], src: PropertySource | null, hostProps: Map<string, Uint8Array>,
): Uint8Array | PropertyError | undefined {
  const dotted = segs.join(".");
  if (src) {
    const sp = src.streamProps[dotted];
    if (sp !== undefined) return encodeProperty(sp);
  }
  const hp = hostProps.get(dotted);
  if (hp !== undefined) return hp;
  if (src) {
    if (segs[0] === "metadata") return metadataProperty(segs, src.dynamicMetadata);
    const d = derived(segs, src);
    if (d !== undefined) return encodeProperty(d);
    const fs = src.filterState.get(dotted) ?? src.filterState.get(segs.join("\0"));
    if (fs !== undefined) return fs;
  }
  return undefined;
}

function derived(segs: string[], s: PropertySource): PropertyValue | undefined {
  const [top, field, ...rest] = segs;
  if (top === "request") {
    const h = s.requestHeaders;
    switch (field) {
      case "path": return first(h, ":path");
      case "url_path": { const p = first(h, ":path"); if (p === undefined) return undefined; const q = p.indexOf("?"); return q < 0 ? p : p.slice(0, q); }
      case "host": return first(h, ":authority");
      case "scheme": return first(h, ":scheme");
      case "method": return first(h, ":method");
      case "referer": return first(h, "referer");
      case "useragent": return first(h, "user-agent");
      case "id": return first(h, "x-request-id");
      case "query": { const p = first(h, ":path"); if (p === undefined) return undefined; const q = p.indexOf("?"); return q < 0 ? "" : p.slice(q + 1); }
      case "headers": return headersValue(h, rest);
      case "time": return s.startNs; // Timestamp → int64 ns
      case "protocol": return "HTTP/1.1";
      case "size": { const cl = first(h, "content-length"); if (cl !== undefined && /^\d+$/.test(cl)) return BigInt(cl); return BigInt(s.requestBytes); }
      default: return undefined;
    }
  }
  if (top === "response") {
    const h = s.responseHeaders;
    switch (field) {
      case "code": { const c = first(h, ":status"); return c !== undefined && /^\d+$/.test(c) ? BigInt(c) : undefined; }
      case "code_details": return s.responseCodeDetails;
      case "headers": return headersValue(h, rest);
      case "trailers": return headersValue(s.responseTrailers, rest);
      case "size": return h ? BigInt(s.responseBytes) : undefined;
      case "flags": return h ? 0n : undefined;
      default: return undefined;
    }
  }
  if (top === "source" || top === "destination") {
    // PeerWrapper: address is "ip:port", port is int64
    const addr = s.streamProps[`${top}.address`];
    if (field === "address") return top === "source" ? "127.0.0.1:40000" : "127.0.0.1:8080";
    if (field === "port") {
      const a = typeof addr === "string" ? addr : top === "source" ? "127.0.0.1:40000" : "127.0.0.1:8080";
      const m = /:(\d+)$/.exec(a);
      return m ? BigInt(m[1]) : undefined;
    }
    return undefined;
  }
  if (top === "connection") {
    // ConnectionWrapper: mtls is false without TLS; requested_server_name "" without SNI
    if (field === "mtls") return false;
    if (field === "requested_server_name") return "";
    return undefined;
  }
  return undefined;
}
