/**
 * What the body processors emit, their limits and their result.
 *
 * A processor takes the whole buffered body (the engine buffers up to its configured limit) and
 * calls the sink as it goes, in document order:
 *   arg(name, value)            ARGS_POST / ARGS_POST_NAMES (urlencoded, JSON, multipart fields)
 *   file(name, filename, data)  FILES (name → filename), FILES_NAMES, FILES_SIZES (= dataN),
 *                               FILES_TMP_CONTENT (the data view)
 *   partHeader(name, line)      MULTIPART_PART_HEADERS (one header line of the part `name`)
 *   xml(kind, path, value)      XML: kind XML_TEXT = a text segment of the element at `path`
 *                               (XML:/* is the concatenation of all text segments), kind XML_ATTR
 *                               = an attribute value, path ".../@name"
 *   flag(id, value)             MULTIPART_* / URLENCODED_ERROR / XML_* flags (BodyFlag), at the end
 * Every (pointer, length) pair is a view: into the body when the bytes are used as they are (a
 * multipart value, a JSON number, an undecoded urlencoded value), or into the processor's own
 * scratch memory when decoding was needed (%xx, JSON escapes, XML entities) or a name had to be
 * composed ("json.a.0"). Views into the body live as long as the body; the other views are valid
 * only during the callback, so a sink that keeps them copies them (`inBody()` tells which).
 *
 * Malformed input never traps: the processor stops, sets `result.error` and `result.msg`
 * (REQBODY_ERROR = 1, REQBODY_ERROR_MSG) and keeps what it emitted before the fault (as
 * ModSecurity and Coraza do, for a best-effort inspection).
 */

export const XML_TEXT = 0;
export const XML_ATTR = 1;

/** Flags set by processors, named like the ModSecurity variables. */
export enum BodyFlag {
  URLENCODED_ERROR = 0,
  MULTIPART_STRICT_ERROR,
  MULTIPART_BOUNDARY_QUOTED,
  MULTIPART_BOUNDARY_WHITESPACE,
  MULTIPART_DATA_BEFORE,
  MULTIPART_DATA_AFTER,
  MULTIPART_HEADER_FOLDING,
  MULTIPART_LF_LINE,
  MULTIPART_CRLF_LF_LINES,
  MULTIPART_MISSING_SEMICOLON,
  MULTIPART_INVALID_QUOTING,
  MULTIPART_INVALID_PART,
  MULTIPART_INVALID_HEADER_FOLDING,
  MULTIPART_FILE_LIMIT_EXCEEDED,
  MULTIPART_UNMATCHED_BOUNDARY,
  XML_DTD,              // a DOCTYPE was present
  XML_ENTITY_DECLARED,  // the DOCTYPE declares entities (never expanded)
  COUNT
}

export const FLAG_NAMES: string[] = ["URLENCODED_ERROR", "MULTIPART_STRICT_ERROR", "MULTIPART_BOUNDARY_QUOTED",
  "MULTIPART_BOUNDARY_WHITESPACE", "MULTIPART_DATA_BEFORE", "MULTIPART_DATA_AFTER", "MULTIPART_HEADER_FOLDING",
  "MULTIPART_LF_LINE", "MULTIPART_CRLF_LF_LINES", "MULTIPART_MISSING_SEMICOLON", "MULTIPART_INVALID_QUOTING",
  "MULTIPART_INVALID_PART", "MULTIPART_INVALID_HEADER_FOLDING", "MULTIPART_FILE_LIMIT_EXCEEDED",
  "MULTIPART_UNMATCHED_BOUNDARY", "XML_DTD", "XML_ENTITY_DECLARED"];

export abstract class BodySink {
  /** Set by the processor before it emits: the body range, for `inBody`. */
  bodyP: usize = 0;
  bodyN: i32 = 0;
  abstract arg(nameP: usize, nameN: i32, valP: usize, valN: i32): void;
  file(nameP: usize, nameN: i32, fnP: usize, fnN: i32, dataP: usize, dataN: i32): void {}
  partHeader(nameP: usize, nameN: i32, lineP: usize, lineN: i32): void {}
  xml(kind: i32, pathP: usize, pathN: i32, valP: usize, valN: i32): void {}
  flag(id: i32, value: i32): void {}
  /** Whether a view points into the body (so it outlives the callback). */
  @inline inBody(p: usize): bool { return p >= this.bodyP && p <= this.bodyP + <usize>this.bodyN; }
}

/**
 * Explicit limits. Going over one is an error (REQBODY_ERROR) with a message naming the limit,
 * except maxFiles which, like ModSecurity's SecUploadFileLimit, sets
 * MULTIPART_FILE_LIMIT_EXCEEDED and skips the extra files.
 */
export class BodyLimits {
  /** ARGS_POST entries (ModSecurity SecArgumentsLimit, default 1000). */
  maxArgs: i32 = 1000;
  /** JSON / XML nesting depth (SecRequestBodyJsonDepthLimit; Coraza's default recursion limit 1024). */
  maxDepth: i32 = 512;
  /** Bytes of one argument / element / attribute name, composed JSON/XML paths included. */
  maxNameLen: i32 = 4096;
  /** Bytes of one value. */
  maxValueLen: i32 = 1 << 24;
  /** Multipart parts. */
  maxParts: i32 = 1000;
  /** Multipart file parts (SecUploadFileLimit, default 100). */
  maxFiles: i32 = 100;
  /** Bytes of one multipart part header line (ModSecurity's MULTIPART_BUF_SIZE 4096). */
  maxHeaderLine: i32 = 4096;
  /** JSON names: false = Coraza ("json.a.0" and "json.a" = element count), true = ModSecurity v3 ("json.a.array_0"). */
  jsonModsecNames: bool = false;
  /** XML: when false (default) a DTD declaring entities is an error; when true it is only flagged. */
  xmlAllowEntityDecl: bool = false;
}

export class BodyResult {
  error: bool = false;
  msg: string = "";
  args: i32 = 0;
  /** Fail once: the first message wins. Returns false so callers can `return r.fail(..)`. */
  fail(msg: string): bool {
    if (!this.error) { this.error = true; this.msg = msg; }
    return false;
  }
  reset(): void { this.error = false; this.msg = ""; this.args = 0; }
}
