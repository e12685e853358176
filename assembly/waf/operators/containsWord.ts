/**
 * containsWord — true when the argument occurs in the value as a whole word: the bytes before and
 * after it are absent or not word characters (ASCII letters, digits, `_`). Case-sensitive.
 * Example: {"variables": ["ARGS"], "match": {"containsWord": "select"}}  ("a select b" yes, "selected" no)
 */
import { OpContext, StringArgOperator, indexOfBytes } from "./operator";

@inline function isWord(c: u32): bool {
  return c - 0x30 < 10 || (c | 0x20) - 0x61 < 26 || c == 0x5f;
}

export class ContainsWord extends StringArgOperator {
  constructor(arg: string) { super("containsWord", arg); }
  literals(): Array<Uint8Array> | null { return this.argLiterals(); }
  test(p: usize, n: i32, a: usize, an: i32, c: OpContext): bool {
    if (an == 0) return true;
    let i = indexOfBytes(p, n, a, an);
    while (i >= 0) {
      const okL = i == 0 || !isWord(load<u8>(p + i - 1));
      const okR = i + an == n || !isWord(load<u8>(p + i + an));
      if (okL && okR) { c.setFragment(p + i, an); if (c.capture) c.setCapture(0, p + i, an); return true; }
      i = indexOfBytes(p, n, a, an, i + 1);
    }
    return false;
  }
}
