// The Bulwark HTTP filter: root context (configuration) and one stream context per request.
import {
  RootContext, Context, FilterHeadersStatusValues, FilterDataStatusValues,
} from "./host/abi";
import { MapType, BufType } from "./host/abi";
import { HeaderMap } from "./host/headers";
import {
  sendLocalResponse, logInfo, logError, getBufferBytes, defineMetric, incrementMetric, MetricType, nowNanos,
} from "./host/stream";
import { Config, DenyRule, loadConfig } from "./config/model";
import { Errors } from "./config/reader";
import { equalsFold, equalsBytes, jsonString } from "./util/bytes";
import { normalizePathInto } from "./util/path";
import { ByteBuf } from "./waf/bytes";
import { WafStream, prepareWaf } from "./waf/engine/stream";
import { deferRxCompiles, compileDeferredRx } from "./waf/operators/rx";
import { collectGarbage, enterCallback, leaveCallback, collectIfDue } from "./gc";
import { JwtStep } from "./authz/jwt/step";
import { addHeader } from "./host/headers";
import { enforce, AuthzMetrics, noCredential, DEBUG_HEADER } from "./authz/enforce";
import { RequestId } from "./host/requestid";

const H_METHOD = String.UTF8.encode(":method");
const H_PATH = String.UTF8.encode(":path");
const H_REQUEST_ID = String.UTF8.encode("x-request-id");

export class BulwarkRoot extends RootContext {
  config: Config | null = null;
  mRequests: u32 = u32.MAX_VALUE;
  mDenied: u32 = u32.MAX_VALUE;
  jwt: JwtStep = new JwtStep(); // end-user JWTs; its token cache lives as long as the configuration
  authzMetrics: AuthzMetrics = new AuthzMetrics(); // defined on first use (only when policies exist)
  seq: u64 = 0;
  /** configuration work in progress (rooted while garbage is collected between its steps) */
  private configuring: Errors | null = null;
  private pending: Config | null = null;

  onConfigure(configuration_size: u32): bool {
    const buf = configuration_size == 0 ? new ArrayBuffer(0)
      : getBufferBytes(BufType.PluginConfiguration, 0, configuration_size);
    if (buf == null) { logError("bulwark: configuration refused: (root): the plugin configuration could not be read"); return false; }
    const errs = new Errors();
    // Regexes are compiled after the model is built, one at a time, with the garbage of each
    // collected (operators/rx.ts deferRxCompiles; gc.ts): the work in progress is rooted here.
    this.configuring = errs;
    deferRxCompiles(true);
    const cfg = loadConfig(buf, errs);
    deferRxCompiles(false);
    this.pending = cfg;
    collectGarbage();
    compileDeferredRx(errs, collectGarbage);   // one regex's garbage at a time: the peak stays near the live size
    if (!errs.ok) {
      for (let i = 0; i < errs.list.length; i++) logError("bulwark: configuration refused: " + errs.list[i]);
      this.pending = null; this.configuring = null;
      collectGarbage();   // nothing below uses errs, cfg or buf any more
      return false;
    }
    if (cfg.waf != null) prepareWaf(cfg.waf!);   // prefilter tables, a first engine
    this.config = cfg;
    this.jwt.configure(cfg.jwt);
    if (this.mRequests == u32.MAX_VALUE) {
      this.mRequests = defineMetric(MetricType.Counter, "bulwark.requests_total");
      this.mDenied = defineMetric(MetricType.Counter, "bulwark.denied_total");
    }
    logInfo("bulwark: configured (" + cfg.denyList.length.toString() + " deny-list entries)");
    this.pending = null; this.configuring = null;
    collectGarbage();     // the old configuration and this one's leftovers; cfg is this.config
    return true;
  }

  createContext(context_id: u32): Context {
    // a context of an ended stream, when there is one (no allocation, less garbage)
    if (STREAM_POOL.length > 0) { const s = STREAM_POOL.pop(); s.reuse(context_id, this); return s; }
    return new BulwarkStream(context_id, this);
  }
}

