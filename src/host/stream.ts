// One HTTP stream through the filter, sequenced like Envoy's HTTP connection manager with this one
// wasm filter followed by the router:
//   envoy source/common/http/filter_manager.cc (decodeHeaders/decodeData/decodeTrailers and the
//     encode* twins, commonHandleAfterDataCallback, commonHandleBufferData, commonContinue,
//     requestDataTooLarge → 413, responseDataTooLarge → 500 or reset, sendLocalReply: through the
//     encoder filter chain while no response headers exist, direct before they were encoded, reset after);
//   envoy source/extensions/common/wasm/context.cc (decodeHeaders/decodeData/encode*: which maps and
//     buffers the VM sees and when they are dropped, buffering_request_body_ + addDecodedData,
//     failStream → 503 "wasm_fail_stream", continueStream/closeStream, log/onDestroy);
//   proxy-wasm-cpp-host src/context.cc (ContextBase::onRequestHeaders etc.: out-of-range statuses
//     clamp to the strongest stop, CHECK_FAIL_HTTP on a failed VM).
import { R, MapType, BufferType, HeadersStatus, DataStatus, TrailersStatus, StreamType } from "./abi.ts";
import { normalizeHeaders, cloneHeaders, getFirst, addHeader, lowerAscii, type HeaderList } from "./headers.ts";
import type { PropertySource, PropertyValue } from "./properties.ts";
import type { DynamicMetadata } from "./pbstruct.ts";
import type { Vm } from "./vm.ts";
import type { Host } from "./host.ts";

export type FilterStatus = "continue" | "stop" | "local-reply";

export interface StreamOptions {
  worker?: number; properties?: Record<string, string | Uint8Array | boolean | number>;
  /** this stream's dynamic metadata (filter namespace → Struct), served as Envoy serves `metadata` (./pbstruct.ts) */
  dynamicMetadata?: DynamicMetadata;
}

export interface LocalReply { status: number; body: Uint8Array; headers: HeaderList; details: string }

/** A growable byte buffer (Envoy Buffer::Instance stand-in). */
export class ByteBuf {
  data: Uint8Array;
  len = 0;
  constructor(init?: Uint8Array) {
    this.data = init ? init.slice() : new Uint8Array(0);
    this.len = this.data.length;
  }
  view(): Uint8Array { return this.data.subarray(0, this.len); }
  append(d: Uint8Array): void {
    if (d.length === 0) return;
    if (this.len + d.length > this.data.length) {
      const n = new Uint8Array(Math.max(this.len + d.length, this.data.length * 2, 1024));
      n.set(this.view());
      this.data = n;
    }
    this.data.set(d, this.len);
    this.len += d.length;
  }
  take(): Uint8Array { const v = this.view().slice(); this.len = 0; return v; }
  clear(): void { this.len = 0; }
  /** Envoy context.cc Buffer::copyFrom: prepend, replace all, or append; anything else BadArgument. */
  copyFrom(start: number, length: number, d: Uint8Array): number {
    if (start === 0) {
      if (length === 0) { const old = this.view().slice(); this.len = 0; this.append(d); this.append(old); return R.Ok; }
      if (length >= this.len) { this.len = 0; this.append(d); return R.Ok; }
      return R.BadArgument;
    }
    if (start >= this.len) { this.append(d); return R.Ok; }
    return R.BadArgument;
  }
}

const TEXT = new TextEncoder();
type Iter = "none" | "stopSingle" | "stopAll";

export class Stream {
  readonly id: number;
  readonly rootId: number;
  readonly filterState = new Map<string, Uint8Array>();
  readonly props: Record<string, PropertyValue>;
  readonly startNs: bigint;
  /** set when a local reply was sent (by the filter, the host's 413/500, or a VM failure) */
  localReply?: LocalReply;
  /** the stream was reset (Envoy resetStream): nothing more reaches the client */
  reset = false;
  accessLogPhase = false;
  /** called whenever the stream makes progress on its own (continue_stream from a tick, …) */
  onProgress?: () => void;

