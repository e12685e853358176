/**
 * The WAF inside the filter's stream context: feeds the request model from the proxy-wasm host,
 * runs the phases at the right callbacks, buffers bodies within their limits and answers with a
 * local reply on a block. `assembly/filter.ts` calls these from its callbacks:
 *
 *   onRequestHeaders: ws.requestHeaders(waf, h, rid, eos, debug) → true when it replied (stop)
 *   onRequestBody:    ws.requestBody(len, eos) → a FilterDataStatus value (StopIterationAndBuffer
 *                     until end_of_stream or the body limit)
 *   onResponseHeaders / onResponseBody: phases 3 and 4 (bodies only for the configured MIME types)
 *   onLog / onDelete: ws.release() puts the engine back into the VM's pool
 *
 * Each stream borrows a WafEngine (transaction, arena, caches) from a per-VM pool: streams of one
 * VM interleave, so the state cannot be a single global, but in steady state nothing is allocated.
 * A block is logged as
 *   bulwark: waf blocked request_id=R rules=942100,949110 score=10 status=403 by=949110 matches=…
 * (detections in detect mode as "bulwark: waf detected …") and answered with
 *   {"error":"forbidden","request_id":"R"} ("bad request" with a 400) — plus "rules", "score", "msg" and "matches" only
 * when the configuration's `debug` is on.
 */
import { WafEngine } from "./eval";
import { Waf, Engine } from "./rule";
import { Transaction, UniqueIdSource } from "./transaction";
import { V, usesDuration } from "./variables";
import { HeaderMap, getHeaderMap } from "../../host/headers";
import { MapType, BufType, FilterDataStatusValues } from "../../host/abi";
import { sendLocalResponse, logInfo, logWarn, getBufferBytes, nowNanos, getPropertyString } from "../../host/stream";
import { jsonString } from "../../util/bytes";

const pool = new Array<WafEngine>();
let poolWaf: Waf | null = null;

function borrow(waf: Waf): WafEngine {
  if (poolWaf !== waf) { pool.length = 0; poolWaf = waf; } // a new configuration: drop engines of the old one
  if (pool.length) return pool.pop();
  return new WafEngine(waf);
}

/** At configure time: the prefilter tables and a first engine in the pool, so the first request
 *  of a VM does not build them. */
export function prepareWaf(waf: Waf): void {
  const e = borrow(waf);
  if (pool.length < 64) pool.push(e);
}

const H_METHOD = String.UTF8.encode(":method");
const H_PATH = String.UTF8.encode(":path");
const H_AUTHORITY = String.UTF8.encode(":authority");
const H_HOST = String.UTF8.encode("host");
const S_HOST = String.UTF8.encode("host");
const H_STATUS = String.UTF8.encode(":status");

/** Transaction.loader: fetches a lazy scalar from the host on its first read. */
function loadLazy(tx: Transaction, v: i32): void {
  if (v == V.REQUEST_PROTOCOL || v == V.REQUEST_LINE) {
    const proto = getPropertyString("request.protocol");
    tx.setProtocol(proto == null ? "HTTP/1.1" : proto!);
    return;
  }
  if (v == V.REMOTE_ADDR || v == V.REMOTE_PORT) {
    const ra = getPropertyString("source.address");
    tx.setScalar(V.REMOTE_ADDR, 0, -1); tx.setScalar(V.REMOTE_PORT, 0, -1);
    if (ra == null) return;
    const s = ra!;
    // "1.2.3.4:5678" or "[::1]:5678" → address and port
    let addr = s, port = "";
    const c = s.lastIndexOf(":");
    if (s.startsWith("[")) { const b = s.indexOf("]"); if (b > 0) { addr = s.substring(1, b); port = c > b ? s.substring(c + 1) : ""; } }
    else if (c > 0 && s.indexOf(":") == c) { addr = s.substring(0, c); port = s.substring(c + 1); }
    tx.setScalarString(V.REMOTE_ADDR, addr);
    if (port.length) tx.setScalarString(V.REMOTE_PORT, port);
  }
}

export class WafStream {
  e: WafEngine | null = null;
  rid: UniqueIdSource | null = null;
  debug: bool = false;
  done: bool = false;
  private bodyPhaseRun: bool = false;
  private respInspect: bool = false;
  /** the decision was logged (a block, or detections at the end) */
  private logged: bool = false;
  // (a new field must also be set in reset())

