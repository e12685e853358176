/**
 * multipart/form-data body processor (RFC 7578 / RFC 2046), with ModSecurity v3's strictness
 * flags (src/request_body_processor/multipart.cc) so CRS' REQBODY/MULTIPART rules behave alike.
 *
 * Input: the request's Content-Type value (for the boundary) and the whole buffered body.
 * Output: arg(name, value) for each form field; file(name, filename, data) for each part with a
 * filename (FILES, FILES_NAMES, FILES_SIZES); partHeader(name, line) for each part header line
 * (MULTIPART_PART_HEADERS); at the end flag(id, 0|1|2) for every MULTIPART_* flag:
 *   BOUNDARY_QUOTED        boundary="..." in the Content-Type
 *   BOUNDARY_WHITESPACE    whitespace around the boundary parameter's `=`
 *   MISSING_SEMICOLON      no `;` between the MIME type and the boundary parameter
 *   DATA_BEFORE            bytes before the first boundary
 *   DATA_AFTER             bytes after the final boundary
 *   HEADER_FOLDING         a folded part header; INVALID_HEADER_FOLDING if folded with other
 *                          whitespace than SP / HTAB
 *   LF_LINE                a header or boundary line ending in a bare LF; CRLF_LF_LINES when
 *                          both endings are used
 *   INVALID_QUOTING        single quotes in Content-Disposition parameters
 *   INVALID_PART           a part without headers end / name, or a boundary where data begins
 *   FILE_LIMIT_EXCEEDED    more file parts than limits.maxFiles (the extra files are skipped)
 *   UNMATCHED_BOUNDARY     1: a line that looks like "--<something>" but is not our boundary, or
 *                          our boundary inside a line; 2: (v3) boundaries matched after the
 *                          first — we never let 2 overwrite 1 (v3 does, hiding the 1)
 *   STRICT_ERROR           OR of REQBODY_ERROR and all of the above except UNMATCHED_BOUNDARY
 *                          and CRLF_LF_LINES (as v3)
 * Errors (REQBODY_ERROR, messages as v3 words them): no or bad boundary in the Content-Type,
 * invalid boundary line, part header without colon / with bad characters / duplicated / over
 * maxHeaderLine bytes / NUL, missing or invalid Content-Disposition, part without name, duplicate
 * final boundary, no boundary in the payload, final boundary missing, over maxParts / maxArgs.
 *
 * Values and file data are views into the body (the CRLF before a boundary is not data). Names
 * and filenames are views into the body unless unescaping or folding was needed. One pass over
 * the lines, O(n · boundary length) at worst; the boundary is at most 1024 bytes (v3's C-T limit).
 */
import { ByteBuf } from "../bytes";
import { BodySink, BodyLimits, BodyResult, BodyFlag } from "./sink";
import { isSpace, isAlnum, lower, isHex } from "../transforms/lib/chars";

function boundaryChar(c: u32): bool {
  return isAlnum(c) || c == 0x20 || c == 0x27 || c == 0x28 || c == 0x29 || c == 0x2b || c == 0x5f || c == 0x2c
    || c == 0x2d || c == 0x2e || c == 0x2f || c == 0x3a || c == 0x3d || c == 0x3f;
}
function tokenChar(c: u32): bool {
  if (c <= 32 || c >= 127) return false;
  switch (c) {
    case 0x28: case 0x29: case 0x3c: case 0x3e: case 0x40: case 0x2c: case 0x3b: case 0x3a: case 0x5c:
    case 0x22: case 0x2f: case 0x5b: case 0x5d: case 0x3f: case 0x3d: return false;
  }
  return true;
}
function findFold(p: usize, n: i32, word: string, from: i32): i32 {
  const m = word.length;
  for (let i = from; i + m <= n; i++) {
    let k = 0;
    while (k < m && lower(load<u8>(p + i + k)) == <u32>word.charCodeAt(k)) k++;
    if (k == m) return i;
  }
  return -1;
}
/** v3's count_boundary_params: case-insensitive "boundary" occurrences with a '=' somewhere after. */
function countBoundaryParams(p: usize, n: i32): i32 {
  let lastEq = -1;
  for (let i = n - 1; i >= 0; i--) if (load<u8>(p + i) == 0x3d) { lastEq = i; break; }
  let count = 0; let at = findFold(p, n, "boundary", 0);
  while (at >= 0 && at + 8 <= lastEq) { count++; at = findFold(p, n, "boundary", at + 8); }
  return count;
}
function findExact(p: usize, n: i32, word: string): i32 {
  const m = word.length;
  for (let i = 0; i + m <= n; i++) {
    let k = 0;
    while (k < m && <u32>load<u8>(p + i + k) == <u32>word.charCodeAt(k)) k++;
    if (k == m) return i;
  }
  return -1;
}