  // header maps and whether the VM can currently reach them (Envoy's request_headers_ etc. pointers)
  private reqH: HeaderList | null = null; private reqHVis = false;
  private reqT: HeaderList | null = null; private reqTVis = false;
  private respH: HeaderList | null = null; private respHVis = false;
  private respT: HeaderList | null = null; private respTVis = false;
  private endOfStream = false;
  private inReqBody = false; private inRespBody = false;
  // body: the current chunk (request_body_buffer_) and the filter manager's buffered data
  private reqChunk: ByteBuf | null = null; private reqBuf = new ByteBuf(); private bufferingReq = false; private reqStreaming = true;
  private respChunk: ByteBuf | null = null; private respBuf = new ByteBuf(); private bufferingResp = false; private respStreaming = true;
  // iteration state of this filter on each side
  private reqIter: Iter = "none"; private respIter: Iter = "none";
  private reqEnded = false; private respEnded = false;
  private reqHeadersPassed = false; private respHeadersPassed = false;
  private reqTrailersHeld = false; private respTrailersHeld = false;
  private reqDone = false;  // no more request callbacks (local reply / reset)
  private respDone = false; // response side finished or abandoned
  // what went upstream / downstream
  private upH: HeaderList | null = null; private upBody = new ByteBuf(); private upT: HeaderList | null = null;
  upstreamComplete = false;
  private downH: HeaderList | null = null; private downBody = new ByteBuf(); private downT: HeaderList | null = null;
  downstreamComplete = false;
  // VM-call side effects, acted on after the call (cpp-host DeferAfterCallActions)
  private inCallback = false;
  private pendingLocal: LocalReply | null = null;
  private pendingContinue = new Set<number>();
  private pendingClose = false;
  private created = false;
  private bypass = false;               // fail-open: the filter is skipped
  private failureReplySent = false;     // Envoy failure_local_reply_sent_
  private localReplyEncoding = false;
  private finished = false;
  private reqBytes = 0; private respBytes = 0;
  private codeDetails?: string;
  /** Envoy StreamInfo dynamic metadata (set by filters before this one, e.g. jwt_authn) */
  dynamicMetadata?: DynamicMetadata;

  constructor(readonly host: Host, readonly vm: Vm, opts: StreamOptions = {}) {
    this.id = vm.allocContextId();
    this.rootId = vm.rootId;
    this.props = { ...(opts.properties ?? {}) };
    this.dynamicMetadata = opts.dynamicMetadata;
    this.startNs = host.nowNs();
    vm.streams.set(this.id, this);
  }

  // ------------------------------------------------------------------ outputs

  get upstreamHeaders(): HeaderList { return this.upH ?? []; }
  get upstreamBody(): Uint8Array { return this.upBody.view(); }
  get upstreamTrailers(): HeaderList | null { return this.upT; }
  get downstreamHeaders(): HeaderList { return this.downH ?? []; }
  get downstreamBody(): Uint8Array { return this.downBody.view(); }
  get downstreamTrailers(): HeaderList | null { return this.downT; }
  /** the local reply or reset ended the stream */
  get ended(): boolean { return this.reset || (this.localReply !== undefined && this.downstreamComplete); }
  get status(): FilterStatus { return this.localReply || this.reset ? "local-reply" : "continue"; }

  // ------------------------------------------------------------------ request path

  /** decodeHeaders: proxy_on_context_create (Envoy Context::onCreate), then proxy_on_request_headers. */
  requestHeaders(h: HeaderList, endOfStream: boolean): FilterStatus {
    if (this.reqDone || this.reqH) return this.settle("stop");
    this.reqH = normalizeHeaders(h);
    this.reqEnded = endOfStream;
    if (!this.enter()) return this.settle(this.bypass ? this.passReqHeaders() : "local-reply");
    this.reqHVis = true;
    this.endOfStream = endOfStream;
    const r = this.cb("proxy_on_request_headers", this.reqH.length, endOfStream ? 1 : 0);
    if (this.afterCb()) return this.settle("local-reply");
    let st: FilterStatus;
    if (r === HeadersStatus.Continue || r === HeadersStatus.ContinueAndEndStream) {
      this.reqHVis = false; // Envoy decodeHeaders: request_headers_ = nullptr on Continue
      st = this.passReqHeaders();
    } else if (r === HeadersStatus.StopIteration) {
      this.reqIter = "stopSingle"; st = "stop";
    } else {
      // StopAllIterationAndBuffer / Watermark (anything larger clamps to Watermark in cpp-host)
      this.reqIter = "stopAll"; this.reqStreaming = r !== HeadersStatus.StopAllIterationAndBuffer; st = "stop";
    }
    return this.settle(this.runContinues(st));
  }

