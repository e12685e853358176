/**
 * go-ftw regression tests (YAML, the format of the CRS's tests/regression/tests) → raw HTTP/1
 * requests as go-ftw sends them.
 *
 *   loadTests(dir)        every *.yaml / *.yml under dir (recursively, in path order) →
 *                         FtwTest[] { name: "920100-4", ruleId, testId, file, desc, stages }
 *   rawRequest(input)     the bytes go-ftw writes on the socket for one stage's input
 *
 * Request building (go-ftw 2.x): `encoded_request` (base64) is sent as it is; otherwise
 * "<method> <uri> <version>\r\n", the headers in file order as "Name: value\r\n", "\r\n", then
 * `data`. Defaults: method GET, uri "/", version HTTP/1.1. With autocomplete_headers (the default),
 * Content-Length is added for a non-empty body when absent, and "Connection: close" when absent.
 * Example: rawRequest({ method: "POST", uri: "/", headers: { Host: "x" }, data: "a=1" }) →
 *   "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=1"
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

/** The bytes go-ftw sends for a stage's input. */
export function rawRequest(input: StageInput): Uint8Array {
  if (input.encoded_request) return Uint8Array.from(Buffer.from(input.encoded_request.replace(/\s+/g, ""), "base64"));
  const method = input.method ?? "GET";
  const uri = input.uri ?? "/";
  const version = input.version ?? "HTTP/1.1";
  const data = input.data === undefined || input.data === null ? "" : String(input.data);
  const headers: Array<[string, string]> = Object.entries(input.headers ?? {}).map(([k, v]) => [k, headerValue(v)]);
  const has = (n: string) => headers.some(([k]) => k.toLowerCase() === n);
  if (input.autocomplete_headers !== false) {
    if (data.length > 0 && !has("content-length")) headers.push(["Content-Length", String(enc.encode(data).length)]);
    if (!has("connection")) headers.push(["Connection", "close"]);
  }
  let head = `${method} ${uri} ${version}\r\n`;
  for (const [k, v] of headers) head += `${k}: ${v}\r\n`;
  head += "\r\n";
  const h = enc.encode(head), d = enc.encode(data);
  const out = new Uint8Array(h.length + d.length);
  out.set(h, 0); out.set(d, h.length);
  return out;
}