export class MultipartProcessor {
  private flags: Int32Array = new Int32Array(BodyFlag.COUNT);
  private bP: usize = 0;      // boundary view
  private bN: i32 = 0;
  // current part
  private inPart: bool = false;
  private inHeaders: bool = false;
  private dataStart: i32 = 0;
  private hdrNames: ByteBuf = new ByteBuf(256);   // "\n"-separated header names of the part (duplicate check)
  private cd: ByteBuf = new ByteBuf(256);         // Content-Disposition value (folded lines joined)
  private hasCd: bool = false;
  private lastWasCd: bool = false;
  private lastHeader: bool = false;               // a header was seen (for folding)
  private name: ByteBuf = new ByteBuf(64);
  private filename: ByteBuf = new ByteBuf(64);
  private hasName: bool = false;
  private hasFilename: bool = false;
  private hdrLines: Int32Array = new Int32Array(64); // (start, len) pairs of header lines
  private hdrCount: i32 = 0;
  private files: i32 = 0;
  private parts: i32 = 0;

  private set(f: i32, v: i32 = 1): void { this.flags[f] = v; }

  /** Boundary from the Content-Type, as v3's Multipart::init. */
  private boundary(ct: usize, ctN: i32, r: BodyResult): bool {
    if (ctN == 0) return r.fail("Multipart: Content-Type header not available.");
    if (ctN > 1024) return r.fail("Multipart: Invalid boundary in C-T (length).");
    if (findFold(ct, ctN, "multipart/form-data", 0) != 0) return r.fail("Multipart: Invalid MIME type.");
    const count = countBoundaryParams(ct, ctN);
    if (count > 1) return r.fail("Multipart: Multiple boundary parameters in C-T.");
    const bi = findExact(ct, ctN, "boundary");
    if (bi < 0) return r.fail(count > 0 ? "Multipart: Invalid boundary in C-T (case sensitivity)." : "Multipart: Boundary not found in C-T.");
    let semi = false;
    for (let i = 19; i < bi; i++) {
      const c = <u32>load<u8>(ct + i);
      if (isSpace(c)) continue;
      if (!semi && c == 0x3b) { semi = true; continue; }
      return r.fail("Multipart: Invalid boundary in C-T (malformed).");
    }
    if (!semi) this.set(BodyFlag.MULTIPART_MISSING_SEMICOLON);
    let e = bi + 8;
    while (e < ctN && load<u8>(ct + e) != 0x3d) e++;
    if (e >= ctN) return r.fail("Multipart: Invalid boundary in C-T (malformed).");
    for (let i = bi + 8; i < e; i++) {
      if (isSpace(load<u8>(ct + i))) this.set(BodyFlag.MULTIPART_BOUNDARY_WHITESPACE);
      else return r.fail("Multipart: Invalid boundary in C-T (parameter name).");
    }
    let v = e + 1; let vn = ctN - v;
    if (vn > 0 && isSpace(load<u8>(ct + v))) this.set(BodyFlag.MULTIPART_BOUNDARY_WHITESPACE);
    if (vn >= 2 && load<u8>(ct + v) == 0x22 && load<u8>(ct + v + vn - 1) == 0x22) {
      v++; vn -= 2;
      if (vn == 0) return r.fail("Multipart: Invalid boundary in C-T (empty).");
      this.set(BodyFlag.MULTIPART_BOUNDARY_QUOTED);
    } else if ((vn > 0 && load<u8>(ct + v) == 0x22) || (vn >= 2 && load<u8>(ct + v + vn - 1) == 0x22)) {
      return r.fail("Multipart: Invalid boundary in C-T (quote).");
    }
    if (vn == 0) return r.fail("Multipart: Invalid boundary in C-T (empty).");
    if (countBoundaryParams(ct + v, vn) != 0) return r.fail("Multipart: Invalid boundary in C-T (content).");
    if (!this.validBoundary(ct + v, vn)) {
      let k = 0;
      while (k < vn && load<u8>(ct + v + k) != 0x3b) k++;
      if (k < vn) vn = k;   // "; charset=…" after the boundary: tolerated, as v3
    }
    if (vn == 0 || !this.validBoundary(ct + v, vn)) return r.fail("Multipart: Invalid boundary in C-T (characters).");
    this.bP = ct + v; this.bN = vn;
    return true;
  }
  private validBoundary(p: usize, n: i32): bool {
    for (let i = 0; i < n; i++) {
      const c = <u32>load<u8>(p + i);
      if (!boundaryChar(c) || (c == 0x20 && i == n - 1)) return false;
    }
    return true;
  }