  /** decodeData: one body chunk. */
  requestBody(chunk: Uint8Array, endOfStream: boolean): FilterStatus {
    if (this.reqDone) return this.settle("local-reply");
    if (!this.reqH || this.reqEnded) return this.settle("stop");
    this.reqBytes += chunk.length;
    this.reqEnded = endOfStream;
    if (this.bypass) { this.upBody.append(chunk); this.checkReqComplete(); return this.settle("continue"); }
    if (this.reqIter === "stopAll") {
      // StopAllIteration: the filter manager buffers without calling the filter
      this.reqBuf.append(chunk);
      if (this.reqBuf.len > this.host.bufferLimit && !this.reqStreaming) { this.requestTooLarge(); return this.settle("local-reply"); }
      return this.settle("stop");
    }
    return this.settle(this.decodeData(chunk, endOfStream));
  }

  private decodeData(chunk: Uint8Array, eos: boolean): FilterStatus {
    if (!this.checkVm()) return this.bypass ? (this.upBody.append(chunk), this.checkReqComplete(), "continue") : "local-reply";
    let visible: ByteBuf;
    const wasBuffering = this.bufferingReq;
    if (wasBuffering) {
      // Envoy context.cc decodeData: addDecodedData(data) into the buffered body, 413 past the limit
      this.reqBuf.append(chunk);
      if (this.reqBuf.len > this.host.bufferLimit && !this.reqStreaming) { this.requestTooLarge(); return "local-reply"; }
      visible = this.reqBuf;
    } else {
      this.reqChunk = new ByteBuf(chunk);
      visible = this.reqChunk;
    }
    this.endOfStream = eos;
    this.inReqBody = true;
    let r = this.cb("proxy_on_request_body", visible.len, eos ? 1 : 0);
    this.inReqBody = false;
    this.bufferingReq = false;
    if (this.afterCb()) return "local-reply";
    if (r === undefined) r = DataStatus.Continue;
    if (r > DataStatus.StopIterationNoBuffer) r = DataStatus.StopIterationNoBuffer; // cpp-host clamp
    let st: FilterStatus = "stop";
    if (r === DataStatus.Continue) {
      if (!wasBuffering && this.reqChunk) this.reqBuf.append(this.reqChunk.view());
      this.reqChunk = null;
      this.reqIter = "none";
      if (!this.reqHeadersPassed) this.passReqHeaders(true);
      this.upBody.append(this.reqBuf.view()); this.reqBuf.clear();
      this.checkReqComplete();
      st = "continue";
    } else if (r === DataStatus.StopIterationAndBuffer || r === DataStatus.StopIterationAndWatermark) {
      if (!wasBuffering && this.reqChunk) this.reqBuf.append(this.reqChunk.view());
      this.reqIter = "stopSingle";
      this.bufferingReq = r === DataStatus.StopIterationAndBuffer; // context.cc: only for ...AndBuffer
      this.reqStreaming = r === DataStatus.StopIterationAndWatermark;
      if (this.reqBuf.len > this.host.bufferLimit && !this.reqStreaming) { this.requestTooLarge(); return "local-reply"; }
    } else {
      // StopIterationNoBuffer: the chunk is neither passed nor kept
      this.reqIter = "stopSingle";
    }
    return this.runContinues(st);
  }

