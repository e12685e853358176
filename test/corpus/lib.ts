/**
 * Shared helpers for the corpus generator (test/corpus/generate.ts): a seeded PRNG so the output is
 * reproducible byte for byte, realistic client fingerprints (User-Agent, Accept, cookies, JWTs) and
 * encoders for placing a value in a query string, form body, JSON, XML, multipart, cookie or header.
 *
 * Argument/result: pure functions of their inputs and of the PRNG state they are handed.
 * Example: `const r = rng(7); pick(r, BROWSERS)` always gives the same User-Agent for seed 7.
 * Everything here was written by us for this corpus; nothing is copied from a payload list.
 */

export type Header = [string, string];
export interface Req {
  id: string;
  label: "attack" | "benign";
  category: string;
  method: string;
  uri: string;
  headers: Header[];
  body?: string;
  /** only set where the HTTP version itself is part of the case (protocol attacks) */
  http_version?: string;
}

export type Rng = () => number;

/** mulberry32: tiny deterministic PRNG; returns floats in [0, 1). */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export function int(r: Rng, lo: number, hi: number): number { return lo + Math.floor(r() * (hi - lo + 1)); }
export function pick<T>(r: Rng, xs: readonly T[]): T { return xs[Math.floor(r() * xs.length)]; }
export function hex(r: Rng, n: number): string { let s = ""; for (let i = 0; i < n; i++) s += "0123456789abcdef"[int(r, 0, 15)]; return s; }
export function alnum(r: Rng, n: number): string {
  const cs = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = ""; for (let i = 0; i < n; i++) s += cs[int(r, 0, cs.length - 1)]; return s;
}
export function b64url(r: Rng, n: number): string {
  const cs = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let s = ""; for (let i = 0; i < n; i++) s += cs[int(r, 0, 63)]; return s;
}
export function uuid(r: Rng): string {
  const h = hex(r, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[int(r, 0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
export function isoDate(r: Rng): string {
  const d = new Date(Date.UTC(2024, int(r, 0, 11), int(r, 1, 28), int(r, 0, 23), int(r, 0, 59), int(r, 0, 59), int(r, 0, 999)));
  return d.toISOString();
}
export const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");
export const b64u = (s: string): string => Buffer.from(s, "utf8").toString("base64url");

export const BROWSERS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
  "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0",
];
export const SDKS = [
  "curl/8.5.0",
  "python-requests/2.31.0",
  "okhttp/4.12.0",
  "Go-http-client/2.0",
  "axios/1.6.8",
  "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
  "Java-http-client/17.0.10",
  "PostmanRuntime/7.37.3",
  "aws-sdk-js/3.556.0 ua/2.0 os/linux#6.1 lang/js md/nodejs#20.12.2",
  "Dart/3.3 (dart:io)",
  "MyShop/5.12.1 (iPhone; iOS 17.4.1; Scale/3.00)",
  "undici",
];
export const LANGS = ["en-US,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "ja-JP,ja;q=0.9", "en-GB,en;q=0.9", "ar-SA,ar;q=0.9,en;q=0.8", "es-ES,es;q=0.9"];
export const ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

export function jwt(r: Rng, claims: Record<string, unknown> = {}): string {
  const iat = 1714000000 + int(r, 0, 20000000);
  const header = { alg: pick(r, ["RS256", "ES256", "RS256", "EdDSA"]), typ: "JWT", kid: `k-${hex(r, 8)}` };
  const payload = {
    iss: pick(r, ["https://auth.example.test/", "https://login.example.test/realms/main", "https://example-tenant.eu.auth0.example/"]),
    sub: pick(r, ["user_", "auth0|", "svc-"]) + alnum(r, 12),
    aud: pick(r, ["api.example.test", "https://api.example.test", "orders-service"]),
    iat, exp: iat + 3600,
    scope: pick(r, ["openid profile email", "orders:read orders:write", "read:catalog", "admin:read", "openid offline_access"]),
    ...claims,
  };
  const sigLen = header.alg === "ES256" ? 86 : header.alg === "EdDSA" ? 86 : 342;
  return `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${b64url(r, sigLen)}`;
}

/** A cookie header a browser on a real site would send (analytics, consent, session). */
export function browserCookies(r: Rng): string {
  const parts = [
    `_ga=GA1.1.${int(r, 100000000, 999999999)}.${int(r, 1690000000, 1716000000)}`,
    `session=${hex(r, 32)}`,
  ];
  if (r() < 0.5) parts.push(`_ga_${alnum(r, 10).toUpperCase()}=GS1.1.${int(r, 1700000000, 1716000000)}.${int(r, 1, 40)}.1.${int(r, 1700000000, 1716000000)}.0.0.0`);
  if (r() < 0.4) parts.push(`csrftoken=${alnum(r, 32)}`);
  if (r() < 0.3) parts.push(`theme=${pick(r, ["dark", "light", "system"])}`);
  return parts.join("; ");
}

/** Query-string encoding as a browser does it (space as %20, quote as %27). */
export function qenc(s: string): string {
  return encodeURIComponent(s).replace(/'/g, "%27").replace(/[!()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}
/** Form encoding (application/x-www-form-urlencoded): like qenc but space as '+'. */
export function fenc(s: string): string { return qenc(s).replace(/%20/g, "+"); }
/** Loose encoding as curl/scripts send it: only what breaks the request line or the query is encoded. */
export function looseq(s: string): string {
  return s.replace(/[%\s#&+"<>`{}|\\^]/g, (c) => c === "%" ? "%25" : "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}
/** Cookie-safe encoding: only separators and whitespace are escaped. */
export function cenc(s: string): string {
  return s.replace(/[;,\s"\\%]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}
export function xmlEsc(s: string): string { return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }

export function boundary(r: Rng): string {
  return pick(r, [`----WebKitFormBoundary${alnum(r, 16)}`, `------------------------${hex(r, 16)}`, `----geckoformboundary${hex(r, 24)}`, `${uuid(r)}`]);
}
export interface Part { name: string; value: string; filename?: string; type?: string }
export function multipart(b: string, parts: Part[]): string {
  let s = "";
  for (const p of parts) {
    s += `--${b}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}\r\n`;
    if (p.type) s += `Content-Type: ${p.type}\r\n`;
    s += `\r\n${p.value}\r\n`;
  }
  return s + `--${b}--\r\n`;
}

/** Base headers of a browser page/XHR or an SDK call. */
export function baseHeaders(r: Rng, host: string, kind: "page" | "xhr" | "sdk", opts: { cookies?: boolean; auth?: boolean } = {}): Header[] {
  const h: Header[] = [["Host", host]];
  if (kind === "sdk") {
    h.push(["User-Agent", pick(r, SDKS)], ["Accept", pick(r, ["application/json", "*/*", "application/json, text/plain, */*"])]);
  } else {
    h.push(["User-Agent", pick(r, BROWSERS)]);
    h.push(["Accept", kind === "page" ? ACCEPT_HTML : pick(r, ["application/json, text/plain, */*", "application/json", "*/*"])]);
    h.push(["Accept-Language", pick(r, LANGS)], ["Accept-Encoding", "gzip, deflate, br"]);
    if (kind === "xhr") h.push(["Origin", `https://${host.replace(/^api\./, "app.")}`]);
  }
  if (opts.auth) h.push(["Authorization", `Bearer ${jwt(r)}`]);
  if (opts.cookies) h.push(["Cookie", browserCookies(r)]);
  return h;
}
export function toLine(q: Req): string {
  const o: Record<string, unknown> = { id: q.id, label: q.label, category: q.category, method: q.method, uri: q.uri, headers: q.headers };
  if (q.body !== undefined) o.body = q.body;
  if (q.http_version !== undefined) o.http_version = q.http_version;
  return JSON.stringify(o);
}
