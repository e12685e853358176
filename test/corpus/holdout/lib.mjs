// Helpers for the held-out corpus generator (plain Node, no dependencies, deterministic).
// Builds modsec-peer JSONL request objects: Host, a real User-Agent, Accept, Content-Type matching the body.

let seed = 0x5eed1234;
export function rnd() {
  // mulberry32
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const pick = (a) => a[Math.floor(rnd() * a.length)];

export const UA = {
  chromeWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0',
  firefoxWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.113 Mobile Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.81',
  curl: 'curl/8.5.0',
  pyreq: 'python-requests/2.31.0',
  okhttp: 'okhttp/4.12.0',
  axios: 'axios/1.6.8',
  node: 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  go: 'Go-http-client/2.0',
  ios: 'AcmeShop/5.12.1 (iPhone; iOS 17.4.1; Scale/3.00)',
  androidApp: 'AcmeShop/5.12.0 (Android 14; SM-S918B) okhttp/4.12.0',
};
const browserUAs = [UA.chromeWin, UA.chromeMac, UA.firefox, UA.firefoxWin, UA.safari, UA.iphone, UA.android, UA.edge];
export const browserUA = () => pick(browserUAs);

export const ACCEPT_HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
export const ACCEPT_JSON = 'application/json, text/plain, */*';

// Percent-encoding like a browser form/JS would do it (also encodes ' ( ) ! *).
export const e = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
// application/x-www-form-urlencoded value (spaces as +)
export const f = (s) => e(s).replace(/%20/g, '+');
export const ee = (s) => e(e(s)); // double
// IIS-style %uXXXX for every non-alphanumeric character
export const u = (s) => [...s].map((c) => /[A-Za-z0-9]/.test(c) ? c : '%u' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
// fullwidth forms for ASCII punctuation and letters
export const fw = (s) => [...s].map((c) => { const n = c.charCodeAt(0); return n > 0x20 && n < 0x7f ? String.fromCharCode(n - 0x21 + 0xff01) : c; }).join('');
export const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
export const b64url = (s) => b64(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
export const ent = (s) => [...s].map((c) => '&#' + c.codePointAt(0) + ';').join('');
export const hexent = (s) => [...s].map((c) => '&#x' + c.codePointAt(0).toString(16) + ';').join('');
export const form = (o) => Object.entries(o).map(([k, v]) => f(k).replace(/%5B/g, '[').replace(/%5D/g, ']') + '=' + f(String(v))).join('&');
export const qs = (o) => Object.entries(o).map(([k, v]) => e(k) + '=' + e(String(v))).join('&');

// Fake but well-formed JWT (random-looking signature, deterministic).
export function jwt(claims, kid = 'k-2024-05') {
  const h = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const p = b64url(JSON.stringify(claims));
  let sig = '';
  const al = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < 86; i++) sig += al[Math.floor(rnd() * 64)];
  return `${h}.${p}.${sig}`;
}
export function hex(n) { let s = ''; for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rnd() * 16)]; return s; }
export function uuid() { const h = hex(32); return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`; }

// multipart/form-data body. parts: [{name, value, filename?, type?}]
export function multipart(parts, boundary) {
  let out = '';
  for (const p of parts) {
    out += `--${boundary}\r\n`;
    out += `Content-Disposition: form-data; name="${p.name}"` + (p.filename !== undefined ? `; filename="${p.filename}"` : '') + '\r\n';
    if (p.type) out += `Content-Type: ${p.type}\r\n`;
    out += `\r\n${p.value}\r\n`;
  }
  return out + `--${boundary}--\r\n`;
}

/**
 * Build one request line.
 * o: {method, uri, host, ua, accept, ct, body, h: [[name, value]...] (extra headers), json (object -> body), multipart: parts, http_version}
 */
export function req(id, label, category, o) {
  const headers = [['Host', o.host || 'www.example.test']];
  if (o.ua !== null) headers.push(['User-Agent', o.ua || browserUA()]);
  headers.push(['Accept', o.accept || (o.json !== undefined || o.api ? ACCEPT_JSON : ACCEPT_HTML)]);
  if (o.lang !== false && o.lang !== undefined) headers.push(['Accept-Language', o.lang]);
  let body = o.body;
  let ct = o.ct;
  if (o.json !== undefined) { body = typeof o.json === 'string' ? o.json : JSON.stringify(o.json); ct = ct || 'application/json'; }
  if (o.form !== undefined) { body = typeof o.form === 'string' ? o.form : form(o.form); ct = ct || 'application/x-www-form-urlencoded'; }
  if (o.multipart) {
    const b = o.boundary || '----WebKitFormBoundary' + hex(16);
    body = multipart(o.multipart, b);
    ct = `multipart/form-data; boundary=${b}`;
  }
  if (ct) headers.push(['Content-Type', ct]);
  for (const h of o.h || []) headers.push(h);
  const r = { id, label, category, method: o.method || (body !== undefined ? 'POST' : 'GET'), uri: o.uri, headers };
  if (o.http_version) r.http_version = o.http_version;
  if (body !== undefined) r.body = body;
  return r;
}