  /** decodeTrailers. */
  requestTrailers(t: HeaderList): FilterStatus {
    if (this.reqDone) return this.settle("local-reply");
    if (!this.reqH || this.reqEnded) return this.settle("stop");
    this.reqT = normalizeHeaders(t);
    this.reqEnded = true;
    if (this.bypass) { this.upT = cloneHeaders(this.reqT); this.checkReqComplete(); return this.settle("continue"); }
    if (this.reqIter === "stopAll") { this.reqTrailersHeld = true; return this.settle("stop"); }
    return this.settle(this.decodeTrailers());
  }

  private decodeTrailers(): FilterStatus {
    if (!this.checkVm()) return this.bypass ? (this.upT = cloneHeaders(this.reqT!), this.checkReqComplete(), "continue") : "local-reply";
    this.reqTVis = true;
    const r = this.cb("proxy_on_request_trailers", this.reqT!.length);
    if (this.afterCb()) return "local-reply";
    if (r === TrailersStatus.Continue || r === undefined) {
      this.reqTVis = false;
      this.reqIter = "none";
      if (!this.reqHeadersPassed) this.passReqHeaders(true);
      this.upBody.append(this.reqBuf.view()); this.reqBuf.clear();
      this.upT = cloneHeaders(this.reqT!);
      this.checkReqComplete();
      return this.runContinues("continue");
    }
    this.reqTrailersHeld = true;
    this.reqIter = "stopSingle";
    return this.runContinues("stop");
  }

  private passReqHeaders(keepEndForData = false): FilterStatus {
    this.upH = cloneHeaders(this.reqH!);
    this.reqHeadersPassed = true;
    if (!keepEndForData) this.checkReqComplete();
    return "continue";
  }

  private checkReqComplete(): void {
    if (this.reqEnded && this.reqHeadersPassed && this.reqIter === "none" && !this.reqTrailersHeld && this.reqBuf.len === 0 && !this.upstreamComplete) {
      if (this.reqT && !this.upT) this.upT = cloneHeaders(this.reqT);
      this.upstreamComplete = true;
      this.notify();
    }
  }

  /** continueDecoding (filter_manager.cc ActiveStreamFilterBase::commonContinue). */
  private resumeRequest(): void {
    if (this.reqDone) return;
    // Envoy Context::continueStream drops the VM's access to the request maps and body
    this.reqHVis = false; this.reqTVis = false; this.reqChunk = null;
    if (this.reqIter === "none") return;
    const wasStopAll = this.reqIter === "stopAll";
    this.reqIter = "none";
    this.bufferingReq = false;
    if (!this.reqHeadersPassed) this.passReqHeaders(true);
    if (wasStopAll) {
      // data and trailers buffered while stopped go to this filter first (iterate_from_current_filter_)
      if (this.reqBuf.len > 0) {
        const d = this.reqBuf.take();
        this.decodeData(d, this.reqEnded && !this.reqTrailersHeld);
        if (this.reqDone) return;
      }
      if (this.reqTrailersHeld && this.reqIter === "none") { this.reqTrailersHeld = false; this.decodeTrailers(); return; }
    } else {
      this.upBody.append(this.reqBuf.view()); this.reqBuf.clear();
      if (this.reqTrailersHeld) { this.reqTrailersHeld = false; this.upT = cloneHeaders(this.reqT!); }
    }
    this.checkReqComplete();
    this.notify();
  }

  /** ActiveStreamDecoderFilter::requestDataTooLarge: 413 when buffering (not streaming) past the limit. */
  private requestTooLarge(): void {
    this.sendLocalReply(413, TEXT.encode("Payload Too Large"), [], "request_payload_too_large", false);
  }

  // ------------------------------------------------------------------ response path

