/**
 * validateByteRange — true when the value holds a byte OUTSIDE the allowed set (a violation).
 * Argument: comma-separated byte values and ranges, 0–255, e.g. "1-255" or "9,10,13,32-126".
 * Compiled once into a 256-bit table. Capture/fragment: the first offending byte.
 * Example: {"variables": ["ARGS"], "match": {"validateByteRange": "1-255"}}  (flags NUL bytes)
 */
import { Operator, OpContext, OpError } from "./operator";

export class ValidateByteRange extends Operator {
  table: StaticArray<u32> = new StaticArray<u32>(8);

  static create(arg: string, err: OpError): ValidateByteRange {
    const op = new ValidateByteRange();
    op.name = "validateByteRange";
    let i = 0;
    const n = arg.length;
    let any = false;
    while (i <= n) {
      let j = arg.indexOf(",", i); if (j < 0) j = n;
      const part = arg.substring(i, j).trim();
      const start = i;
      i = j + 1;
      if (part.length == 0) { err.set("empty byte range", start); continue; }
      const dash = part.indexOf("-");
      const a = parseByte(dash < 0 ? part : part.substring(0, dash).trim());
      const b = dash < 0 ? a : parseByte(part.substring(dash + 1).trim());
      if (a < 0 || b < 0 || b < a) { err.set("bad byte range '" + part + "' (expected N or N-M with 0 <= N <= M <= 255)", start); continue; }
      for (let c = a; c <= b; c++) unchecked(op.table[c >> 5] |= 1 << (c & 31));
      any = true;
    }
    if (!any) err.set("no byte ranges given");
    return op;
  }

  /** A violation needs a byte outside the table: each such byte is a one-byte literal. */
  literals(): Array<Uint8Array> | null {
    const out = new Array<Uint8Array>();
    for (let b = 0; b < 256; b++) {
      if ((unchecked(this.table[b >> 5]) & (1 << (b & 31))) != 0) continue;
      const x = new Uint8Array(1); x[0] = <u8>b; out.push(x);
    }
    return out.length ? out : null;
  }

  match(p: usize, n: i32, c: OpContext): bool {
    for (let i = 0; i < n; i++) {
      const b = <u32>load<u8>(p + i);
      if ((unchecked(this.table[b >> 5]) & (1 << (b & 31))) == 0) {
        c.setFragment(p + i, 1);
        if (c.capture) c.setCapture(0, p + i, 1);
        return true;
      }
    }
    return false;
  }
}

function parseByte(s: string): i32 {
  if (s.length == 0 || s.length > 3) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v <= 255 ? v : -1;
}
