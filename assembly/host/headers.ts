// Header maps as bytes. One host call fetches a whole map into one buffer (ABI 0.2.1
// `proxy_get_header_map_pairs`: u32 count, then count × (u32 key size, u32 value size), then each
// key and value NUL-terminated); `HeaderMap` indexes it in place without copying names or values.
import { imports, WasmResultValues } from "./abi";
import { noteGarbage } from "../gc";
import { ptrSlot, sizeSlot, takeBuffer, utf8 } from "./mem";
import { sameBytes } from "../util/bytes";

// an empty map's buffer and offsets, shared (a map per request: no allocations for defaults that
// parse replaces at once)
const NO_BYTES = new ArrayBuffer(0);
const NO_OFFS = new StaticArray<i32>(0);

export class HeaderMap {
  buf: ArrayBuffer = NO_BYTES;
  count: i32 = 0;
  // per header: key offset, key length, value offset, value length (byte offsets into buf)
  offs: StaticArray<i32> = NO_OFFS;

  static parse(buf: ArrayBuffer): HeaderMap {
    const m = new HeaderMap();
    m.buf = buf;
    const n = buf.byteLength;
    if (n < 4) return m;
    const base = changetype<usize>(buf);
    let count = <i32>load<u32>(base);
    // a well-formed map needs 8 size bytes per header; clamp so a bad map cannot overrun
    if (count < 0 || <i64>count * 8 + 4 > <i64>n) count = 0;
    const offs = new StaticArray<i32>(count * 4);
    noteGarbage(<usize>(count * 16 + 64));   // the offsets and this object (gc.ts)
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
    m.count = ok;
    m.offs = offs;
    return m;
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