  /** encodeHeaders (upstream response headers, or a local reply travelling the encoder chain). */
  responseHeaders(h: HeaderList, endOfStream: boolean): FilterStatus {
    if (this.reset || this.respH && !this.localReplyEncoding) return this.settle(this.reset ? "local-reply" : "stop");
    if (this.localReply && !this.localReplyEncoding) return this.settle("local-reply");
    this.respH = normalizeHeaders(h);
    this.respEnded = endOfStream;
    // Envoy context.cc encodeHeaders: no VM call after a failure local reply
    if (this.bypass || this.failureReplySent || !this.created) return this.settle(this.passRespHeaders());
    if (!this.checkVm()) return this.settle("local-reply");
    this.respHVis = true;
    this.endOfStream = endOfStream;
    const r = this.cb("proxy_on_response_headers", this.respH.length, endOfStream ? 1 : 0);
    if (this.afterCb()) return this.settle("local-reply");
    let st: FilterStatus;
    if (r === HeadersStatus.Continue || r === HeadersStatus.ContinueAndEndStream || r === undefined) {
      this.respHVis = false;
      st = this.passRespHeaders();
    } else if (r === HeadersStatus.StopIteration) {
      this.respIter = "stopSingle"; st = "stop";
    } else {
      this.respIter = "stopAll"; this.respStreaming = r !== HeadersStatus.StopAllIterationAndBuffer; st = "stop";
    }
    return this.settle(this.runContinues(st));
  }

  responseBody(chunk: Uint8Array, endOfStream: boolean): FilterStatus {
    if (this.reset) return this.settle("local-reply");
    if (!this.respH || this.respEnded) return this.settle("stop");
    this.respBytes += chunk.length;
    this.respEnded = endOfStream;
    if (this.bypass || this.failureReplySent || !this.created) { this.downBody.append(chunk); this.checkRespComplete(); return this.settle("continue"); }
    if (this.respIter === "stopAll") {
      this.respBuf.append(chunk);
      if (this.respBuf.len > this.host.bufferLimit && !this.respStreaming) { this.responseTooLarge(); return this.settle("local-reply"); }
      return this.settle("stop");
    }
    return this.settle(this.encodeData(chunk, endOfStream));
  }

  private encodeData(chunk: Uint8Array, eos: boolean): FilterStatus {
    if (!this.checkVm()) return "local-reply";
    let visible: ByteBuf;
    const wasBuffering = this.bufferingResp;
    if (wasBuffering) {
      this.respBuf.append(chunk); // addEncodedData
      if (this.respBuf.len > this.host.bufferLimit && !this.respStreaming) { this.responseTooLarge(); return "local-reply"; }
      visible = this.respBuf;
    } else {
      this.respChunk = new ByteBuf(chunk);
      visible = this.respChunk;
    }
    this.endOfStream = eos;
    this.inRespBody = true;
    let r = this.cb("proxy_on_response_body", visible.len, eos ? 1 : 0);
    this.inRespBody = false;
    this.bufferingResp = false;
    if (this.afterCb()) return "local-reply";
    if (r === undefined) r = DataStatus.Continue;
    if (r > DataStatus.StopIterationNoBuffer) r = DataStatus.StopIterationNoBuffer;
    let st: FilterStatus = "stop";
    if (r === DataStatus.Continue) {
      if (!wasBuffering && this.respChunk) this.respBuf.append(this.respChunk.view());
      this.respChunk = null;
      this.respIter = "none";
      if (!this.respHeadersPassed) this.passRespHeaders(true);
      this.downBody.append(this.respBuf.view()); this.respBuf.clear();
      this.checkRespComplete();
      st = "continue";
    } else if (r === DataStatus.StopIterationAndBuffer || r === DataStatus.StopIterationAndWatermark) {
      if (!wasBuffering && this.respChunk) this.respBuf.append(this.respChunk.view());
      this.respIter = "stopSingle";
      this.bufferingResp = r === DataStatus.StopIterationAndBuffer;
      this.respStreaming = r === DataStatus.StopIterationAndWatermark;
      if (this.respBuf.len > this.host.bufferLimit && !this.respStreaming) { this.responseTooLarge(); return "local-reply"; }
    } else {
      this.respIter = "stopSingle";
    }
    return this.runContinues(st);
  }

  responseTrailers(t: HeaderList): FilterStatus {
    if (this.reset) return this.settle("local-reply");
    if (!this.respH || this.respEnded) return this.settle("stop");
    this.respT = normalizeHeaders(t);
    this.respEnded = true;
    if (this.bypass || this.failureReplySent || !this.created) { this.downT = cloneHeaders(this.respT); this.checkRespComplete(); return this.settle("continue"); }
    if (this.respIter === "stopAll") { this.respTrailersHeld = true; return this.settle("stop"); }
    return this.settle(this.encodeTrailers());
  }

