/**
 * go-ftw regression tests (YAML, the format of the CRS's tests/regression/tests) → raw HTTP/1
 * requests as go-ftw sends them.
 *
 *   loadTests(dir)        every *.yaml / *.yml under dir (recursively, in path order) →
 *                         FtwTest[] { name: "920100-4", ruleId, testId, file, desc, stages }
 *   rawRequest(input)     the bytes go-ftw writes on the socket for one stage's input
 *
 * Request building follows go-ftw 2.x (ftwhttp/request.go BuildRequest, observed behaviour):
 * `encoded_request` (base64) is sent as it is; otherwise "<method> <uri> <version>\r\n", the
 * headers sorted by name as "Name: value\r\n", "\r\n", then `data`. Defaults: method GET, uri "/",
 * version HTTP/1.1. With autocomplete_headers (the default) and a body: Content-Type
 * application/x-www-form-urlencoded when absent, and such form data is query-escaped key by key
 * unless it already holds '%' or '+'; then Connection: close and Content-Length when absent.
 * Multipart bodies get every LF turned into CRLF. Header names are case-sensitive map keys there.
 * Example: rawRequest({ method: "POST", uri: "/", headers: { Host: "x" }, data: "a=1 2" }) →
 *   "POST / HTTP/1.1\r\nConnection: close\r\nContent-Length: 5\r\nContent-Type: application/x-www-form-urlencoded\r\nHost: x\r\n\r\na=1+2"
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import YAML from "yaml";

export interface StageInput {
  dest_addr?: string; port?: number; method?: string; uri?: string; version?: string;
  headers?: Record<string, unknown>; data?: string; encoded_request?: string; autocomplete_headers?: boolean;
}
export interface StageOutput {
  status?: number | number[];
  log?: { expect_ids?: number[]; no_expect_ids?: number[]; match_regex?: string; no_match_regex?: string };
  expect_error?: boolean; retry_once?: boolean;
  // go-ftw 1.x spellings, still found in older test sets
  log_contains?: string; no_log_contains?: string;
}
export interface Stage { input: StageInput; output: StageOutput }
export interface FtwTest { name: string; ruleId: number; testId: number | string; file: string; desc?: string; stages: Stage[] }

function walk(dir: string, out: string[]): void {
  for (const n of readdirSync(dir).sort()) {
    const f = join(dir, n);
    if (statSync(f).isDirectory()) walk(f, out);
    else if (/\.ya?ml$/.test(n)) out.push(f);
  }
}

/** Loads every test file under `dir`; files that do not parse are returned in `errors`. */
export function loadTests(dir: string): { tests: FtwTest[]; errors: string[] } {
  const files: string[] = [];
  walk(dir, files);
  const tests: FtwTest[] = [];
  const errors: string[] = [];
  for (const f of files) {
    let doc: any;
    try { doc = YAML.parse(readFileSync(f, "utf8")); } catch (e) { errors.push(`${relative(dir, f)}: ${(e as Error).message}`); continue; }
    if (!doc || !Array.isArray(doc.tests)) continue; // e.g. a file whose tests are all commented out
    const fileRule = Number(doc.rule_id ?? /(\d+)\.ya?ml$/.exec(f)?.[1] ?? 0);
    for (const t of doc.tests) {
      const ruleId = Number(t.rule_id ?? fileRule);
      const stages: Stage[] = (t.stages ?? []).map((s: any) => {
        const st = s.stage ?? s; // go-ftw 1.x nests each stage under `stage:`
        return { input: st.input ?? {}, output: st.output ?? {} };
      });
      tests.push({ name: `${ruleId}-${t.test_id}`, ruleId, testId: t.test_id, file: relative(dir, f), desc: t.desc ?? t.test_title, stages });
    }
  }
  return { tests, errors };
}

const enc = new TextEncoder();

/** Header value as go-ftw writes it (YAML scalars other than strings are printed plainly). */
function headerValue(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

/** Go's url.QueryEscape on bytes: unreserved bytes kept, space → '+', the rest %XX. */
function queryEscape(b: Uint8Array): string {
  let s = "";
  for (const c of b) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f || c === 0x2e || c === 0x7e) s += String.fromCharCode(c);
    else if (c === 0x20) s += "+";
    else s += "%" + c.toString(16).toUpperCase().padStart(2, "0");
  }
  return s;
}

/**
 * go-ftw's encodeDataParameters: with Content-Type exactly application/x-www-form-urlencoded and
 * data that url.QueryUnescape leaves unchanged (no '%' and no '+'), each key and value between '&'
 * and '=' is query-escaped; anything else is sent as it is.
 */
function encodeData(contentType: string, data: Uint8Array): Uint8Array {
  if (contentType !== "application/x-www-form-urlencoded" || data.includes(0x25) || data.includes(0x2b)) return data;
  const parts: string[] = [];
  let p = 0;
  while (p < data.length) {
    let amp = data.indexOf(0x26, p);
    if (amp < 0) amp = data.length;
    const tok = data.subarray(p, amp);
    p = amp + 1;
    const eq = tok.indexOf(0x3d);
    parts.push(eq < 0 ? queryEscape(tok) : queryEscape(tok.subarray(0, eq)) + "=" + queryEscape(tok.subarray(eq + 1)));
  }
  return enc.encode(parts.join("&"));
}

const METHODS_WITH_BODY = /^POST|PUT|PATCH|DELETE$/; // go-ftw's own regex, precedence and all

/** The bytes go-ftw sends for a stage's input (go-ftw ftwhttp BuildRequest). */
export function rawRequest(input: StageInput): Uint8Array {
  if (input.encoded_request) return Uint8Array.from(Buffer.from(input.encoded_request.replace(/\s+/g, ""), "base64"));
  const method = input.method ?? "GET";
  const uri = input.uri ?? "/";
  const version = input.version ?? "HTTP/1.1";
  const auto = input.autocomplete_headers !== false;
  // go-ftw's Header is a map with case-sensitive keys; Add sets only when the value is empty/absent
  const h = new Map<string, string>(Object.entries(input.headers ?? {}).map(([k, v]) => [k, headerValue(v)]));
  const add = (k: string, v: string) => { if (!h.get(k)) h.set(k, v); };
  let data: Uint8Array = enc.encode(input.data === undefined || input.data === null ? "" : String(input.data));
  if (data.length > 0 && auto) {
    add("Content-Type", "application/x-www-form-urlencoded");
    data = encodeData(h.get("Content-Type")!, data);
  }
  if ((h.get("Content-Type") ?? "").startsWith("multipart/form-data;")) {
    // multipart bodies get CRLF line ends: every LF becomes CRLF
    const out: number[] = [];
    for (const c of data) { if (c === 0x0a) out.push(0x0d); out.push(c); }
    data = Uint8Array.from(out);
  }
  if (auto) {
    add("Connection", "close");
    if (data.length > 0 || METHODS_WITH_BODY.test(method)) add("Content-Length", String(data.length));
  }
  let head = `${method} ${uri} ${version}\r\n`;
  for (const k of [...h.keys()].sort()) head += `${k}: ${h.get(k)}\r\n`; // sorted by name, as go-ftw writes them
  head += "\r\n";
  const hb = enc.encode(head);
  const out = new Uint8Array(hb.length + data.length);
  out.set(hb, 0); out.set(data, hb.length);
  return out;
}