  @inline private startsBoundary(p: usize, n: i32): bool {
    return n >= this.bN && memory.compare(p, this.bP, this.bN) == 0;
  }

  private newPart(): void {
    this.inPart = true; this.inHeaders = true;
    this.hdrNames.reset(); this.cd.reset(); this.hasCd = false; this.lastWasCd = false; this.lastHeader = false;
    this.name.reset(); this.filename.reset(); this.hasName = false; this.hasFilename = false;
    this.hdrCount = 0;
  }

  /** v3's parse_content_disposition on this.cd; returns a negative code on error. */
  private parseCd(): i32 {
    const p = this.cd.ptr; const n = this.cd.len;
    if (n < 9 || !eqAt(p, "form-data")) return -1;
    let i = 9;
    while (i < n && (load<u8>(p + i) == 0x09 || load<u8>(p + i) == 0x20)) i++;
    if (i >= n) return 1;
    if (load<u8>(p + i) != 0x3b) return -2;
    i++;
    let star = false;
    while (i < n) {
      while (i < n && (load<u8>(p + i) == 0x09 || load<u8>(p + i) == 0x20)) i++;
      if (i >= n) return -3;
      const ns = i;
      while (i < n && load<u8>(p + i) != 0x3d && load<u8>(p + i) != 0x09 && load<u8>(p + i) != 0x20) i++;
      if (i >= n) return -4;
      const nn = i - ns;
      while (i < n && (load<u8>(p + i) == 0x09 || load<u8>(p + i) == 0x20)) i++;
      if (i >= n) return -5;
      if (load<u8>(p + i) != 0x3d) return -13;
      i++;
      while (i < n && (load<u8>(p + i) == 0x09 || load<u8>(p + i) == 0x20)) i++;
      if (i >= n) return -6;
      const isName = nn == 4 && eqAt(p + ns, "name");
      const isFile = nn == 8 && eqAt(p + ns, "filename");
      const isStar = nn == 9 && eqAt(p + ns, "filename*");
      const val = isName ? this.name : this.filename;
      const tmpStart = val.len;
      let quote: u32 = 0;
      if (isStar) {
        const cs = i;
        while (i < n && (isAlnum(load<u8>(p + i)) || isCharsetSpecial(load<u8>(p + i)))) i++;
        if (i >= n || load<u8>(p + i) != 0x27 || i == cs) return -16;
        i++;
        while (i < n && load<u8>(p + i) != 0x27) i++;
        if (i >= n) return -17;
        i++;
        while (i < n && load<u8>(p + i) != 0x3b) {
          const c = <u32>load<u8>(p + i);
          if (c == 0x25) {
            if (i + 2 >= n || !isHex(load<u8>(p + i + 1)) || !isHex(load<u8>(p + i + 2))) return -18;
            i += 3;
          } else if (isAlnum(c) || isAttrSpecial(c)) i++;
          else return -19;
        }
      } else if (load<u8>(p + i) == 0x22 || load<u8>(p + i) == 0x27) {
        quote = load<u8>(p + i);
        if (quote == 0x27) this.set(BodyFlag.MULTIPART_INVALID_QUOTING);
        i++;
        if (i >= n) return -7;
        while (i < n) {
          let c = <u32>load<u8>(p + i);
          if (c == 0x5c) {
            if (i + 1 >= n) return -8;
            const c1 = <u32>load<u8>(p + i + 1);
            if (c1 == quote || c1 == 0x5c) { i++; c = c1; }
          } else if (c == quote) break;
          if (isName || isFile) val.push(c);
          i++;
        }
        i++;
      } else {
        const vs = i;
        while (i < n && tokenChar(load<u8>(p + i))) i++;
        if (isName || isFile) val.append(p + vs, i - vs);
      }
      if (isName) {
        if (this.hasName) return -14;
        this.hasName = true;
        if (quote != 0x22) for (let k = tmpStart; k < val.len; k++) if (val.at(k) == 0x27) this.set(BodyFlag.MULTIPART_INVALID_QUOTING);
      } else if (isFile) {
        if (this.hasFilename) return -15;
        this.hasFilename = true;
        if (quote != 0x22) for (let k = tmpStart; k < val.len; k++) if (val.at(k) == 0x27) this.set(BodyFlag.MULTIPART_INVALID_QUOTING);
      } else if (isStar) {
        if (star) return -20;
        star = true;
      } else return -11;
      if (i < n) {
        while (i < n && (load<u8>(p + i) == 0x09 || load<u8>(p + i) == 0x20)) i++;
        if (i < n) {
          if (load<u8>(p + i) != 0x3b) {
            const prev = <u32>load<u8>(p + i - 1);
            if (prev == 0x27 || prev == 0x22) this.set(BodyFlag.MULTIPART_INVALID_QUOTING);
            return -12;
          }
          i++;
        }
      }
    }
    if (star && !this.hasFilename) return -21;
    return 1;
  }

