// The filter's authorization step (called from assembly/filter.ts after the deny list): gathers the
// request's attributes from the host, decides with ./engine.ts, logs and counts the decision, and
// answers a denial with 403 {"error":"forbidden","request_id":...} (+ "policy" and an
// x-bulwark-authz header only when `debug` is on). A %00 path gets 400, as Istio does.
// Metrics (like Envoy RBAC's): bulwark.authz.allowed, .denied, .shadow_allowed, .shadow_denied.
// Argument: the configuration, the request header map, the request id, the end-user credential.
// Result: 0 when the request may continue, else the status of the local reply already sent.
import { HeaderMap } from "../host/headers";
import { RequestId } from "../host/requestid";
import { imports, WasmResultValues } from "../host/abi";
import { ptrSlot, sizeSlot, takeBuffer } from "../host/mem";
import { sendLocalResponse, logInfo, defineMetric, incrementMetric, MetricType } from "../host/stream";
import { AuthzConfig } from "./policy";
import { StrMatcher, anyMatchRaw } from "./match";
import { RequestSource, RequestAuth, buildAttributes, bufString } from "./attributes";
import { authorize, describe, SHADOW_NONE, SHADOW_ALLOWED } from "./engine";
import { jsonString } from "../util/bytes";

export const DEBUG_HEADER = "x-bulwark-authz";

// header names the step always looks up, encoded once
const K_METHOD = String.UTF8.encode(":method");
const K_PATH = String.UTF8.encode(":path");
const K_AUTHORITY = String.UTF8.encode(":authority");
const K_HOST = String.UTF8.encode("host");
const K_XFF = String.UTF8.encode("x-forwarded-for");

function keyOf(lname: string): ArrayBuffer {
  if (lname == ":method") return K_METHOD;
  if (lname == ":path") return K_PATH;
  if (lname == ":authority") return K_AUTHORITY;
  if (lname == "host") return K_HOST;
  if (lname == "x-forwarded-for") return K_XFF;
  return String.UTF8.encode(lname);
}

/** An attribute path as the ABI wants it: segments separated by NUL ("source\0address"). */
function nulPath(path: string): ArrayBuffer {
  const b = String.UTF8.encode(path);
  const p = changetype<usize>(b);
  for (let i = 0; i < b.byteLength; i++) if (load<u8>(p + i) == 0x2e) store<u8>(p + i, 0);
  return b;
}
const P_SOURCE_ADDRESS = nulPath("source.address");
const P_DEST_ADDRESS = nulPath("destination.address");
const P_DEST_PORT = nulPath("destination.port");
const P_MTLS = nulPath("connection.mtls");
const P_URI_SAN = nulPath("connection.uri_san_peer_certificate");
const P_SNI = nulPath("connection.requested_server_name");

function propKey(path: string): ArrayBuffer {
  if (path == "source.address") return P_SOURCE_ADDRESS;
  if (path == "connection.mtls") return P_MTLS;
  if (path == "connection.uri_san_peer_certificate") return P_URI_SAN;
  if (path == "destination.address") return P_DEST_ADDRESS;
  if (path == "destination.port") return P_DEST_PORT;
  if (path == "connection.requested_server_name") return P_SNI;
  return nulPath(path);
}

class HostSource extends RequestSource {
  constructor(public h: HeaderMap) { super(); }
  header(lname: string, out: Array<ArrayBuffer>): void {
    const k = keyOf(lname);
    for (let i = this.h.find(k); i >= 0; i = this.h.find(k, i + 1)) out.push(this.copy(i));
  }
  first(lname: string): ArrayBuffer | null {
    const i = this.h.find(keyOf(lname));
    return i >= 0 ? this.copy(i) : null;
  }
  private copy(i: i32): ArrayBuffer {
    const n = this.h.valueLen(i);
    const b = new ArrayBuffer(n);
    memory.copy(changetype<usize>(b), this.h.valuePtr(i), n);
    return b;
  }
  /** getProperty without encoding the path on every call. */
  property(path: string): ArrayBuffer | null {
    const k = propKey(path);
    const r = imports.proxy_get_property(changetype<usize>(k), k.byteLength, ptrSlot(), sizeSlot());
    return r == WasmResultValues.Ok ? takeBuffer() : null;
  }
}

export class AuthzMetrics {
  allowed: u32 = u32.MAX_VALUE;
  denied: u32 = u32.MAX_VALUE;
  shadowAllowed: u32 = u32.MAX_VALUE;
  shadowDenied: u32 = u32.MAX_VALUE;
  defined: bool = false;
  define(): void {
    if (this.defined) return;
    this.defined = true;
    this.allowed = defineMetric(MetricType.Counter, "bulwark.authz.allowed");
    this.denied = defineMetric(MetricType.Counter, "bulwark.authz.denied");
    this.shadowAllowed = defineMetric(MetricType.Counter, "bulwark.authz.shadow_allowed");
    this.shadowDenied = defineMetric(MetricType.Counter, "bulwark.authz.shadow_denied");
  }
}

