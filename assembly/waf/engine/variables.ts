/**
 * The WAF variables (ModSecurity names) the engine knows, and how a rule's variable list is parsed.
 *
 * A selector string is `[!|&]NAME[:key|:/regex/]`:
 *   "ARGS"                      every argument value (query and body)
 *   "ARGS:id"                   the argument(s) named id (names compare ignoring ASCII case)
 *   "!ARGS:foo"                 exclusion: skip ARGS named foo for this rule
 *   "&ARGS" / "&ARGS:id"        the number of items (one value, a decimal string)
 *   "ARGS:/^id_/"               arguments whose name matches a regex (needs the regex engine)
 *   "REQUEST_HEADERS:User-Agent", "TX:inbound_anomaly_score_pl1", "XML:/*"
 * Collections take keys; scalars (REQUEST_METHOD …) do not. `XML` accepts only `/*`-style
 * XPath-like keys, read as "all text and attribute values".
 */

import { Regex, compileRegex, lastCompileError, CASELESS, DOTALL } from "../../regex/index";
import { keyEquals } from "./arena";
import { keyHash } from "./transaction";

export const enum V {
  ARGS, ARGS_GET, ARGS_POST, ARGS_NAMES, ARGS_GET_NAMES, ARGS_POST_NAMES, ARGS_COMBINED_SIZE,
  REQUEST_HEADERS, REQUEST_HEADERS_NAMES, REQUEST_COOKIES, REQUEST_COOKIES_NAMES,
  REQUEST_METHOD, REQUEST_URI, REQUEST_URI_RAW, REQUEST_FILENAME, REQUEST_BASENAME, REQUEST_LINE,
  REQUEST_PROTOCOL, QUERY_STRING, REQUEST_BODY, REQUEST_BODY_LENGTH,
  FILES, FILES_NAMES, FILES_SIZES, FILES_COMBINED_SIZE,
  MULTIPART_STRICT_ERROR, MULTIPART_UNMATCHED_BOUNDARY, MULTIPART_PART_HEADERS, MULTIPART_FILENAME, MULTIPART_NAME,
  XML, REQBODY_ERROR, REQBODY_ERROR_MSG, REQBODY_PROCESSOR, REQBODY_PROCESSOR_ERROR,
  REMOTE_ADDR, REMOTE_PORT, SERVER_NAME, SERVER_PORT, TX,
  MATCHED_VAR, MATCHED_VARS, MATCHED_VAR_NAME, MATCHED_VARS_NAMES,
  RESPONSE_STATUS, RESPONSE_PROTOCOL, RESPONSE_HEADERS, RESPONSE_HEADERS_NAMES, RESPONSE_BODY,
  RESPONSE_CONTENT_TYPE, RESPONSE_CONTENT_LENGTH, REQUEST_CONTENT_TYPE,
  UNIQUE_ID, DURATION, RULE,
  COUNT // number of variables
}

export const VAR_NAMES: Array<string> = [
  "ARGS", "ARGS_GET", "ARGS_POST", "ARGS_NAMES", "ARGS_GET_NAMES", "ARGS_POST_NAMES", "ARGS_COMBINED_SIZE",
  "REQUEST_HEADERS", "REQUEST_HEADERS_NAMES", "REQUEST_COOKIES", "REQUEST_COOKIES_NAMES",
  "REQUEST_METHOD", "REQUEST_URI", "REQUEST_URI_RAW", "REQUEST_FILENAME", "REQUEST_BASENAME", "REQUEST_LINE",
  "REQUEST_PROTOCOL", "QUERY_STRING", "REQUEST_BODY", "REQUEST_BODY_LENGTH",
  "FILES", "FILES_NAMES", "FILES_SIZES", "FILES_COMBINED_SIZE",
  "MULTIPART_STRICT_ERROR", "MULTIPART_UNMATCHED_BOUNDARY", "MULTIPART_PART_HEADERS", "MULTIPART_FILENAME", "MULTIPART_NAME",
  "XML", "REQBODY_ERROR", "REQBODY_ERROR_MSG", "REQBODY_PROCESSOR", "REQBODY_PROCESSOR_ERROR",
  "REMOTE_ADDR", "REMOTE_PORT", "SERVER_NAME", "SERVER_PORT", "TX",
  "MATCHED_VAR", "MATCHED_VARS", "MATCHED_VAR_NAME", "MATCHED_VARS_NAMES",
  "RESPONSE_STATUS", "RESPONSE_PROTOCOL", "RESPONSE_HEADERS", "RESPONSE_HEADERS_NAMES", "RESPONSE_BODY",
  "RESPONSE_CONTENT_TYPE", "RESPONSE_CONTENT_LENGTH", "REQUEST_CONTENT_TYPE",
  "UNIQUE_ID", "DURATION", "RULE",
];

/** Whether a variable is a collection (takes `:key` selectors, yields several items). */
export function isCollection(v: i32): bool {
  switch (v) {
    case V.ARGS: case V.ARGS_GET: case V.ARGS_POST: case V.ARGS_NAMES: case V.ARGS_GET_NAMES: case V.ARGS_POST_NAMES:
    case V.REQUEST_HEADERS: case V.REQUEST_HEADERS_NAMES: case V.REQUEST_COOKIES: case V.REQUEST_COOKIES_NAMES:
    case V.FILES: case V.FILES_NAMES: case V.FILES_SIZES: case V.MULTIPART_PART_HEADERS: case V.MULTIPART_FILENAME:
    case V.MULTIPART_NAME: case V.XML: case V.TX: case V.MATCHED_VARS: case V.MATCHED_VARS_NAMES:
    case V.RESPONSE_HEADERS: case V.RESPONSE_HEADERS_NAMES: case V.RULE:
      return true;
  }
  return false;
}