/** header values up to this long are remembered as "the contains list is not in it" (HeaderCond) */
const MISS_MAX_LEN = 512;

function headerMatches(h: HeaderMap, rule: DenyRule): bool {
  for (let c = 0; c < rule.headers.length; c++) {
    const cond = rule.headers[c];
    let hit = false;
    // every occurrence of a repeated header counts (a client cannot hide behind a second copy)
    for (let i = h.find(cond.name); i >= 0 && !hit; i = h.find(cond.name, i + 1)) {
      if (cond.present) { hit = true; break; }
      const vp = h.valuePtr(i), vn = h.valueLen(i);
      if (cond.containsAny != null) {
        if (cond.notIn.holds(vp, vn)) hit = false;
        else {
          hit = cond.containsAny!.test(vp, vn);
          if (!hit && vn <= MISS_MAX_LEN) cond.notIn.keep(vp, vn);
        }
      }
      for (let k = 0; k < cond.equals.length && !hit; k++) hit = equalsFold(vp, vn, cond.equals[k]);
    }
    if (!hit) return false;
  }
  return true;
}

/** Stream contexts whose stream ended (proxy_on_delete: no call for them follows), reused by
 *  createContext with every field set as a new one has it. */
const STREAM_POOL: Array<BulwarkStream> = [];
const STREAM_POOL_MAX = 64;

/** the deny list's normalised path (one request at a time per VM) */
const NORM = new ByteBuf(256);

export class BulwarkStream extends Context {
  onRequestHeaders(_n: u32, _eos: bool): FilterHeadersStatusValues {
    enterCallback();
    const r = this.requestHeaders(_eos);
    leaveCallback();
    return r;
  }

  private requestHeaders(_eos: bool): FilterHeadersStatusValues {
    const root = this.root_context as BulwarkRoot;
    const cfg = root.config;
    incrementMetric(root.mRequests);
    const h = this.reqMap;
    h.fetch(MapType.RequestHeaders);
    this.requestId(h, root);
    const rid = this.rid;
    if (cfg == null) {
      // not configured (Envoy would not run us); fail closed
      this.reply(503, "bulwark_unconfigured", "{\"error\":\"unavailable\",\"request_id\":" + jsonString(rid.get()) + "}", rid.get());
      return FilterHeadersStatusValues.StopIteration;
    }
    const mi = h.find(H_METHOD), pi = h.find(H_PATH);
    const mp = mi >= 0 ? h.valuePtr(mi) : 0, mn = mi >= 0 ? h.valueLen(mi) : 0;
    let normed = false;
    for (let r = 0; r < cfg.denyList.length; r++) {
      const rule = cfg.denyList[r];
      if (rule.methods.length) {
        let hit = false;
        for (let k = 0; k < rule.methods.length && !hit; k++) hit = equalsBytes(mp, mn, rule.methods[k]);
        if (!hit) continue;
      }
      if (rule.pathPrefixes.length) {
        if (!normed) { normalizePathInto(pi >= 0 ? h.valuePtr(pi) : 0, pi >= 0 ? h.valueLen(pi) : 0, NORM); normed = true; }
        if (!rule.pathStartsWithPrefix(NORM.ptr, NORM.len)) continue;
      }
      if (rule.headers.length && !headerMatches(h, rule)) continue;
      incrementMetric(root.mDenied);
      logInfo("bulwark: denied request_id=" + rid.get() + " rule=" + rule.id + " method=" +
        (mi >= 0 ? h.valueString(mi) : "") + " path=" + (pi >= 0 ? h.valueString(pi) : ""));
      let body = "{\"error\":\"forbidden\",\"rule\":" + jsonString(rule.id) + ",\"request_id\":" + jsonString(rid.get());
      if (cfg.debug && rule.msg.length) body += ",\"msg\":" + jsonString(rule.msg);
      this.reply(403, "bulwark_denied", body + "}", rid.get());
      return FilterHeadersStatusValues.StopIteration;
    }
    // WAF phase 1 (and phase 2 when there is no body): assembly/waf/engine/stream.ts
    const waf = cfg.waf;
    if (waf != null && this.waf.requestHeaders(waf, h, rid, _eos, cfg.debug)) {
      incrementMetric(root.mDenied);
      return FilterHeadersStatusValues.StopIteration;
    }
    // end-user JWTs (Istio RequestAuthentication semantics, assembly/authz/jwt/): invalid → 401
    const auth = root.jwt.authenticate(h, rid);
    if (auth == null) return FilterHeadersStatusValues.StopIteration;
    // zero-trust authorization (Istio AuthorizationPolicy semantics, assembly/authz/)
    const az = enforce(cfg.authz, cfg.debug, h, rid, root.authzMetrics, auth);
    if (az.status != 0) return FilterHeadersStatusValues.StopIteration;
    if (cfg.debug) this.authzBy = az.decidedBy;
    // With a body still to come and WAF rules to run on it, hold the headers back: in Envoy a
    // Continue here would let the router open the upstream request before phase 2 has decided.
    // The body callbacks still run (filter_manager.cc, ActiveStreamDecoderFilter::decodeData), and
    // their Continue at end_of_stream releases headers and body together.
    if (waf != null && !_eos) return FilterHeadersStatusValues.StopIteration;
    return FilterHeadersStatusValues.Continue;
  }