  private encodeTrailers(): FilterStatus {
    if (!this.checkVm()) return "local-reply";
    this.respTVis = true;
    const r = this.cb("proxy_on_response_trailers", this.respT!.length);
    if (this.afterCb()) return "local-reply";
    if (r === TrailersStatus.Continue || r === undefined) {
      this.respTVis = false;
      this.respIter = "none";
      if (!this.respHeadersPassed) this.passRespHeaders(true);
      this.downBody.append(this.respBuf.view()); this.respBuf.clear();
      this.downT = cloneHeaders(this.respT!);
      this.checkRespComplete();
      return this.runContinues("continue");
    }
    this.respTrailersHeld = true;
    this.respIter = "stopSingle";
    return this.runContinues("stop");
  }

  private passRespHeaders(keepEndForData = false): FilterStatus {
    this.downH = cloneHeaders(this.respH!);
    this.respHeadersPassed = true;
    if (!keepEndForData) this.checkRespComplete();
    return "continue";
  }

  private checkRespComplete(): void {
    if (this.respEnded && this.respHeadersPassed && this.respIter === "none" && !this.respTrailersHeld && this.respBuf.len === 0 && !this.downstreamComplete) {
      if (this.respT && !this.downT) this.downT = cloneHeaders(this.respT);
      this.downstreamComplete = true;
      this.notify();
    }
  }

  private resumeResponse(): void {
    if (this.reset || !this.respH) return;
    this.respHVis = false; this.respTVis = false; this.respChunk = null;
    if (this.respIter === "none") return;
    const wasStopAll = this.respIter === "stopAll";
    this.respIter = "none";
    this.bufferingResp = false;
    if (!this.respHeadersPassed) this.passRespHeaders(true);
    if (wasStopAll) {
      if (this.respBuf.len > 0) {
        const d = this.respBuf.take();
        this.encodeData(d, this.respEnded && !this.respTrailersHeld);
        if (this.reset) return;
      }
      if (this.respTrailersHeld && this.respIter === "none") { this.respTrailersHeld = false; this.encodeTrailers(); return; }
    } else {
      this.downBody.append(this.respBuf.view()); this.respBuf.clear();
      if (this.respTrailersHeld) { this.respTrailersHeld = false; this.downT = cloneHeaders(this.respT!); }
    }
    this.checkRespComplete();
    this.notify();
  }

  /** ActiveStreamEncoderFilter::responseDataTooLarge: 500 before the headers went out, else reset. */
  private responseTooLarge(): void {
    this.sendLocalReply(500, TEXT.encode("Internal Server Error"), [], "response_payload_too_large", false);
  }

  // ------------------------------------------------------------------ local replies, resets

  /**
   * FilterManager::sendLocalReply. Before any response headers exist the reply travels the encoder
   * filter chain (sendLocalReplyViaFilterChain: this filter's on_response_* see it, unless the reply is
   * the failure reply); once response headers exist but were not sent downstream it replaces them
   * directly (sendDirectLocalReply); after that the stream is reset.
   * Headers: ":status", the filter's additional headers (added lower-cased), then content-length and
   * content-type text/plain when the body is not empty and no content-type was given
   * (source/common/http/utility.cc Utility::prepareLocalReply).
   */
  sendLocalReply(status: number, body: Uint8Array, extra: HeaderList, details: string, fromFilter: boolean): void {
    if (this.reset || this.localReply) return;
    this.reqDone = true;
    const h: HeaderList = [[":status", String(status)]];
    for (const [k, v] of extra) addHeader(h, lowerAscii(k), v);
    if (body.length > 0) {
      h.push(["content-length", String(body.length)]);
      if (getFirst(h, "content-type") === undefined) h.push(["content-type", "text/plain"]);
    }
    void fromFilter;
    this.localReply = { status, body: body.slice(), headers: cloneHeaders(h), details };
    this.codeDetails = details;
    if (!this.respH) {
      this.localReplyEncoding = true;
      const st = this.responseHeaders(h, body.length === 0);
      if (st !== "local-reply" || !this.reset) {
        if (body.length > 0 && !this.reset) this.responseBody(body, true);
      }
      this.localReplyEncoding = false;
    } else if (!this.respHeadersPassed) {
      this.respH = h; this.respDone = true;
      this.downH = cloneHeaders(h); this.downBody.clear(); this.downBody.append(body); this.downT = null;
      this.respHeadersPassed = true; this.downstreamComplete = true;
      this.notify();
    } else {
      this.resetStream();
    }
  }

