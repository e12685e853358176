/**
 * Harness for the libinjection conformance suite, tests and bench (not shipped to Envoy).
 *
 * Exports: `buffer(n)` -> pointer to a reusable input buffer of at least n bytes (write the
 * input there), then one of
 *   sqliTokens(p, n, flags) / sqliFold(p, n, flags) -> length of a text dump at out(): one line
 *     per token, "<type char> <value>", strings with their quotes, variables with their '@'s
 *     (libinjection's test format);
 *   sqliDetect(p, n) -> 0/1, fingerprint via fingerprint() (dump at out());
 *   h5Tokens(p, n, flags) -> dump "TYPE,len,text" lines at out();
 *   xssDetect(p, n) -> 0/1;
 *   sqliSteps() / xssSteps() -> loop iterations of the last detect call.
 * Example: see src/harness/libinjection.ts.
 */
import { SqliState, Token, T_STRING, T_VARIABLE } from "./sqli";
import { H5State, h5TypeName } from "./html5";
import { detectSQLi, detectXSS, lastFingerprintLen, lastFingerprintPtr, sqliSteps as steps1 } from "./index";
import { xssSteps as steps2 } from "./xss";

let inBuf = new StaticArray<u8>(1024);
let outBuf = new StaticArray<u8>(4096);
let outLen: i32 = 0;

export function buffer(n: i32): usize {
  if (n > inBuf.length) inBuf = new StaticArray<u8>(n + 1024);
  return changetype<usize>(inBuf);
}

export function out(): usize {
  return changetype<usize>(outBuf);
}

function ensure(extra: i32): void {
  if (outLen + extra <= outBuf.length) return;
  let cap = outBuf.length * 2;
  while (cap < outLen + extra) cap *= 2;
  const nb = new StaticArray<u8>(cap);
  memory.copy(changetype<usize>(nb), changetype<usize>(outBuf), <usize>outLen);
  outBuf = nb;
}

function putByte(c: u32): void {
  ensure(1);
  outBuf[outLen++] = <u8>c;
}

/** Bytes up to the first NUL (the C tests print values with %s). */
function putCStr(p: usize, n: i32): void {
  ensure(n);
  for (let i = 0; i < n; i++) {
    const c = load<u8>(p + <usize>i);
    if (c == 0) break;
    outBuf[outLen++] = c;
  }
}

function putAscii(s: string): void {
  ensure(s.length);
  for (let i = 0; i < s.length; i++) outBuf[outLen++] = <u8>s.charCodeAt(i);
}

function putToken(t: Token): void {
  putByte(t.type);
  putByte(0x20);
  if (t.type == T_VARIABLE) {
    if (t.count >= 1) putByte(0x40);
    if (t.count == 2) putByte(0x40);
  }
  const quoted = t.type == T_STRING || t.type == T_VARIABLE;
  if (quoted && t.strOpen != 0) putByte(t.strOpen);
  putCStr(t.val, t.len + 1);
  if (quoted && t.strClose != 0) putByte(t.strClose);
  putByte(0x0a);
}

const st = new SqliState();

export function sqliTokens(p: usize, n: i32, flags: i32): i32 {
  outLen = 0;
  st.init(p, n, flags);
  while (st.tokenize()) putToken(st.cur);
  return outLen;
}

export function sqliFold(p: usize, n: i32, flags: i32): i32 {
  outLen = 0;
  st.init(p, n, flags);
  const k = st.fold();
  for (let i = 0; i < k; i++) putToken(st.tokens[i]);
  return outLen;
}

export function sqliDetect(p: usize, n: i32): i32 {
  return detectSQLi(p, n) ? 1 : 0;
}

export function fingerprint(): i32 {
  outLen = 0;
  putCStr(lastFingerprintPtr(), lastFingerprintLen());
  return outLen;
}

const h5 = new H5State();

export function h5Tokens(p: usize, n: i32, flags: i32): i32 {
  outLen = 0;
  h5.init(p, n, flags);
  while (h5.next()) {
    putAscii(h5TypeName(h5.tokenType));
    putByte(0x2c);
    putAscii(h5.tokenLen.toString());
    putByte(0x2c);
    putCStr(p + <usize>h5.tokenStart, h5.tokenLen);
    putByte(0x0a);
  }
  return outLen;
}

export function xssDetect(p: usize, n: i32): i32 {
  return detectXSS(p, n) ? 1 : 0;
}

export function sqliSteps(): u64 {
  return steps1();
}

export function xssSteps(): u64 {
  return steps2();
}
