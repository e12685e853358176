// Header maps as Envoy keeps them (envoy source/common/http/header_map_impl.cc):
// names lower-case (LowerCaseString), pseudo headers (":method", ":path", ":authority", ":scheme",
// ":status") always before regular headers, otherwise insertion order, repeated names kept as separate
// entries. Values are byte strings: each JS char is one byte (latin1), as Node's http module gives them;
// a string with characters above U+00FF is taken as UTF-8 text and converted to its bytes.

export type HeaderList = Array<[string, string]>;

/** UTF-8 bytes of `s` as a byte string when `s` has characters above U+00FF, else `s`. */
export function byteString(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return Buffer.from(s, "utf8").toString("latin1");
  return s;
}

/** ASCII lower-casing (Envoy LowerCaseString uses absl::AsciiStrToLower: other bytes are kept). */
export function lowerAscii(s: string): string {
  let upper = false;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 65 && c <= 90) { upper = true; break; } }
  if (!upper) return s;
  let o = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    o += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return o;
}

/** A copy with lower-case names, byte-string values and pseudo headers first (stable otherwise). */
export function normalizeHeaders(h: HeaderList | undefined): HeaderList {
  const out: HeaderList = [];
  if (!h) return out;
  let pseudo = 0;
  for (let i = 0; i < h.length; i++) {
    const k = lowerAscii(byteString(String(h[i][0])));
    const v = byteString(String(h[i][1]));
    if (k.charCodeAt(0) === 58 /* ':' */) out.splice(pseudo++, 0, [k, v]);
    else out.push([k, v]);
  }
  return out;
}

/** HeaderMapImpl::get(key)[0]: the first value of `name`, or undefined. */
export function getFirst(h: HeaderList, name: string): string | undefined {
  for (let i = 0; i < h.length; i++) if (h[i][0] === name) return h[i][1];
  return undefined;
}

/** HeaderMapImpl::addCopy: appends; a pseudo header goes after the existing pseudo headers. */
export function addHeader(h: HeaderList, name: string, value: string): void {
  if (name.charCodeAt(0) === 58) {
    let i = 0;
    while (i < h.length && h[i][0].charCodeAt(0) === 58) i++;
    h.splice(i, 0, [name, value]);
  } else {
    h.push([name, value]);
  }
}

/** HeaderMapImpl::setCopy: replaces the value of the first entry of `name`, or adds it. */
export function replaceHeader(h: HeaderList, name: string, value: string): void {
  for (let i = 0; i < h.length; i++) if (h[i][0] === name) { h[i] = [name, value]; return; }
  addHeader(h, name, value);
}

/** HeaderMapImpl::remove: removes every entry of `name`. */
export function removeHeader(h: HeaderList, name: string): void {
  let j = 0;
  for (let i = 0; i < h.length; i++) if (h[i][0] !== name) h[j++] = h[i];
  h.length = j;
}

/** HeaderMapImpl::byteSize: sum of name and value lengths. */
export function byteSize(h: HeaderList): number {
  let n = 0;
  for (let i = 0; i < h.length; i++) n += h[i][0].length + h[i][1].length;
  return n;
}

export function cloneHeaders(h: HeaderList): HeaderList {
  const out: HeaderList = new Array(h.length);
  for (let i = 0; i < h.length; i++) out[i] = [h[i][0], h[i][1]];
  return out;
}