  /** Envoy resetStream: the client sees the connection/stream reset. */
  resetStream(): void {
    if (this.reset) return;
    this.reset = true;
    this.reqDone = true;
    this.respDone = true;
    this.notify();
  }

  /**
   * Envoy Context::failStream(Request) + failStream(Response) on a failed VM, fail closed:
   * 503 with details "wasm_fail_stream" and grpc-status Unavailable, once (failure_local_reply_sent_).
   */
  private failStream(): void {
    if (this.failureReplySent || this.localReply || this.reset) { this.reqDone = true; return; }
    this.failureReplySent = true;
    this.sendLocalReply(503, new Uint8Array(0), [], "wasm_fail_stream", false);
  }

  /** Stream idle timeout (conn_manager_impl.cc ActiveStream::onIdleTimeout): 408 local reply, or reset. */
  idleTimeout(): void {
    if (this.ended) return;
    if (this.localReply) this.resetStream();
    else this.sendLocalReply(408, TEXT.encode("stream timeout"), [], "stream_idle_timeout", false);
  }

  // ------------------------------------------------------------------ end of stream

  /** Envoy's order at stream end: access log (proxy_on_log), then onDestroy: proxy_on_done, proxy_on_delete. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.bypass && !this.vm.failed) {
      if (!this.created) this.create(); // Envoy Context::log calls onCreate when needed
      this.accessLogPhase = true;
      this.cb("proxy_on_log");
      this.accessLogPhase = false;
      this.cb("proxy_on_done");
      this.cb("proxy_on_delete");
    }
    this.vm.streams.delete(this.id);
    this.host.drain();
  }

  // ------------------------------------------------------------------ VM plumbing

  private create(): void {
    this.created = true;
    this.vm.call("proxy_on_context_create", this.id, this.rootId);
  }

  /** First callback of the stream: the context exists, or the VM failed (fail open / fail closed). */
  private enter(): boolean {
    if (this.vm.failed) {
      if (this.host.failOpen) { this.bypass = true; return false; }
      this.failStream();
      return false;
    }
    this.create();
    if (this.vm.failed) { this.failStream(); return false; }
    return true;
  }

  /** CHECK_FAIL_HTTP before a callback. */
  private checkVm(): boolean {
    if (!this.vm.failed) return true;
    if (this.host.failOpen) { this.bypass = true; return false; }
    this.failStream();
    return false;
  }

  private cb(name: string, a?: number, b?: number): number | undefined {
    this.inCallback = true;
    let r: number | undefined;
    try { r = this.vm.call(name, this.id, a, b); } finally { this.inCallback = false; }
    // CHECK_FAIL_HTTP after the call: fail open answers Continue
    if (this.vm.failed && this.host.failOpen) { this.bypass = true; return 0; }
    return r;
  }

  /** After a callback: failure → 503; a local reply or close requested in the call → act on it. True when the stream ended. */
  private afterCb(): boolean {
    if (this.vm.failed) {
      if (this.host.failOpen) { this.bypass = true; return false; }
      this.failStream();
      return true;
    }
    if (this.pendingClose) { this.pendingClose = false; this.codeDetails ??= "wasm_fail_stream"; this.resetStream(); return true; }
    if (this.pendingLocal) {
      const l = this.pendingLocal; this.pendingLocal = null;
      // a second local reply while the first is being encoded is ignored
      if (!this.localReply) { this.sendLocalReply(l.status, l.body, l.headers, l.details, true); return true; }
    }
    return false;
  }