  /** A header line [ls, ls+ln) without its terminator; false on error. */
  private header(body: usize, ls: i32, ln: i32, lim: BodyLimits, r: BodyResult): bool {
    const p = body + ls;
    for (let k = 0; k < ln; k++) if (load<u8>(p + k) == 0) return r.fail("Multipart: Nul byte in part headers.");
    if (this.hdrCount < 32) { this.hdrLines[this.hdrCount * 2] = ls; this.hdrLines[this.hdrCount * 2 + 1] = ln; this.hdrCount++; }
    const c0 = <u32>load<u8>(p);
    if (isSpace(c0)) {
      this.set(BodyFlag.MULTIPART_HEADER_FOLDING);
      if (!this.lastHeader) return r.fail("Multipart: Invalid part header (folding error).");
      let k = 0;
      while (k < ln && isSpace(load<u8>(p + k))) {
        const c = load<u8>(p + k);
        if (c != 0x09 && c != 0x20) this.set(BodyFlag.MULTIPART_INVALID_HEADER_FOLDING);
        k++;
      }
      if (this.lastWasCd) {
        this.cd.push(0x20); this.cd.append(p + k, ln - k);
        if (this.cd.len > lim.maxHeaderLine) return r.fail("Multipart: Part header too long.");
      }
      return true;
    }
    let k = 0;
    while (k < ln && load<u8>(p + k) != 0x3a) k++;
    if (k >= ln) return r.fail("Multipart: Invalid part header (colon missing).");
    if (k == 0) return r.fail("Multipart: Invalid part header (header name missing).");
    for (let j = 0; j < k; j++) { const c = load<u8>(p + j); if (c < 33 || c > 126) return r.fail("Multipart: Invalid part header (contains invalid characters)."); }
    // duplicate header name (exact, as v3's std::map)
    const hn = this.hdrNames; let s = 0;
    while (s < hn.len) {
      let e = s; while (e < hn.len && hn.at(e) != 0x0a) e++;
      if (e - s == k && memory.compare(hn.ptr + <usize>s, p, k) == 0) return r.fail("Multipart: Duplicate part header.");
      s = e + 1;
    }
    hn.append(p, k); hn.push(0x0a);
    let v = k + 1;
    while (v < ln && (load<u8>(p + v) == 0x09 || load<u8>(p + v) == 0x20)) v++;
    this.lastHeader = true;
    this.lastWasCd = k == 19 && eqAt(p, "Content-Disposition");
    if (this.lastWasCd) { this.hasCd = true; this.cd.set(p + v, ln - v); }
    return true;
  }

  /** End of the part's headers (blank line): v3's checks. */
  private headersDone(r: BodyResult): bool {
    if (!this.hasCd) return r.fail("Multipart: Part missing Content-Disposition header.");
    const rc = this.parseCd();
    if (rc < 0) return r.fail("Multipart: Invalid Content-Disposition header (" + rc.toString() + ").");
    if (!this.hasName || this.name.len == 0) return r.fail("Multipart: Content-Disposition header missing name field.");
    if (this.hasFilename && findExact(this.cd.ptr, this.cd.len, "filename=") < 0) return r.fail("Multipart: Invalid Content-Disposition header (filename).");
    this.inHeaders = false;
    return true;
  }

