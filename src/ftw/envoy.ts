/**
 * What Envoy's HTTP/1 server side makes of raw request bytes before any HTTP filter runs: a model
 * of the HTTP/1 codec (Balsa parser, Envoy's default) and of the connection manager's request
 * checks and header mutations, so `bulwark ftw` feeds the filter what Envoy would feed it.
 *
 *   envoyReceive(raw, opts) → { ok: true, req }                    the request the filter sees
 *                           | { ok: false, status, details, source } Envoy answers by itself
 *
 * Modelled (Envoy source, function):
 * - source/common/http/http1/balsa_parser.cc BalsaParser::OnRequestFirstLineInput: a method not in
 *   isMethodValid's list → 400 HPE_INVALID_METHOD; a request-target failing isUrlValid (empty, a
 *   byte outside '!'..'~' (TAB and FF allowed) after a leading '/' or '*', or not
 *   "scheme://host[path]" / CONNECT "host:port") → 400 HPE_INVALID_URL. The first line is split
 *   on whitespace (quiche BalsaFrame ParseHTTPFirstLine), so leading spaces/tabs before the method
 *   are skipped.
 * - source/common/http/http1/codec_impl.cc ConnectionImpl::onHeadersCompleteBase: a request that is
 *   not HTTP/1.1 is handled as HTTP/1.0, which is refused with 426 unless
 *   http_protocol_options.accept_http_10 (opts.acceptHttp10, default true here, as the CRS tests
 *   assume HTTP/1.0 support). Filters only ever see the protocol as HTTP/1.0 or HTTP/1.1 (Envoy's
 *   Http::Protocol), whatever version string the request line carried. Content-Length together with Transfer-Encoding → 400
 *   (ServerConnectionImpl::onHeadersComplete, content_length_not_allowed); an unsupported
 *   Transfer-Encoding → 501 (BalsaParser::HandleError UNKNOWN_TRANSFER_ENCODING).
 * - ServerConnectionImpl::handlePath: an absolute-form target sets :authority from the URL and
 *   :path to its path (or "/").
 * - HeaderUtility::requestHeadersValid / header value checks (Balsa INVALID_HEADER_CHARACTER): NUL,
 *   CR or LF inside a header value → 400; header names must be tokens → 400.
 * - source/common/http/conn_manager_impl.cc ActiveStream::decodeHeaders: without Host → 400
 *   missing_host_header.
 * - source/common/http/conn_manager_utility.cc ConnectionManagerUtility::mutateRequestHeaders:
 *   Connection, Keep-Alive, Proxy-Connection, Transfer-Encoding and Upgrade are removed; a Referer
 *   that is repeated or not a valid absolute URL (Utility::Url::initialize) is removed; x-request-id
 *   and x-forwarded-proto are added. maybeNormalizePath: the fragment ('#…') is stripped from
 *   :path; path normalisation and slash merging are off (the HCM defaults).
 * - source/common/http/header_map_impl.cc HeaderMapImpl::insertByKey: a repeated header that Envoy
 *   keeps inline (Content-Type, User-Agent, Expect, TE, Via, X-Forwarded-*, X-Request-Id) is
 *   joined to the first with ','; other repeated headers stay separate entries.
 * - CONNECT: the target must be host:port (ServerConnectionImpl::handlePath → Utility::Url::initialize).
 * - Any request without Host/authority → 400 missing_host_header (ActiveStream::decodeHeaders; the
 *   HTTP/1.0 default_host_for_http_10 is not set).
 * Header names reach filters lower-cased; values trimmed of surrounding whitespace.
 */

export interface EnvoyRequest {
  method: string; path: string; authority: string; protocol: string;
  headers: Array<[string, string]>; body: Uint8Array;
}
export type EnvoyResult =
  | { ok: true; req: EnvoyRequest }
  | { ok: false; status: number; details: string; source: string };

export interface EnvoyOptions { acceptHttp10?: boolean; requestId?: string }