/** Phase from which a variable has its value (1 request headers … 4 response body). */
export function availablePhase(v: i32): i32 {
  switch (v) {
    case V.ARGS_POST: case V.ARGS_POST_NAMES: case V.REQUEST_BODY: case V.REQUEST_BODY_LENGTH:
    case V.FILES: case V.FILES_NAMES: case V.FILES_SIZES: case V.FILES_COMBINED_SIZE:
    case V.MULTIPART_STRICT_ERROR: case V.MULTIPART_UNMATCHED_BOUNDARY: case V.MULTIPART_PART_HEADERS:
    case V.MULTIPART_FILENAME: case V.MULTIPART_NAME: case V.XML: case V.REQBODY_ERROR: case V.REQBODY_ERROR_MSG:
    case V.REQBODY_PROCESSOR_ERROR:
      return 2;
    case V.RESPONSE_STATUS: case V.RESPONSE_PROTOCOL: case V.RESPONSE_HEADERS: case V.RESPONSE_HEADERS_NAMES:
    case V.RESPONSE_CONTENT_TYPE: case V.RESPONSE_CONTENT_LENGTH:
      return 3;
    case V.RESPONSE_BODY:
      return 4;
  }
  return 1;
}

export function varIndex(name: string): i32 {
  for (let i = 0; i < VAR_NAMES.length; i++) if (VAR_NAMES[i] == name) return i;
  // ModSecurity accepts variable names in any case
  const up = name.toUpperCase();
  for (let i = 0; i < VAR_NAMES.length; i++) if (VAR_NAMES[i] == up) return i;
  return -1;
}

/** One parsed selector. */
export class VarSel {
  v: i32 = 0;
  exclude: bool = false;
  count: bool = false;
  /** lower-case key bytes, or null for the whole collection */
  key: ArrayBuffer | null = null;
  /** keyHash of `key` (TX lookups) */
  keyHash: u32 = 0;
  keyString: string = "";
  /** a `:/regex/` key, compiled caseless (keys compare ignoring case everywhere) */
  keyRegex: string | null = null;
  keyRe: Regex | null = null;

  /** Whether an item key [p, p+n) is selected (no key: every item). */
  @inline selects(p: usize, n: i32): bool {
    if (this.keyRe != null) return this.keyRe!.test(p, n);
    if (this.key != null) return keyEquals(p, n, this.key!);
    return true;
  }

  text(): string {
    let s = (this.exclude ? "!" : "") + (this.count ? "&" : "") + VAR_NAMES[this.v];
    if (this.keyRegex != null) s += ":/" + this.keyRegex! + "/";
    else if (this.key != null) s += ":" + this.keyString;
    return s;
  }
}

/** Whether any rule or macro parsed in this VM reads DURATION (then a transaction needs the host's
 *  clock at its start; otherwise that host call is skipped). Only ever turns true. */
let durationUsed = false;
export function usesDuration(): bool { return durationUsed; }
/** Called for every variable a selector or macro names. */
export function noteVariable(v: i32): void { if (v == V.DURATION) durationUsed = true; }

/** Parses one selector; returns null and sets `err` on a fault. */
export function parseSelector(s: string, err: Array<string>): VarSel | null {
  const sel = new VarSel();
  let i = 0;
  if (s.startsWith("!")) { sel.exclude = true; i = 1; }
  if (s.startsWith("&", i)) { sel.count = true; i++; }
  if (sel.exclude && sel.count) { err.push("'!' and '&' cannot be combined"); return null; }
  const colon = s.indexOf(":", i);
  const name = colon < 0 ? s.substring(i) : s.substring(i, colon);
  const v = varIndex(name);
  if (v < 0) { err.push("unknown variable '" + name + "'"); return null; }
  sel.v = v;
  noteVariable(v);
  if (colon >= 0) {
    const key = s.substring(colon + 1);
    if (!isCollection(v)) { err.push("'" + VAR_NAMES[v] + "' is not a collection and takes no ':key'"); return null; }
    if (key.length == 0) { err.push("empty key after ':'"); return null; }
    if (v == V.XML) {
      if (!key.startsWith("/")) { err.push("XML takes an XPath-like key such as '/*'"); return null; }
      // every XML selector means "all text and attribute values" (documented limitation)
      return sel;
    }
    if (key.length >= 2 && key.startsWith("/") && key.endsWith("/")) {
      sel.keyRegex = key.substring(1, key.length - 1);
      if (sel.keyRegex!.length == 0) { err.push("empty key regex"); return null; }
      sel.keyRe = compileRegex(sel.keyRegex!, CASELESS | DOTALL);
      if (sel.keyRe == null) { err.push("key regex '" + sel.keyRegex! + "': " + lastCompileError()); return null; }
    } else {
      // quoted keys (SecLang habit: ARGS:'foo') lose their quotes
      let k = key;
      if (k.length >= 2 && k.startsWith("'") && k.endsWith("'")) k = k.substring(1, k.length - 1);
      sel.keyString = k;
      sel.key = lowerAscii(k);
      sel.keyHash = keyHash(changetype<usize>(sel.key!), sel.key!.byteLength);
    }
  } else if (sel.exclude) {
    err.push("an exclusion needs a key ('!ARGS:name'); a whole variable is excluded by leaving it out");
    return null;
  }
  return sel;
}

export function lowerAscii(s: string): ArrayBuffer {
  const b = String.UTF8.encode(s);
  const p = changetype<usize>(b);
  for (let i = 0; i < b.byteLength; i++) {
    const c = <u32>load<u8>(p + i);
    if (c - 0x41 < 26) store<u8>(p + i, <u8>(c | 0x20));
  }
  return b;
}