  /** The boundary line at `ls` closes the current part. */
  private endPart(body: usize, ls: i32, sink: BodySink, lim: BodyLimits, r: BodyResult): bool {
    if (!this.inPart) return true;
    this.inPart = false;
    if (this.inHeaders || !this.hasName) { this.set(BodyFlag.MULTIPART_INVALID_PART); return true; }
    if (++this.parts > lim.maxParts) return r.fail("Multipart: too many parts (limit " + lim.maxParts.toString() + ")");
    let end = ls;
    if (end > this.dataStart && load<u8>(body + end - 1) == 0x0a) end--;
    if (end > this.dataStart && load<u8>(body + end - 1) == 0x0d) end--;
    const dp = body + this.dataStart; const dn = end - this.dataStart;
    for (let h = 0; h < this.hdrCount; h++) sink.partHeader(this.name.ptr, this.name.len, body + this.hdrLines[h * 2], this.hdrLines[h * 2 + 1]);
    if (this.hasFilename) {
      if (++this.files > lim.maxFiles) { this.set(BodyFlag.MULTIPART_FILE_LIMIT_EXCEEDED); return true; }
      sink.file(this.name.ptr, this.name.len, this.filename.ptr, this.filename.len, dp, dn);
    } else {
      if (r.args >= lim.maxArgs) return r.fail("Multipart: too many arguments (limit " + lim.maxArgs.toString() + ")");
      if (dn > lim.maxValueLen) return r.fail("Multipart: value too long (limit " + lim.maxValueLen.toString() + ")");
      sink.arg(this.name.ptr, this.name.len, dp, dn);
      r.args++;
    }
    return true;
  }

  process(ct: usize, ctN: i32, body: usize, n: i32, sink: BodySink, lim: BodyLimits, r: BodyResult): bool {
    r.reset();
    sink.bodyP = body; sink.bodyN = n;
    this.flags.fill(0);
    this.inPart = false; this.files = 0; this.parts = 0;
    let ok = this.boundary(ct, ctN, r) && this.lines(body, n, sink, lim, r);
    this.finish(sink, r);
    return ok;
  }

