// Local replies, logs, properties, buffers, time and metrics.
import { imports, WasmResultValues, LogLevelValues } from "./abi";
import { ptrSlot, sizeSlot, takeBuffer, utf8, u32Slot, u32Value } from "./mem";
import { serializePairs } from "./headers";
import { noteGarbage } from "../gc";

/** Sends a local reply (ABI `proxy_send_local_response`); the caller then returns StopIteration. */
export function sendLocalResponse(status: u32, details: string, body: string, headers: Array<string>): void {
  const d = utf8(details), b = utf8(body), h = serializePairs(headers);
  // the reply's strings and their encodings are garbage now (gc.ts: what a stream leaves)
  noteGarbage(<usize>(d.byteLength + b.byteLength + h.byteLength) * 4 + 256);
  imports.proxy_send_local_response(status, changetype<usize>(d), d.byteLength, changetype<usize>(b), b.byteLength,
    changetype<usize>(h), h.byteLength, 0xFFFFFFFF); // grpc_status -1: not a gRPC reply
}

export function log(level: LogLevelValues, msg: string): void {
  const b = utf8(msg);
  noteGarbage(<usize>b.byteLength * 4 + 64);   // the line, the strings it was built from, its encoding (gc.ts)
  imports.proxy_log(level, changetype<usize>(b), b.byteLength);
}
export function logInfo(msg: string): void { log(LogLevelValues.info, msg); }
export function logWarn(msg: string): void { log(LogLevelValues.warn, msg); }
export function logError(msg: string): void { log(LogLevelValues.error, msg); }

/** A property as bytes (path segments joined by NUL as the ABI requires), or null when absent. */
export function getProperty(path: string): ArrayBuffer | null {
  const p = utf8(path);
  // the ABI separates path segments with NUL bytes: "request.path" is sent as "request\0path"
  const u = Uint8Array.wrap(p);
  for (let i = 0; i < u.length; i++) if (u[i] == 0x2e) u[i] = 0;
  const r = imports.proxy_get_property(changetype<usize>(p), p.byteLength, ptrSlot(), sizeSlot());
  if (r != WasmResultValues.Ok) return null;
  return takeBuffer();
}

export function getPropertyString(path: string): string | null {
  const b = getProperty(path);
  return b == null ? null : String.UTF8.decode(b);
}

/** Bytes of a buffer (request/response body, plugin configuration). */
export function getBufferBytes(type: i32, start: u32, length: u32): ArrayBuffer | null {
  const r = imports.proxy_get_buffer_bytes(type, start, length, ptrSlot(), sizeSlot());
  if (r != WasmResultValues.Ok) return null;
  return takeBuffer();
}

export function nowNanos(): u64 {
  const slot = memory.data(8);
  imports.proxy_get_current_time_nanoseconds(slot);
  return load<u64>(slot);
}

export const enum MetricType { Counter = 0, Gauge = 1, Histogram = 2 }

export function defineMetric(type: MetricType, name: string): u32 {
  const n = utf8(name);
  const r = imports.proxy_define_metric(type, changetype<usize>(n), n.byteLength, u32Slot());
  return r == WasmResultValues.Ok ? u32Value() : u32.MAX_VALUE;
}
export function incrementMetric(id: u32, by: i64 = 1): void { if (id != u32.MAX_VALUE) imports.proxy_increment_metric(id, by); }
