/**
 * XML body processor: a well-formedness check plus what `XML:/*` and `XML://@*` need.
 *
 * Emits xml(XML_TEXT, "/a/b", text) for every text / CDATA segment (entity references and
 * character references decoded; XML:/* is the concatenation of all segments in document
 * order, the root element's string value) and xml(XML_ATTR, "/a/b/@name", value) for every
 * attribute. Checks: one root element, tags balanced and matching, attribute syntax (quoted
 * values, no `<`), comments / CDATA / processing instructions terminated, no text outside
 * the root, character references in range, only the five predefined entities (&lt; &gt; &amp;
 * &quot; &apos;) referenced.
 * DTDs: a DOCTYPE sets XML_DTD; an internal subset declaring entities (<!ENTITY …>, the
 * billion-laughs shape) or an external identifier (SYSTEM / PUBLIC) sets XML_ENTITY_DECLARED
 * and is an ERROR unless limits.xmlAllowEntityDecl. Nothing is ever fetched or expanded: a
 * reference to a declared entity is kept literally ("&lol9;") when allowed.
 * Limits: maxDepth (element nesting, explicit stack), maxNameLen (paths), maxArgs (emitted
 * items), maxValueLen. Iterative, one pass, O(n) plus path composition.
 */
import { ByteBuf } from "../bytes";
import { BodySink, BodyLimits, BodyResult, BodyFlag, XML_TEXT, XML_ATTR } from "./sink";
import { isHex, hexVal } from "../transforms/lib/chars";

@inline function isWs(c: u32): bool { return c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d; }
@inline function isNameChar(c: u32): bool {
  return !(isWs(c) || c == 0x2f || c == 0x3e || c == 0x3d || c == 0x3c || c == 0x26 || c == 0x22 || c == 0x27 || c == 0x21 || c == 0x3f);
}

export class XmlProcessor {
  private path: ByteBuf = new ByteBuf(256);
  private scratch: ByteBuf = new ByteBuf(256);
  private plen: Int32Array = new Int32Array(64);   // path length before each open element
  private nameAt: Int32Array = new Int32Array(64); // body offset of each open element's name
  private nameLen: Int32Array = new Int32Array(64);
  private vp: usize = 0;
  private vn: i32 = 0;
  private allowEnt: bool = false;
  private entDeclared: bool = false;

  private emit(sink: BodySink, kind: i32, lim: BodyLimits, r: BodyResult): bool {
    if (r.args >= lim.maxArgs) return r.fail("XML: too many values (limit " + lim.maxArgs.toString() + ")");
    if (this.vn > lim.maxValueLen) return r.fail("XML: value too long (limit " + lim.maxValueLen.toString() + ")");
    sink.xml(kind, this.path.ptr, this.path.len, this.vp, this.vn);
    r.args++;
    return true;
  }

