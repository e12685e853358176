/**
 * Registry of transformations by their ModSecurity names.
 *
 *   transformId("urlDecodeUni")        → its id (case-insensitive, as ModSecurity/Coraza), -1 if unknown
 *   applyTransform(id, src, n, out)    → writes the result into `out`; true when it changed the value
 *   transformName(id)                  → the canonical spelling
 *
 * Every transformation has the same signature `(src: usize, n: i32, out: ByteBuf): bool`; `out`
 * always receives the full result (also when unchanged) and must not overlap `src`. A false
 * answer guarantees out == input (so the engine may keep using the input view and skip the
 * per-request cache entry); true means it (probably) changed: a few transformations answer true
 * for any non-empty input, as ModSecurity does (base64*, hex*, md5, sha1, length, parity*). Ids are
 * stable for the life of the module (the engine compiles rule transformation lists to ids at
 * configure time). Adding one = one new file + one `reg(...)` line below.
 */
import { ByteBuf } from "../bytes";
import { none } from "./none";
import { lowercase } from "./lowercase";
import { uppercase } from "./uppercase";
import { urlDecode } from "./urlDecode";
import { urlDecodeUni } from "./urlDecodeUni";
import { htmlEntityDecode } from "./htmlEntityDecode";
import { jsDecode } from "./jsDecode";
import { cssDecode } from "./cssDecode";
import { cmdLine } from "./cmdLine";
import { compressWhitespace } from "./compressWhitespace";
import { removeWhitespace } from "./removeWhitespace";
import { removeNulls } from "./removeNulls";
import { replaceNulls } from "./replaceNulls";
import { replaceComments } from "./replaceComments";
import { removeComments } from "./removeComments";
import { removeCommentsChar } from "./removeCommentsChar";
import { normalisePath } from "./normalisePath";
import { normalisePathWin } from "./normalisePathWin";
import { base64Decode } from "./base64Decode";
import { base64DecodeExt } from "./base64DecodeExt";
import { base64Encode } from "./base64Encode";
import { hexDecode } from "./hexDecode";
import { hexEncode } from "./hexEncode";
import { utf8toUnicode } from "./utf8toUnicode";
import { escapeSeqDecode } from "./escapeSeqDecode";
import { sqlHexDecode } from "./sqlHexDecode";
import { length } from "./length";
import { md5 } from "./md5";
import { sha1 } from "./sha1";
import { trim } from "./trim";
import { trimLeft } from "./trimLeft";
import { trimRight } from "./trimRight";
import { urlEncode } from "./urlEncode";
import { parityEven7bit } from "./parityEven7bit";
import { parityOdd7bit } from "./parityOdd7bit";
import { parityZero7bit } from "./parityZero7bit";
import { normalizeUnicode } from "./normalizeUnicode";
import { base64Text } from "./base64Text";

export type TransformFn = (src: usize, n: i32, out: ByteBuf) => bool;

const NAMES = new Array<string>();   // canonical spelling, by id
const LOWER = new Array<string>();   // lookup keys (canonical names and aliases), lower case
const KEY_ID = new Array<i32>();
const FNS = new Array<TransformFn>();

function reg(name: string, fn: TransformFn): void {
  KEY_ID.push(NAMES.length); LOWER.push(name.toLowerCase());
  NAMES.push(name); FNS.push(fn);
}
function alias(name: string, target: string): void {
  LOWER.push(name.toLowerCase()); KEY_ID.push(NAMES.indexOf(target));
}

reg("none", none);
reg("lowercase", lowercase);
reg("uppercase", uppercase);
reg("urlDecode", urlDecode);
reg("urlDecodeUni", urlDecodeUni);
reg("htmlEntityDecode", htmlEntityDecode);
reg("jsDecode", jsDecode);
reg("cssDecode", cssDecode);
reg("cmdLine", cmdLine);
reg("compressWhitespace", compressWhitespace);
reg("removeWhitespace", removeWhitespace);
reg("removeNulls", removeNulls);
reg("replaceNulls", replaceNulls);
reg("replaceComments", replaceComments);
reg("removeComments", removeComments);
reg("removeCommentsChar", removeCommentsChar);
reg("normalisePath", normalisePath);
reg("normalisePathWin", normalisePathWin);
reg("base64Decode", base64Decode);
reg("base64DecodeExt", base64DecodeExt);
reg("base64Encode", base64Encode);
reg("hexDecode", hexDecode);
reg("hexEncode", hexEncode);
reg("utf8toUnicode", utf8toUnicode);
reg("escapeSeqDecode", escapeSeqDecode);
reg("sqlHexDecode", sqlHexDecode);
reg("length", length);
reg("md5", md5);
reg("sha1", sha1);
reg("trim", trim);
reg("trimLeft", trimLeft);
reg("trimRight", trimRight);
reg("urlEncode", urlEncode);
reg("parityEven7bit", parityEven7bit);
reg("parityOdd7bit", parityOdd7bit);
reg("parityZero7bit", parityZero7bit);
reg("normalizeUnicode", normalizeUnicode);   // Bulwark extension
reg("base64Text", base64Text);               // Bulwark extension
alias("normalizePath", "normalisePath");
alias("normalizePathWin", "normalisePathWin");

/** Id of a transformation by name (case-insensitive), or -1. */
export function transformId(name: string): i32 {
  const k = name.toLowerCase();
  for (let i = 0; i < LOWER.length; i++) if (unchecked(LOWER[i]) == k) return unchecked(KEY_ID[i]);
  return -1;
}

/** Number of registered transformations (ids are 0 … count-1). */
export function transformCount(): i32 { return NAMES.length; }

/** Canonical name of an id ("" if out of range). */
export function transformName(id: i32): string { return id >= 0 && id < NAMES.length ? NAMES[id] : ""; }

/** Apply transformation `id` to [src, src+n) into `out`; false (and out = copy) for a bad id. */
export function applyTransform(id: i32, src: usize, n: i32, out: ByteBuf): bool {
  if (id < 0 || id >= FNS.length) { out.set(src, n); return false; }
  return unchecked(FNS[id])(src, n, out);
}