  /** Phase 1 (and phase 2 at once when there is no body). Returns true when it sent a reply. */
  requestHeaders(waf: Waf, h: HeaderMap, rid: UniqueIdSource, eos: bool, debug: bool): bool {
    const e = borrow(waf);
    this.e = e; this.rid = rid; this.debug = debug; this.done = false; this.bodyPhaseRun = false;
    e.begin("", usesDuration() ? nowNanos() : 0);   // the clock only when a rule reads DURATION
    e.tx.uniqueIdSrc = rid;   // UNIQUE_ID: decoded only if a rule reads it
    const tx = e.tx;
    tx.keep.push(h.buf);
    const mi = h.find(H_METHOD), pi = h.find(H_PATH);
    tx.loader = loadLazy;   // request.protocol and source.address cost host calls: read on first use
    tx.setRequestLine(mi >= 0 ? h.valuePtr(mi) : 0, mi >= 0 ? h.valueLen(mi) : 0,
      pi >= 0 ? h.valuePtr(pi) : 0, pi >= 0 ? h.valueLen(pi) : 0, null);
    let sawHost = false;
    for (let i = 0; i < h.count; i++) {
      const kl = h.keyLen(i);
      if (kl > 0 && load<u8>(h.keyPtr(i)) == 0x3a) continue; // pseudo-headers are not request headers
      if (kl == 4 && memory.compare(h.keyPtr(i), changetype<usize>(H_HOST), 4) == 0) sawHost = true;
      tx.addRequestHeader(h.keyPtr(i), kl, h.valuePtr(i), h.valueLen(i));
    }
    // HTTP/2 and Envoy carry Host as :authority; ModSecurity sees it as the Host header
    const ai = h.find(H_AUTHORITY);
    if (!sawHost && ai >= 0) tx.addRequestHeader(changetype<usize>(S_HOST), 4, h.valuePtr(ai), h.valueLen(ai));
    tx.setLazy(V.REMOTE_ADDR); tx.setLazy(V.REMOTE_PORT);
    e.runPhase(1);
    if (this.finish(false)) return true;
    if (eos) {
      e.requestBody(0, 0);
      this.bodyPhaseRun = true;
      e.runPhase(2);
      e.checkInbound();
      e.checkComplete();
      if (this.finish(true)) return true;
    }
    return false;
  }

  /** Buffers the request body until end_of_stream or the limit, then runs phase 2. */
  requestBody(len: usize, eos: bool): FilterDataStatusValues {
    const e = this.e;
    if (e == null || this.done || this.bodyPhaseRun) return FilterDataStatusValues.Continue;
    const s = e.waf.settings;
    const limit = s.requestBodyLimit;
    const over = <i64>len > <i64>limit;
    if (!eos && !over) return FilterDataStatusValues.StopIterationAndBuffer;
    if (over && s.requestBodyReject) {
      this.bodyPhaseRun = true;
      logInfo("bulwark: waf blocked request_id=" + this.id() + " request body over the limit (" + limit.toString() + " bytes)");
      this.reply(413, "bulwark_waf_body_limit", "{\"error\":\"payload too large\",\"request_id\":" + jsonString(this.id()) + "}");
      this.done = true;
      return FilterDataStatusValues.StopIterationNoBuffer;
    }
    const n = over ? limit : <i32>len;
    const body = n > 0 ? getBufferBytes(BufType.RequestBody, 0, n) : new ArrayBuffer(0);
    const b = body == null ? new ArrayBuffer(0) : body!;
    e.tx.keep.push(b);
    e.tx.bodyTruncated = over;
    e.requestBody(changetype<usize>(b), b.byteLength);
    this.bodyPhaseRun = true;
    e.runPhase(2);
    e.checkInbound();
    e.checkComplete();
    if (this.finish(true)) return FilterDataStatusValues.StopIterationNoBuffer;
    return FilterDataStatusValues.Continue;
  }