const VALID_METHODS = new Set(["ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD", "LINK", "LOCK", "MERGE",
  "MKACTIVITY", "MKCALENDAR", "MKCOL", "MOVE", "MSEARCH", "NOTIFY", "OPTIONS", "PATCH", "POST", "PROPFIND", "PROPPATCH", "PURGE",
  "PUT", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE", "TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE"]);

/** Request headers Envoy keeps as O(1) inline headers (envoy/http/header_map.h INLINE_REQ_*_HEADERS). */
const INLINE = new Set(["content-type", "user-agent", "expect", "te", "via", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-request-id"]);

const BALSA = "source/common/http/http1/balsa_parser.cc";
const CODEC = "source/common/http/http1/codec_impl.cc";
const HCM = "source/common/http/conn_manager_impl.cc";

const latin1 = (b: Uint8Array) => { let s = ""; for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]); return s; };
const isPathChar = (c: number) => c === 9 || c === 12 || (c >= 0x21 && c <= 0x7e);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function urlValid(url: string, connect: boolean): boolean {
  if (url.length === 0) return false;
  const codes = (s: string) => [...s].map((c) => c.charCodeAt(0));
  if (url[0] === "/" || url[0] === "*") return codes(url.slice(1)).every(isPathChar);
  let rest = url;
  if (!connect) {
    const m = /^[A-Za-z]+/.exec(rest);
    if (!m) return false;
    rest = rest.slice(m[0].length);
    if (!rest.startsWith("://")) return false;
    rest = rest.slice(3);
  }
  const q = rest.search(/[/?]/);
  const host = q < 0 ? rest : rest.slice(0, q);
  const pq = q < 0 ? "" : rest.slice(q);
  return /^[A-Za-z0-9!$%&'()*+,\-.:;=@[\]_~]*$/.test(host) && !host.includes("@@") && codes(pq).every(isPathChar);
}

/**
 * Utility::Url::initialize(value, is_connect=false): http_parser_parse_url must accept it (URL bytes
 * '!'..'~', bytes >= 0x80, TAB and FF; host of [A-Za-z0-9._-] or [v6]; optional userinfo and port)
 * and it must carry a scheme or a host, i.e. be an absolute URL.
 */
export function absoluteUrlValid(v: string): boolean {
  const m = /^([A-Za-z]+):\/\/(?:([^@/?#]*)@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d*))?([\s\S]*)$/.exec(v);
  if (!m) return false;
  if (m[2] !== undefined && !/^[A-Za-z0-9\-_.!~*'();:&=+$,%]*$/.test(m[2])) return false;
  const rest = m[5];
  if (rest !== "" && !/^[/?#]/.test(rest)) return false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (!(c === 9 || c === 12 || (c >= 0x21 && c <= 0x7e) || c >= 0x80)) return false;
  }
  return true;
}

function reject(status: number, details: string, source: string): EnvoyResult {
  return { ok: false, status, details, source };
}

/** Decodes a chunked body; null when malformed. */
function dechunk(b: Uint8Array): Uint8Array | null {
  const out: number[] = [];
  let p = 0;
  for (;;) {
    let e = p;
    while (e < b.length && b[e] !== 0x0a) e++;
    if (e >= b.length) return null;
    const line = latin1(b.subarray(p, e)).replace(/\r$/, "").split(";")[0].trim();
    if (!/^[0-9A-Fa-f]+$/.test(line)) return null;
    const n = parseInt(line, 16);
    p = e + 1;
    if (n === 0) return Uint8Array.from(out);
    if (p + n > b.length) return null;
    for (let i = 0; i < n; i++) out.push(b[p + i]);
    p += n;
    if (b[p] === 0x0d) p++;
    if (b[p] === 0x0a) p++;
  }
}

export function envoyReceive(raw: Uint8Array, opts: EnvoyOptions = {}): EnvoyResult {
  const acceptHttp10 = opts.acceptHttp10 ?? true;
  // the head ends at the first empty line (CRLF or bare LF line ends)
  let p = 0;
  while (p < raw.length && (raw[p] === 0x0d || raw[p] === 0x0a)) p++; // empty lines before the request line are skipped
  let headEnd = -1, bodyStart = raw.length;
  for (let i = p; i < raw.length; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) { headEnd = i; bodyStart = i + 2; break; }
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) { headEnd = i; bodyStart = i + 3; break; }
  }
  if (headEnd < 0) return reject(400, "incomplete request head (no empty line)", `${CODEC} ConnectionImpl::dispatch`);
  const lines = latin1(raw.subarray(p, headEnd)).split("\n").map((l) => l.replace(/\r$/, ""));
  const first = lines.shift() ?? "";
  const toks = first.trim().split(/[ \t]+/);
  const method = toks[0] ?? "";
  const target = toks[1] ?? "";
  if (!VALID_METHODS.has(method)) return reject(400, `HPE_INVALID_METHOD (method '${method}')`, `${BALSA} BalsaParser::OnRequestFirstLineInput (isMethodValid)`);
  const connect = method === "CONNECT";
  if (!urlValid(target, connect)) return reject(400, "HPE_INVALID_URL", `${BALSA} BalsaParser::OnRequestFirstLineInput (isUrlValid)`);
  const http11 = first.endsWith("HTTP/1.1");
  if (!http11 && !acceptHttp10) return reject(426, "Upgrade Required (HTTP/1.0 or older)", `${CODEC} ConnectionImpl::onHeadersCompleteBase (accept_http_10)`);
  // headers (obs-fold continuation lines are refused by Balsa with kError)
  const headers: Array<[string, string]> = [];
  for (const l of lines) {
    if (l === "") continue;
    if (l[0] === " " || l[0] === "\t") return reject(400, "obsolete line folding in headers", "quiche balsa_frame.cc (INVALID_HEADER_FORMAT)");
    const c = l.indexOf(":");
    if (c <= 0) return reject(400, `header line without ':' ('${l.slice(0, 40)}')`, "quiche balsa_frame.cc (HEADER_MISSING_COLON)");
    const name = l.slice(0, c);
    if (!TOKEN.test(name)) return reject(400, `invalid header name '${name}'`, "quiche balsa_frame.cc (INVALID_HEADER_NAME_CHARACTER)");
    const value = l.slice(c + 1).replace(/^[ \t]+|[ \t]+$/g, "");
    if (/[\0\r\n]/.test(value)) return reject(400, `header value contains invalid chars (${name})`, `${BALSA} BalsaParser::HandleError (INVALID_HEADER_CHARACTER)`);
    headers.push([name.toLowerCase(), value]);
  }
  const get = (n: string) => headers.filter(([k]) => k === n).map(([, v]) => v);
  const te = get("transfer-encoding"), cl = get("content-length");
  let body = raw.subarray(bodyStart);
  if (te.length) {
    if (cl.length) return reject(400, "both Content-Length and Transfer-Encoding", `${CODEC} ServerConnectionImpl::onHeadersComplete (content_length_not_allowed)`);
    if (te.join(",").trim().toLowerCase() !== "chunked") return reject(501, "unsupported transfer encoding", `${BALSA} BalsaParser::HandleError (UNKNOWN_TRANSFER_ENCODING)`);
    const d = dechunk(body);
    if (d == null) return reject(400, "HPE_INVALID_CHUNK_SIZE", `${BALSA} BalsaParser::HandleError (INVALID_CHUNK_LENGTH)`);
    body = d;
  } else if (cl.length) {
    if (cl.length > 1 && new Set(cl).size > 1) return reject(400, "multiple different Content-Length values", "quiche balsa_frame.cc (MULTIPLE_CONTENT_LENGTH_KEYS)");
    if (!/^\d+$/.test(cl[0])) return reject(400, `invalid Content-Length '${cl[0]}'`, "quiche balsa_frame.cc (UNPARSABLE_CONTENT_LENGTH)");
    const n = Number(cl[0]);
    body = body.subarray(0, Math.min(n, body.length));
  } else body = new Uint8Array(0); // no framing: the request has no body
  // handlePath
  let path = target, authority = get("host")[0];
  if (!(path[0] === "/" || (method === "OPTIONS" && path[0] === "*")) && !connect) {
    const m = /^[A-Za-z]+:\/\/([^/?#]*)(.*)$/.exec(path);
    if (!m) return reject(400, "invalid url in request line", `${CODEC} ServerConnectionImpl::handlePath`);
    authority = m[1];
    path = m[2] === "" ? "/" : m[2];
  } else if (connect) {
    // Utility::Url::initialize(url, is_connect=true): http_parser_parse_url wants exactly host:port
    if (!/^[^/?#:]+:\d+$/.test(target) && !/^\[[0-9A-Fa-f:.]+\]:\d+$/.test(target)) return reject(400, "invalid url in CONNECT request line (host:port required)", `${CODEC} ServerConnectionImpl::handlePath (Utility::Url::initialize)`);
    authority = target;
  }
  if (authority === undefined) return reject(400, "missing_host_header", `${HCM} ActiveStream::decodeHeaders`);
  const hash = path.indexOf("#");
  if (hash >= 0) path = path.slice(0, hash);
  // mutateRequestHeaders
  const drop = new Set(["host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade"]);
  const out: Array<[string, string]> = [];
  for (const [k, v] of headers) {
    if (drop.has(k)) continue;
    // "Sanitize referer field": removed when repeated or not an absolute URL
    if (k === "referer" && (headers.filter(([x]) => x === "referer").length > 1 || !absoluteUrlValid(v))) continue;
    // HeaderMapImpl::insertByKey: a repeated O(1) inline header is appended to the first with ','
    const prev = INLINE.has(k) ? out.find(([x]) => x === k) : undefined;
    if (prev) prev[1] = prev[1] + "," + v; else out.push([k, v]);
  }
  out.push(["x-forwarded-proto", "http"]);
  if (opts.requestId) out.push(["x-request-id", opts.requestId]);
  return { ok: true, req: { method, path, authority, protocol: http11 ? "HTTP/1.1" : "HTTP/1.0", headers: out, body } };
}