  private runContinues(st: FilterStatus): FilterStatus {
    if (this.pendingContinue.size === 0) return st;
    const types = [...this.pendingContinue];
    this.pendingContinue.clear();
    for (const t of types) {
      if (t === StreamType.Request) this.resumeRequest();
      else this.resumeResponse();
    }
    if (this.localReply || this.reset) return "local-reply";
    return st === "stop" && this.reqIter === "none" && this.respIter === "none" ? "continue" : st;
  }

  private settle(st: FilterStatus): FilterStatus {
    this.host.drain();
    if (this.localReply || this.reset) return "local-reply";
    return st;
  }

  private notify(): void { this.onProgress?.(); }

  /** Called by the VM once a call that touched this stream has returned (outside this stream's own callbacks). */
  afterVmCall(): void {
    if (this.inCallback) return;
    if (this.afterCb()) return;
    this.runContinues("stop");
  }

  requestLocalReply(status: number, body: Uint8Array, headers: HeaderList, _grpc: number, details: string): void {
    if (this.pendingLocal || this.localReply) return;
    // Envoy: details with spaces replaced (StringUtil::replaceAllEmptySpace)
    this.pendingLocal = { status, body, headers, details: details.replace(/\s/g, "_") };
    this.vm.markDirty(this);
  }
  requestContinue(type: number): void { this.pendingContinue.add(type); this.vm.markDirty(this); }
  requestClose(): void { this.pendingClose = true; this.vm.markDirty(this); }

  /** Envoy Context::getMap / getConstMap: the map the VM may use now, or null when not available. */
  map(type: number, forWrite: boolean): HeaderList | null {
    if (this.accessLogPhase && !forWrite) {
      if (type === MapType.RequestHeaders) return this.reqH;
      if (type === MapType.ResponseHeaders) return this.respH;
      if (type === MapType.ResponseTrailers) return this.respT;
      return null;
    }
    switch (type) {
      case MapType.RequestHeaders: return this.reqHVis ? this.reqH : null;
      case MapType.RequestTrailers:
        if (this.reqTVis) return this.reqT;
        // trailers may be added from the last body callback when the request has none
        if (forWrite && !this.reqT && this.inReqBody && this.endOfStream) { this.reqT = []; this.reqTVis = true; return this.reqT; }
        return null;
      case MapType.ResponseHeaders: return this.respHVis ? this.respH : null;
      case MapType.ResponseTrailers:
        if (this.respTVis) return this.respT;
        if (forWrite && !this.respT && this.inRespBody && this.endOfStream) { this.respT = []; this.respTVis = true; return this.respT; }
        return null;
      default: return null;
    }
  }

  /** Envoy Context::getBuffer for the body buffers: the buffered body while buffering, else the chunk. */
  bodyBuffer(type: number): Uint8Array | null {
    if (type === BufferType.HttpRequestBody) return this.bufferingReq ? this.reqBuf.view() : this.reqChunk?.view() ?? null;
    if (type === BufferType.HttpResponseBody) return this.bufferingResp ? this.respBuf.view() : this.respChunk?.view() ?? null;
    return null;
  }

  setBuffer(type: number, start: number, length: number, d: Uint8Array): number {
    let b: ByteBuf | null = null;
    if (type === BufferType.HttpRequestBody) b = this.bufferingReq ? this.reqBuf : this.reqChunk;
    else if (type === BufferType.HttpResponseBody) b = this.bufferingResp ? this.respBuf : this.respChunk;
    else return R.NotFound;
    if (!b) return R.NotFound;
    return b.copyFrom(start, length, d);
  }

  propertySource(): PropertySource {
    return {
      requestHeaders: this.reqH, responseHeaders: this.respH, responseTrailers: this.respT,
      streamProps: this.props, startNs: this.startNs, requestBytes: this.reqBytes, responseBytes: this.respBytes,
      responseCodeDetails: this.codeDetails, filterState: this.filterState, dynamicMetadata: this.dynamicMetadata,
    };
  }
}