  /** Decode [s, e) (text or attribute value) into the view vp/vn; false on a bad reference. */
  private decode(b: usize, s: i32, e: i32, r: BodyResult): bool {
    let amp = s;
    while (amp < e && load<u8>(b + amp) != 0x26) amp++;
    if (amp == e) { this.vp = b + s; this.vn = e - s; return true; }
    const sc = this.scratch; const start = sc.len;
    sc.reserve(e - s);
    let d = sc.ptr + <usize>start; let i = s;
    while (i < e) {
      const c = <u32>load<u8>(b + i);
      if (c != 0x26) { store<u8>(d++, <u8>c); i++; continue; }
      let j = i + 1;
      while (j < e && j - i < 40 && load<u8>(b + j) != 0x3b) j++;
      if (j >= e || load<u8>(b + j) != 0x3b) return r.fail("XML: unterminated entity reference at offset " + i.toString());
      const p = b + i + 1; const m = j - i - 1;
      if (m >= 2 && load<u8>(p) == 0x23) {
        let cp: u32 = 0; let k = 1; const hex = load<u8>(p + 1) == 0x78;
        if (hex) k = 2;
        if (k >= m) return r.fail("XML: bad character reference at offset " + i.toString());
        for (; k < m; k++) {
          const ch = <u32>load<u8>(p + k);
          if (hex ? !isHex(ch) : ch - 0x30 >= 10) return r.fail("XML: bad character reference at offset " + i.toString());
          cp = hex ? (cp << 4) | hexVal(ch) : cp * 10 + (ch - 0x30);
          if (cp > 0x10ffff) return r.fail("XML: character reference out of range at offset " + i.toString());
        }
        if (cp == 0 || (cp >= 0xd800 && cp < 0xe000)) return r.fail("XML: invalid character reference at offset " + i.toString());
        d = utf8(d, cp);
      } else {
        let ch: i32 = -1;
        if (m == 2 && load<u8>(p) == 0x6c && load<u8>(p + 1) == 0x74) ch = 0x3c;
        else if (m == 2 && load<u8>(p) == 0x67 && load<u8>(p + 1) == 0x74) ch = 0x3e;
        else if (m == 3 && load<u8>(p) == 0x61 && load<u8>(p + 1) == 0x6d && load<u8>(p + 2) == 0x70) ch = 0x26;
        else if (m == 4 && load<u32>(p) == 0x746f7571) ch = 0x22;   // "quot"
        else if (m == 4 && load<u32>(p) == 0x736f7061) ch = 0x27;   // "apos"
        if (ch >= 0) store<u8>(d++, <u8>ch);
        else if (this.entDeclared && this.allowEnt) { memory.copy(d, b + i, j + 1 - i); d += <usize>(j + 1 - i); }
        else return r.fail("XML: undefined entity reference at offset " + i.toString());
      }
      i = j + 1;
    }
    this.vp = sc.ptr + <usize>start; this.vn = <i32>(d - this.vp); sc.len = start + this.vn;
    return true;
  }

  /** DOCTYPE at i ("<!DOCTYPE"); returns the index after its '>' or -1. */
  private doctype(b: usize, n: i32, i: i32, r: BodyResult): i32 {
    let j = i + 9; let inSubset = false; let quote: u32 = 0;
    while (j < n) {
      const c = <u32>load<u8>(b + j);
      if (quote) { if (c == quote) quote = 0; j++; continue; }
      if (c == 0x22 || c == 0x27) { quote = c; j++; continue; }
      if (!inSubset) {
        if (c == 0x5b) inSubset = true;
        else if (c == 0x3e) return j + 1;
        else if ((c == 0x53 && startsAt(b, n, j, "SYSTEM")) || (c == 0x50 && startsAt(b, n, j, "PUBLIC"))) this.entDeclared = true;
      } else {
        if (c == 0x5d) inSubset = false;
        else if (c == 0x3c && startsAt(b, n, j, "<!ENTITY")) this.entDeclared = true;
        else if (c == 0x3c && startsAt(b, n, j, "<!--")) {
          const e = find(b, n, j + 4, "-->"); if (e < 0) break; j = e + 3; continue;
        }
      }
      j++;
    }
    r.fail("XML: unterminated DOCTYPE at offset " + i.toString());
    return -1;
  }

