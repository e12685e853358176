// Header maps as bytes. One host call fetches a whole map into one buffer (ABI 0.2.1
// `proxy_get_header_map_pairs`: u32 count, then count × (u32 key size, u32 value size), then each
// key and value NUL-terminated); `HeaderMap` indexes it in place without copying names or values.
import { imports, WasmResultValues } from "./abi";
import { noteGarbage } from "../gc";
import { ptrSlot, sizeSlot, ptrValue, sizeValue, takeBuffer, utf8, offerLanding, tookLanding } from "./mem";
import { sameBytes } from "../util/bytes";

// an empty map's buffer and offsets, shared (a map per request: no allocations for defaults that
// parse replaces at once)
const NO_BYTES = new ArrayBuffer(0);
const NO_OFFS = new StaticArray<i32>(0);
/** a fetched map's buffer is offered for the next fetch up to this size (HeaderMap.fetch); a
 *  pooled stream context keeps one (filter.ts STREAM_POOL: at most 64 × 16 KiB) */
const LANDING_MAX = 16 << 10;

export class HeaderMap {
  buf: ArrayBuffer = NO_BYTES;
  count: i32 = 0;
  // per header: key offset, key length, value offset, value length (byte offsets into buf)
  offs: StaticArray<i32> = NO_OFFS;

  static parse(buf: ArrayBuffer): HeaderMap {
    const m = new HeaderMap();
    noteGarbage(64);   // this object (gc.ts)
    m.index(buf, buf.byteLength);
    return m;
  }

  /**
   * Fetches map `type` into this map (a stream context's own: filter.ts), reusing its buffer and
   * offset table: the host's copy lands in the buffer the previous fetch left when it fits
   * (host/mem.ts offerLanding; at most LANDING_MAX bytes), else in a new one that this map keeps.
   * Only for a map whose earlier bytes nothing reads any more (the previous stream on the context
   * has ended). The host allocates once per call, the map's size, and not at all for an empty map
   * (proxy-wasm-cpp-host src/exports.cc get_header_map_pairs: copyToPointerSize("") or one
   * allocMemory of PairsUtil::pairsSize); the returned pointer is checked all the same.
   */
  fetch(type: i32): void {
    const own = this.buf;
    if (own.byteLength > 0 && own.byteLength <= LANDING_MAX) offerLanding(own);
    const r = imports.proxy_get_header_map_pairs(type, ptrSlot(), sizeSlot());
    // landed, and the map is what the host returned (not some other allocation of the call)
    const inOwn = tookLanding() && ptrValue() == changetype<usize>(own);
    this.count = 0;
    if (r != WasmResultValues.Ok) return;
    if (inOwn) { this.index(own, <i32>sizeValue()); return; }
    const b = takeBuffer();
    // an empty map (no allocation): the buffer stays for the next fetch
    if (b != null && b.byteLength > 0) this.index(b, b.byteLength);
  }

  /** At the end of its stream: lets go of a buffer or offset table too large to keep for the next
   *  fetch (a pooled stream context keeps at most LANDING_MAX bytes of map and 256 headers' offsets). */
  shed(): void {
    this.count = 0;
    if (this.buf.byteLength > LANDING_MAX) this.buf = NO_BYTES;
    if (this.offs.length > 256 * 4) this.offs = NO_OFFS;
  }

  /** Indexes the map in the first n bytes of buf (a malformed map gives its well-formed headers). */
  private index(buf: ArrayBuffer, n: i32): void {
    this.buf = buf;
    this.count = 0;
    if (n < 4) return;
    const base = changetype<usize>(buf);
    let count = <i32>load<u32>(base);
    // a well-formed map needs 8 size bytes per header; clamp so a bad map cannot overrun
    if (count < 0 || <i64>count * 8 + 4 > <i64>n) count = 0;
    if (this.offs.length < count * 4) {
      this.offs = new StaticArray<i32>(count * 4);
      noteGarbage(<usize>(count * 16));   // the table it replaces (gc.ts)
    }
    const offs = this.offs;
    let data = 4 + count * 8;
    let ok = 0;
    for (let i = 0; i < count; i++) {
      const kl = <i32>load<u32>(base + 4 + i * 8);
      const vl = <i32>load<u32>(base + 8 + i * 8);
      if (kl < 0 || vl < 0 || <i64>data + kl + vl + 2 > <i64>n) break;
      unchecked(offs[i * 4] = data);
      unchecked(offs[i * 4 + 1] = kl);
      data += kl + 1;
      unchecked(offs[i * 4 + 2] = data);
      unchecked(offs[i * 4 + 3] = vl);
      data += vl + 1;
      ok++;
    }
    this.count = ok;
  }