  /** Phase 3. Returns true when it sent a reply. */
  responseHeaders(eos: bool): bool {
    const e = this.e;
    if (e == null || this.done) return false;
    const s = e.waf.settings;
    if (!s.inspectResponse || (!e.respRules3 && !e.respRules4)) { this.logDetections(); return false; }
    const h = getHeaderMap(MapType.ResponseHeaders);
    const tx = e.tx;
    tx.keep.push(h.buf);
    for (let i = 0; i < h.count; i++) {
      const kl = h.keyLen(i);
      if (kl == 7 && memory.compare(h.keyPtr(i), changetype<usize>(H_STATUS), 7) == 0) { tx.setScalar(V.RESPONSE_STATUS, h.valuePtr(i), h.valueLen(i)); continue; }
      if (kl > 0 && load<u8>(h.keyPtr(i)) == 0x3a) continue;
      tx.addResponseHeader(h.keyPtr(i), kl, h.valuePtr(i), h.valueLen(i));
    }
    if (usesDuration()) tx.nowNanos = nowNanos();
    e.runPhase(3);
    if (this.finish(false)) return true;
    this.respInspect = !eos && e.respRules4 && this.mimeInspected();
    if (!this.respInspect) { e.checkOutbound(); if (this.finish(true)) return true; this.logDetections(); }
    return false;
  }

  private mimeInspected(): bool {
    const tx = this.e!.tx;
    const n = tx.sl[V.RESPONSE_CONTENT_TYPE];
    if (n < 0) return false;
    const ct = String.UTF8.decodeUnsafe(tx.sp[V.RESPONSE_CONTENT_TYPE], n).toLowerCase();
    const types = this.e!.waf.settings.responseBodyMimeTypes;
    for (let i = 0; i < types.length; i++) if (ct.startsWith(types[i])) return true;
    return false;
  }

  /** Phase 4 over the (bounded) response body. */
  responseBody(len: usize, eos: bool): FilterDataStatusValues {
    const e = this.e;
    if (e == null || this.done || !this.respInspect) return FilterDataStatusValues.Continue;
    const limit = e.waf.settings.responseBodyLimit;
    const over = <i64>len > <i64>limit;
    if (!eos && !over) return FilterDataStatusValues.StopIterationAndBuffer;
    this.respInspect = false;
    const n = over ? limit : <i32>len;
    const body = n > 0 ? getBufferBytes(BufType.ResponseBody, 0, n) : new ArrayBuffer(0);
    const b = body == null ? new ArrayBuffer(0) : body!;
    e.tx.keep.push(b);
    e.tx.setScalar(V.RESPONSE_BODY, changetype<usize>(b), b.byteLength);
    e.runPhase(4);
    e.checkOutbound();
    if (this.finish(true)) return FilterDataStatusValues.StopIterationNoBuffer;
    this.logDetections();
    return FilterDataStatusValues.Continue;
  }

  /** Logs what fired without a block (detect mode, or scores under the threshold) once. */
  logDetections(): void {
    const e = this.e;
    if (e == null || this.logged) return;
    if (e.tx.firedRules.length == 0) return;
    this.logged = true;
    logInfo("bulwark: waf detected request_id=" + this.id() + " " + e.decision());
  }

  /** On an interruption: log, reply, return true. `scored`: the inbound score was just computed. */
  private finish(scored: bool): bool {
    const e = this.e!;
    const tx = e.tx;
    if (!tx.interrupted) return false;
    if (!scored) e.checkInboundScoreOnly();
    this.done = true;
    this.logged = true;
    logInfo("bulwark: waf blocked request_id=" + this.id() + " " + e.decision());
    let body = "{\"error\":" + (tx.status == 400 ? "\"bad request\"" : "\"forbidden\"") + ",\"request_id\":" + jsonString(this.id());
    if (this.debug) {
      body += ",\"rules\":[" + tx.firedRules.join(",") + "],\"score\":" + e.inboundScore.toString();
      const msg = e.firstMessage();
      if (msg.length) body += ",\"msg\":" + jsonString(msg);
      body += ",\"decision\":" + jsonString(e.decision());
    }
    this.reply(tx.status, "bulwark_waf", body + "}");
    return true;
  }

  private reply(status: i32, details: string, body: string): void {
    sendLocalResponse(<u32>status, details, body, ["content-type", "application/json", "x-request-id", this.id()]);
  }

  /** The request id (for logs and replies). */
  private id(): string { const r = this.rid; return r != null ? r.get() : ""; }

  /** Every field as a new WafStream has it (a reused stream context: filter.ts). */
  reset(): void {
    this.release();
    this.e = null; this.rid = null; this.debug = false; this.done = false;
    this.bodyPhaseRun = false; this.respInspect = false; this.logged = false;
  }

  /** Returns the engine to the pool (call once the stream is over). */
  release(): void {
    const e = this.e;
    if (e == null) return;
    this.logDetections();
    this.e = null;
    if (e.waf === poolWaf && pool.length < 64) { e.tx.releaseRefs(); pool.push(e); }
  }
}

export { Engine, logWarn };