/** The end-user credential for this request; empty until the JWT layer fills it. */
export function noCredential(): RequestAuth { return new RequestAuth(); }

export class Enforced {
  status: i32 = 0;          // 0: continue
  decidedBy: string = "";   // for the debug response header on allowed requests
}

/** The answer of the method gate when not debugging (never changed by the caller). */
const ALLOWED_BY_DEFAULT = new Enforced();

/** AuthzConfig.methodGate: true when no policy can match this request, so it is allowed by
 *  default (no ALLOW policies exist): its method matches none of the policies' `methods` and its
 *  path holds no '%' (so it cannot be the %00 path Istio answers with 400). Decides what
 *  authorize() would, without gathering attributes. */
function methodGateAllows(gate: Array<StrMatcher>, h: HeaderMap): bool {
  const pi = h.find(K_PATH);
  if (pi >= 0) {
    const pp = h.valuePtr(pi), pn = h.valueLen(pi);
    for (let i = 0; i < pn; i++) if (load<u8>(pp + i) == 0x25) return false;
  }
  const mi = h.find(K_METHOD);
  if (mi < 0) return true;   // no method: no `methods` list matches (engine.ts strOkRaw)
  return !anyMatchRaw(changetype<usize>(gate.dataStart), gate.length, h.valuePtr(mi), h.valueLen(mi));
}

export function enforce(cfg: AuthzConfig, debug: bool, h: HeaderMap, rid: RequestId, m: AuthzMetrics, auth: RequestAuth): Enforced {
  if (cfg.policies.length == 0) return ALLOWED_BY_DEFAULT;
  m.define();
  const gate = cfg.methodGate;
  if (gate != null && methodGateAllows(gate, h)) {
    incrementMetric(m.allowed);
    if (!debug) return ALLOWED_BY_DEFAULT;
    const res = new Enforced();
    res.decidedBy = describe(cfg, true, -1, -1);
    return res;
  }
  const res = new Enforced();
  const a = buildAttributes(new HostSource(h), cfg.normalization, cfg.trustedProxies, cfg.headerNames, auth, cfg.usesPaths);
  const d = authorize(cfg, a, null);
  // log text is built only when something is logged
  const what = d.audited.length || d.shadow != SHADOW_NONE || !d.allowed ? bufString(a.method) + " " + a.rawPath : "";
  for (let i = 0; i < d.audited.length; i++) {
    logInfo("bulwark: authz audit request_id=" + rid.get() + " policy=" + cfg.policies[d.audited[i]].name + " " + what);
  }
  if (d.shadow != SHADOW_NONE) {
    const ok = d.shadow == SHADOW_ALLOWED;
    incrementMetric(ok ? m.shadowAllowed : m.shadowDenied);
    logInfo("bulwark: authz shadow " + (ok ? "allowed" : "denied") + " request_id=" + rid.get() + " by " +
      describe(cfg, ok, d.shadowPolicy, d.shadowRule) + " " + what);
  }
  if (d.allowed) {
    incrementMetric(m.allowed);
    if (debug) res.decidedBy = describe(cfg, d.allowed, d.policy, d.rule) + (d.strictPath ? " on the fully normalised path" : "");
    return res;
  }
  const by = describe(cfg, d.allowed, d.policy, d.rule) + (d.strictPath ? " on the fully normalised path" : "");
  incrementMetric(m.denied);
  const policy = d.policy >= 0 ? cfg.policies[d.policy].name : "";
  if (d.badRequest) {
    logInfo("bulwark: authz bad request request_id=" + rid.get() + " (path contains %00) " + what);
    sendLocalResponse(400, "bulwark_authz_bad_path", "{\"error\":\"bad_request\",\"request_id\":" + jsonString(rid.get()) + "}",
      ["content-type", "application/json", "x-request-id", rid.get()]);
    res.status = 400;
    return res;
  }
  logInfo("bulwark: authz denied request_id=" + rid.get() + " by " + by + (d.policy >= 0 ? " policy=" + policy + " rule=" + d.rule.toString() : "") + " " + what);
  let body = "{\"error\":\"forbidden\",\"request_id\":" + jsonString(rid.get());
  const headers = ["content-type", "application/json", "x-request-id", rid.get()];
  if (debug) {
    body += ",\"policy\":" + jsonString(d.policy >= 0 ? policy : by);
    if (d.policy >= 0) body += ",\"rule\":" + d.rule.toString();
    headers.push(DEBUG_HEADER); headers.push("deny; " + by);
  }
  sendLocalResponse(403, "bulwark_authz_denied", body + "}", headers);
  res.status = 403;
  return res;
}