  private lines(body: usize, n: i32, sink: BodySink, lim: BodyLimits, r: BodyResult): bool {
    let count = 0; let complete = false; let dataRead = false;
    let crlf = false; let lf = false;
    let ls = 0;
    while (ls < n) {
      let le = ls;
      while (le < n && load<u8>(body + le) != 0x0a) le++;
      const hasNl = le < n;
      const lineEnd = hasNl ? le + 1 : n;        // exclusive, terminator included
      let ln = le - ls;                          // without \n
      const cr = ln > 0 && load<u8>(body + ls + ln - 1) == 0x0d;
      const content = cr ? ln - 1 : ln;          // without \r\n
      if (complete) { this.set(BodyFlag.MULTIPART_DATA_AFTER); break; }
      const p = body + ls;
      let asBoundary = false;
      if (ln > 3 && load<u8>(p) == 0x2d && load<u8>(p + 1) == 0x2d) {
        if (this.startsBoundary(p + 2, content - 2)) {
          if (this.inPart && !dataRead && count > 0) {
            // v3: "data contains boundary" (a boundary where part data should begin)
            this.set(BodyFlag.MULTIPART_INVALID_PART);
          } else {
            if (count > 0 && this.flags[BodyFlag.MULTIPART_UNMATCHED_BOUNDARY] == 0) this.set(BodyFlag.MULTIPART_UNMATCHED_BOUNDARY, 2);
            let be = 2 + this.bN; let fin = false;
            if (be + 2 <= content && load<u8>(p + be) == 0x2d && load<u8>(p + be + 1) == 0x2d) { fin = true; be += 2; }
            if (be != content || (!hasNl && !fin)) return r.fail("Multipart: Invalid boundary: " + String.UTF8.decodeUnsafe(p, <usize>min(ln, 200)));
            if (fin && complete) return r.fail("Multipart: Invalid boundary (final duplicate).");
            if (hasNl) { if (cr) crlf = true; else { lf = true; this.set(BodyFlag.MULTIPART_LF_LINE); } }
            // the line before the boundary ended in a bare LF (v3's m_crlf_state_buf_end == 2)
            if (ls > 0 && (ls < 2 || load<u8>(body + ls - 2) != 0x0d)) { lf = true; this.set(BodyFlag.MULTIPART_LF_LINE); }
            if (!this.endPart(body, ls, sink, lim, r)) return false;
            if (fin) complete = true;
            else { this.newPart(); this.dataStart = lineEnd; dataRead = false; }
            count++;
            asBoundary = true;
          }
        } else {
          if (this.flags[BodyFlag.MULTIPART_BOUNDARY_QUOTED] && content >= this.bN + 3 && load<u8>(p + 2) == 0x22
              && this.startsBoundary(p + 3, content - 3)) return r.fail("Multipart: Invalid boundary (quotes).");
          let k = 2;
          while (k < content && isSpace(load<u8>(p + k))) k++;
          if (k != 2 && this.startsBoundary(p + k, content - k)) return r.fail("Multipart: Invalid boundary (whitespace).");
          this.set(BodyFlag.MULTIPART_UNMATCHED_BOUNDARY);
        }
      } else {
        for (let k = 0; k + 1 < ln; k++) {
          if (load<u8>(p + k) == 0x2d && load<u8>(p + k + 1) == 0x2d && this.startsBoundary(p + k + 2, ln - k - 2)) {
            this.set(BodyFlag.MULTIPART_UNMATCHED_BOUNDARY); break;
          }
        }
      }
      if (!asBoundary) {
        if (!this.inPart) this.set(BodyFlag.MULTIPART_DATA_BEFORE);
        else if (this.inHeaders) {
          if (ln + 1 > lim.maxHeaderLine) return r.fail("Multipart: Part header line over " + lim.maxHeaderLine.toString() + " bytes long");
          if (!hasNl) return r.fail("Multipart: Final boundary missing.");
          if (cr) crlf = true; else { lf = true; this.set(BodyFlag.MULTIPART_LF_LINE); }
          if (content == 0) {
            if (!this.headersDone(r)) return false;
            this.dataStart = lineEnd; dataRead = false;
          } else if (!this.header(body, ls, content, lim, r)) return false;
        } else dataRead = true;
      }
      ls = lineEnd;
    }
    if (crlf && lf) this.set(BodyFlag.MULTIPART_CRLF_LF_LINES);
    if (count == 0) return r.fail("Multipart: No boundaries found in payload.");
    if (!complete) return r.fail("Multipart: Final boundary missing.");
    return true;
  }

  private finish(sink: BodySink, r: BodyResult): void {
    const f = this.flags;
    let strict = r.error ? 1 : 0;
    for (let k = <i32>BodyFlag.MULTIPART_BOUNDARY_QUOTED; k <= <i32>BodyFlag.MULTIPART_FILE_LIMIT_EXCEEDED; k++) {
      if (k == <i32>BodyFlag.MULTIPART_CRLF_LF_LINES) continue;
      if (f[k] != 0) strict = 1;
    }
    f[BodyFlag.MULTIPART_STRICT_ERROR] = strict;
    for (let k = <i32>BodyFlag.MULTIPART_STRICT_ERROR; k <= <i32>BodyFlag.MULTIPART_UNMATCHED_BOUNDARY; k++) sink.flag(k, f[k]);
  }
}

function eqAt(p: usize, w: string): bool {
  for (let k = 0; k < w.length; k++) if (<u32>load<u8>(p + k) != <u32>w.charCodeAt(k)) return false;
  return true;
}
function isCharsetSpecial(c: u32): bool { return c == 0x21 || c == 0x23 || c == 0x24 || c == 0x25 || c == 0x26 || c == 0x2b || c == 0x2d || c == 0x5e || c == 0x5f || c == 0x60 || c == 0x7b || c == 0x7d || c == 0x7e; }
function isAttrSpecial(c: u32): bool { return c == 0x21 || c == 0x23 || c == 0x24 || c == 0x26 || c == 0x2b || c == 0x2d || c == 0x2e || c == 0x5e || c == 0x5f || c == 0x60 || c == 0x7c || c == 0x7e; }