  process(body: usize, n: i32, sink: BodySink, lim: BodyLimits, r: BodyResult): bool {
    r.reset();
    sink.bodyP = body; sink.bodyN = n;
    this.scratch.reset(); this.scratch.reserve(n);
    this.path.reset();
    this.allowEnt = lim.xmlAllowEntityDecl; this.entDeclared = false;
    const maxD = lim.maxDepth;
    if (this.plen.length < maxD + 1) { this.plen = new Int32Array(maxD + 1); this.nameAt = new Int32Array(maxD + 1); this.nameLen = new Int32Array(maxD + 1); }
    const b = body;
    let depth = 0; let rootSeen = false; let dtdSeen = false;
    let i = 0;
    if (n >= 3 && load<u8>(b) == 0xef && load<u8>(b + 1) == 0xbb && load<u8>(b + 2) == 0xbf) i = 3;
    while (i < n) {
      const c = <u32>load<u8>(b + i);
      if (c != 0x3c) {
        let j = i;
        while (j < n && load<u8>(b + j) != 0x3c) j++;
        if (depth == 0) {
          for (let k = i; k < j; k++) if (!isWs(load<u8>(b + k))) return r.fail("XML: content outside the root element at offset " + k.toString());
        } else {
          for (let k = i; k < j; k++) if (load<u8>(b + k) == 0x3e && k >= i + 2 && load<u8>(b + k - 1) == 0x5d && load<u8>(b + k - 2) == 0x5d) return r.fail("XML: ']]>' in text at offset " + k.toString());
          if (!this.decode(b, i, j, r) || !this.emit(sink, XML_TEXT, lim, r)) return false;
        }
        i = j; continue;
      }
      if (startsAt(b, n, i, "<!--")) {
        const e = find(b, n, i + 4, "-->");
        if (e < 0) return r.fail("XML: unterminated comment at offset " + i.toString());
        i = e + 3; continue;
      }
      if (startsAt(b, n, i, "<![CDATA[")) {
        if (depth == 0) return r.fail("XML: CDATA outside the root element at offset " + i.toString());
        const e = find(b, n, i + 9, "]]>");
        if (e < 0) return r.fail("XML: unterminated CDATA section at offset " + i.toString());
        this.vp = b + i + 9; this.vn = e - i - 9;
        if (!this.emit(sink, XML_TEXT, lim, r)) return false;
        i = e + 3; continue;
      }
      if (startsAt(b, n, i, "<!DOCTYPE")) {
        if (rootSeen || dtdSeen) return r.fail("XML: misplaced DOCTYPE at offset " + i.toString());
        dtdSeen = true;
        sink.flag(BodyFlag.XML_DTD, 1);
        i = this.doctype(b, n, i, r);
        if (i < 0) return false;
        if (this.entDeclared) {
          sink.flag(BodyFlag.XML_ENTITY_DECLARED, 1);
          if (!this.allowEnt) return r.fail("XML: DOCTYPE declares entities or an external DTD (not allowed)");
        }
        continue;
      }
      if (i + 1 < n && load<u8>(b + i + 1) == 0x3f) {
        const e = find(b, n, i + 2, "?>");
        if (e < 0) return r.fail("XML: unterminated processing instruction at offset " + i.toString());
        i = e + 2; continue;
      }
      if (i + 1 < n && load<u8>(b + i + 1) == 0x21) return r.fail("XML: unexpected '<!' at offset " + i.toString());
      if (i + 1 < n && load<u8>(b + i + 1) == 0x2f) {
        // end tag
        let j = i + 2; const ns = j;
        while (j < n && isNameChar(load<u8>(b + j))) j++;
        const nl = j - ns;
        while (j < n && isWs(load<u8>(b + j))) j++;
        if (j >= n || load<u8>(b + j) != 0x3e) return r.fail(j >= n ? "XML: unclosed tag at end of input" : "XML: bad end tag at offset " + i.toString());
        if (depth == 0) return r.fail("XML: end tag without start tag at offset " + i.toString());
        const d = depth - 1;
        if (nl != this.nameLen[d] || memory.compare(b + ns, b + this.nameAt[d], nl) != 0) return r.fail("XML: mismatched end tag at offset " + i.toString());
        depth--; this.path.len = this.plen[depth];
        i = j + 1; continue;
      }
      // start tag
      if (depth == 0 && rootSeen) return r.fail("XML: more than one root element at offset " + i.toString());
      let j = i + 1; const ns = j;
      while (j < n && isNameChar(load<u8>(b + j))) j++;
      const nl = j - ns;
      if (nl == 0) return r.fail(j >= n ? "XML: unclosed tag at end of input" : "XML: bad tag at offset " + i.toString());
      if (depth >= maxD) return r.fail("XML: nesting deeper than " + maxD.toString());
      this.plen[depth] = this.path.len; this.nameAt[depth] = ns; this.nameLen[depth] = nl;
      this.path.push(0x2f); this.path.append(b + ns, nl);
      if (this.path.len > lim.maxNameLen) return r.fail("XML: path too long (limit " + lim.maxNameLen.toString() + ")");
      depth++; rootSeen = true;
      const elemLen = this.path.len;
      let selfClose = false;
      while (true) {
        const ws0 = j;
        while (j < n && isWs(load<u8>(b + j))) j++;
        if (j >= n) return r.fail("XML: unclosed tag at end of input");
        const a = <u32>load<u8>(b + j);
        if (a == 0x3e) { j++; break; }
        if (a == 0x2f) {
          if (j + 1 < n && load<u8>(b + j + 1) == 0x3e) { j += 2; selfClose = true; break; }
          return r.fail("XML: bad '/' in tag at offset " + j.toString());
        }
        if (j == ws0) return r.fail("XML: missing whitespace before attribute at offset " + j.toString());
        const as = j;
        while (j < n && isNameChar(load<u8>(b + j))) j++;
        const an = j - as;
        if (an == 0) return r.fail("XML: bad attribute at offset " + j.toString());
        while (j < n && isWs(load<u8>(b + j))) j++;
        if (j >= n || load<u8>(b + j) != 0x3d) return r.fail(j >= n ? "XML: unclosed tag at end of input" : "XML: attribute without value at offset " + j.toString());
        j++;
        while (j < n && isWs(load<u8>(b + j))) j++;
        if (j >= n) return r.fail("XML: unclosed tag at end of input");
        const q = <u32>load<u8>(b + j);
        if (q != 0x22 && q != 0x27) return r.fail("XML: unquoted attribute value at offset " + j.toString());
        const vs = j + 1; j = vs;
        while (j < n && <u32>load<u8>(b + j) != q) {
          if (load<u8>(b + j) == 0x3c) return r.fail("XML: '<' in attribute value at offset " + j.toString());
          j++;
        }
        if (j >= n) return r.fail("XML: unterminated attribute value at end of input");
        this.path.len = elemLen;
        this.path.push(0x2f); this.path.push(0x40); this.path.append(b + as, an);
        if (this.path.len > lim.maxNameLen) return r.fail("XML: path too long (limit " + lim.maxNameLen.toString() + ")");
        if (!this.decode(b, vs, j, r) || !this.emit(sink, XML_ATTR, lim, r)) return false;
        this.path.len = elemLen;
        j++;
      }
      if (selfClose) { depth--; this.path.len = this.plen[depth]; }
      i = j;
    }
    if (depth > 0) return r.fail("XML: unclosed tag <" + String.UTF8.decodeUnsafe(b + this.nameAt[depth - 1], <usize>min(this.nameLen[depth - 1], 100)) + "> at end of input");
    if (!rootSeen) return r.fail("XML: no root element");
    return true;
  }
}