  // (a new field must also be set in reuse())
  authzBy: string = "";
  /** the request headers, fetched into the buffer the context's previous stream left (not reset
   *  by reuse(): HeaderMap.fetch) */
  reqMap: HeaderMap = new HeaderMap();
  rid: RequestId = new RequestId();

  waf: WafStream = new WafStream();

  onResponseHeaders(_n: u32, _eos: bool): FilterHeadersStatusValues {
    enterCallback();
    let r = FilterHeadersStatusValues.Continue;
    if (this.waf.responseHeaders(_eos)) r = FilterHeadersStatusValues.StopIteration;
    else if (this.authzBy.length) addHeader(MapType.ResponseHeaders, DEBUG_HEADER, "allow; " + this.authzBy);
    leaveCallback();
    return r;
  }

  /** this.rid: x-request-id (decoded when first needed), or a minted one. */
  private requestId(h: HeaderMap, root: BulwarkRoot): void {
    const i = h.find(H_REQUEST_ID);
    if (i >= 0) { this.rid.fromHeader(h, i); return; }
    // Envoy's connection manager normally sets x-request-id; without it, mint a local one
    root.seq++;
    this.rid.set("bulwark-" + nowNanos().toString(16) + "-" + root.seq.toString(16));
  }

  private reply(status: u32, details: string, body: string, rid: string): void {
    sendLocalResponse(status, details, body, ["content-type", "application/json", "x-request-id", rid]);
  }

  onRequestBody(_len: usize, _eos: bool): FilterDataStatusValues {
    // WAF phase 2: buffers until end_of_stream or the body limit
    enterCallback();
    const r = this.waf.requestBody(_len, _eos);
    leaveCallback();
    return r;
  }

  onResponseBody(len: usize, eos: bool): FilterDataStatusValues {
    enterCallback();
    const r = this.waf.responseBody(len, eos);
    leaveCallback();
    return r;
  }

  onLog(): void { this.waf.release(); }
  onDelete(): void {
    this.waf.release();
    this.reqMap.shed();
    collectIfDue();
    if (STREAM_POOL.length < STREAM_POOL_MAX) STREAM_POOL.push(this);
  }

  /** As a new context for stream `id` (createContext): every field back to its initial value. */
  reuse(id: u32, root: BulwarkRoot): void {
    this.context_id = id;
    this.root_context = root;
    this.authzBy = "";
    this.rid.set("");
    this.waf.reset();
  }
}