  @inline keyPtr(i: i32): usize { return changetype<usize>(this.buf) + <usize>unchecked(this.offs[i * 4]); }
  @inline keyLen(i: i32): i32 { return unchecked(this.offs[i * 4 + 1]); }
  @inline valuePtr(i: i32): usize { return changetype<usize>(this.buf) + <usize>unchecked(this.offs[i * 4 + 2]); }
  @inline valueLen(i: i32): i32 { return unchecked(this.offs[i * 4 + 3]); }

  /** Index of the first header whose name equals `lname` (already lower case; names are lower case in Envoy). */
  find(lname: ArrayBuffer, from: i32 = 0): i32 {
    const ln = lname.byteLength;
    for (let i = from; i < this.count; i++) {
      if (this.keyLen(i) == ln && sameBytes(this.keyPtr(i), changetype<usize>(lname), ln)) return i;
    }
    return -1;
  }

  valueString(i: i32): string { return String.UTF8.decodeUnsafe(this.valuePtr(i), this.valueLen(i)); }
  keyString(i: i32): string { return String.UTF8.decodeUnsafe(this.keyPtr(i), this.keyLen(i)); }
}

export function getHeaderMap(type: i32): HeaderMap {
  const r = imports.proxy_get_header_map_pairs(type, ptrSlot(), sizeSlot());
  if (r != WasmResultValues.Ok) return new HeaderMap();
  const b = takeBuffer();
  return b == null ? new HeaderMap() : HeaderMap.parse(b);
}

/** One header value as bytes, or null when absent. */
export function getHeader(type: i32, name: string): ArrayBuffer | null {
  const k = utf8(name);
  const r = imports.proxy_get_header_map_value(type, changetype<usize>(k), k.byteLength, ptrSlot(), sizeSlot());
  if (r != WasmResultValues.Ok) return null;
  return takeBuffer();
}

export function addHeader(type: i32, name: string, value: string): void {
  const k = utf8(name), v = utf8(value);
  imports.proxy_add_header_map_value(type, changetype<usize>(k), k.byteLength, changetype<usize>(v), v.byteLength);
}

export function replaceHeader(type: i32, name: string, value: string): void {
  const k = utf8(name), v = utf8(value);
  imports.proxy_replace_header_map_value(type, changetype<usize>(k), k.byteLength, changetype<usize>(v), v.byteLength);
}

export function removeHeader(type: i32, name: string): void {
  const k = utf8(name);
  imports.proxy_remove_header_map_value(type, changetype<usize>(k), k.byteLength);
}

/** Serialises pairs in the ABI's header-map format (used for local replies). */
export function serializePairs(pairs: Array<string>): ArrayBuffer {
  const n = pairs.length >> 1;
  const enc = new Array<ArrayBuffer>(pairs.length);
  let size = 4 + n * 8;
  for (let i = 0; i < pairs.length; i++) { enc[i] = utf8(pairs[i]); size += enc[i].byteLength + 1; }
  const out = new ArrayBuffer(size);
  const base = changetype<usize>(out);
  store<u32>(base, n);
  let data = base + 4 + n * 8;
  for (let i = 0; i < n; i++) {
    const k = enc[i * 2], v = enc[i * 2 + 1];
    store<u32>(base + 4 + i * 8, k.byteLength);
    store<u32>(base + 8 + i * 8, v.byteLength);
    memory.copy(data, changetype<usize>(k), k.byteLength); data += k.byteLength; store<u8>(data, 0); data++;
    memory.copy(data, changetype<usize>(v), v.byteLength); data += v.byteLength; store<u8>(data, 0); data++;
  }
  return out;
}
