// The local dev proxy: a Node HTTP server that plays Envoy's HTTP connection manager and router in
// front of an upstream, running every request through the filter via the proxy-wasm host.
//
// What it does the way Envoy does it (envoyproxy/envoy):
// * header names reach the filter lower-case, with `:method`, `:path`, `:authority` (from Host) and
//   `:scheme` first; Host itself becomes `:authority` (source/common/http/http1/codec_impl.cc,
//   ServerConnectionImpl::onHeadersCompleteBase);
// * hop-by-hop headers (connection, keep-alive, proxy-connection, transfer-encoding, upgrade) are not
//   passed on (source/common/http/http1/codec_impl.cc and header_utility.cc);
// * `x-request-id` is generated when absent (source/common/http/conn_manager_utility.cc,
//   ConnectionManagerUtility::mutateRequestHeaders; an incoming one is kept, as with
//   preserve_external_request_id: true);
// * the client address is appended to `x-forwarded-for` and `x-forwarded-proto` is set
//   (same function, use_remote_address: true);
// * the body reaches the filter in chunks (body callbacks see several calls), and a filter that
//   buffers past the buffer limit gets 413, as the host implements (filter_manager.cc).
// It differs from Envoy in one documented way: the request body is read before the filter runs
// (bounded by maxBodyBytes, 413 beyond), because the host replays it to the filter chunk by chunk.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import type { Host, HeaderList } from "../host/index.ts";

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host", "te"]);

export interface ProxyOptions {
  host: Host;
  upstream: string;                 // e.g. http://127.0.0.1:9000
  maxBodyBytes?: number;            // default 32 MiB
  chunkSize?: number;               // body chunk size handed to the filter, default 16 KiB
  accessLog?: (line: string) => void;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve(over ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Headers as the filter sees them (pseudo headers come from the host's SimRequest fields). */
export function downstreamHeaders(req: IncomingMessage): HeaderList {
  const out: HeaderList = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    out.push([name, raw[i + 1]]);
  }
  if (!out.some(([k]) => k === "x-request-id")) out.push(["x-request-id", randomUUID()]);
  const client = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  const xff = out.findIndex(([k]) => k === "x-forwarded-for");
  if (xff >= 0) out[xff] = ["x-forwarded-for", `${out[xff][1]}, ${client}`];
  else out.push(["x-forwarded-for", client]);
  if (!out.some(([k]) => k === "x-forwarded-proto")) out.push(["x-forwarded-proto", "http"]);
  return out;
}

function forward(upstream: URL, headers: HeaderList, body: Uint8Array): Promise<{ status: number; headers: HeaderList; body: Uint8Array }> {
  const pseudo = new Map(headers.filter(([k]) => k.startsWith(":")));
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of headers) {
    if (k.startsWith(":")) continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  out["host"] = pseudo.get(":authority") ?? upstream.host;
  out["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const r = httpRequest({
      hostname: upstream.hostname, port: upstream.port, method: pseudo.get(":method") ?? "GET",
      path: pseudo.get(":path") ?? "/", headers: out,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const h: HeaderList = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i].toLowerCase();
          if (!HOP_BY_HOP.has(name)) h.push([name, res.rawHeaders[i + 1]]);
        }
        resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    r.on("error", reject);
    r.end(body);
  });
}

export function createProxy(opts: ProxyOptions): Server {
  const upstream = new URL(opts.upstream);
  const limit = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const log = opts.accessLog ?? (() => {});
  return createServer(async (req, res) => {
    const t0 = process.hrtime.bigint();
    try {
      const body = await readBody(req, limit);
      if (body === null) {
        res.writeHead(413, { "content-type": "text/plain" }).end("payload too large\n");
        log(`${req.method} ${req.url} 413 (dev proxy body limit)`);
        return;
      }
      const headers = downstreamHeaders(req);
      const local = req.socket.localAddress?.replace(/^::ffff:/, "");
      const result = await opts.host.request({
        method: req.method ?? "GET",
        path: req.url ?? "/",
        authority: req.headers.host ?? "localhost",
        scheme: "http",
        headers,
        body,
        chunkSize: opts.chunkSize ?? 16 * 1024,
        properties: {
          "source.address": `${(req.socket.remoteAddress ?? "").replace(/^::ffff:/, "")}:${req.socket.remotePort}`,
          "destination.address": `${local}:${req.socket.localPort}`,
          "request.protocol": `HTTP/${req.httpVersion}`,
        },
        upstream: (h, b) => forward(upstream, h, b).catch(() => ({ status: 503, headers: [["content-type", "text/plain"]] as HeaderList, body: "upstream connect error\n" })),
      });
      if (result.reset) {
        // the stream was reset (e.g. a response-phase block after headers went out): as Envoy does,
        // close the connection rather than send a status
        req.socket.destroy();
        log(`${req.method} ${req.url} reset (${result.details ?? ""})`);
        return;
      }
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of result.headers) {
        if (k.startsWith(":")) continue;
        const prev = out[k];
        out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      out["content-length"] = String(result.body.length);
      res.writeHead(result.status, out);
      res.end(result.body);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      log(`${req.method} ${req.url} ${result.status} ${result.localReply ? `(local reply: ${result.details ?? ""})` : "(upstream)"} ${ms.toFixed(1)} ms`);
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" }).end("internal error\n");
      log(`${req.method} ${req.url} 500 (${(e as Error).message})`);
    }
  });
}
