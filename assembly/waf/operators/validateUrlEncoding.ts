/**
 * validateUrlEncoding — true when the value holds a malformed percent-encoding: a `%` not followed
 * by two hex digits (including a `%` too close to the end). No argument.
 * Example: {"variables": ["REQUEST_URI_RAW"], "match": {"validateUrlEncoding": ""}}  ("a%zz" and "a%4" match)
 */
import { Operator, OpContext } from "./operator";

@inline function isHex(c: u32): bool { return c - 0x30 < 10 || (c | 0x20) - 0x61 < 6; }

export class ValidateUrlEncoding extends Operator {
  constructor() { super(); this.name = "validateUrlEncoding"; }
  literals(): Array<Uint8Array> | null { const b = new Uint8Array(1); b[0] = 0x25; return [b]; }   // "%"
  match(p: usize, n: i32, c: OpContext): bool {
    for (let i = 0; i < n; i++) {
      if (load<u8>(p + i) != 0x25) continue;
      if (i + 2 >= n || !isHex(load<u8>(p + i + 1)) || !isHex(load<u8>(p + i + 2))) {
        const m = i + 3 <= n ? 3 : n - i;
        c.setFragment(p + i, m);
        return true;
      }
      i += 2;
    }
    return false;
  }
}