function startsAt(b: usize, n: i32, i: i32, w: string): bool {
  const m = w.length;
  if (i + m > n) return false;
  for (let k = 0; k < m; k++) if (<u32>load<u8>(b + i + k) != <u32>w.charCodeAt(k)) return false;
  return true;
}
/** First index ≥ from where w starts (w's first byte is distinct enough; O(n·|w|), |w| ≤ 3). */
function find(b: usize, n: i32, from: i32, w: string): i32 {
  const f = <u32>w.charCodeAt(0);
  for (let i = from; i < n; i++) if (<u32>load<u8>(b + i) == f && startsAt(b, n, i, w)) return i;
  return -1;
}
function utf8(d: usize, cp: u32): usize {
  if (cp < 0x80) store<u8>(d++, <u8>cp);
  else if (cp < 0x800) { store<u8>(d++, <u8>(0xc0 | (cp >> 6))); store<u8>(d++, <u8>(0x80 | (cp & 63))); }
  else if (cp < 0x10000) {
    store<u8>(d++, <u8>(0xe0 | (cp >> 12))); store<u8>(d++, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(d++, <u8>(0x80 | (cp & 63)));
  } else {
    store<u8>(d++, <u8>(0xf0 | (cp >> 18))); store<u8>(d++, <u8>(0x80 | ((cp >> 12) & 63)));
    store<u8>(d++, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(d++, <u8>(0x80 | (cp & 63)));
  }
  return d;
}
