/**
 * contains — true when the argument occurs anywhere in the value (bytes, case-sensitive).
 * An empty argument matches every value. Argument may hold macros.
 * Example: {"variables": ["REQUEST_URI"], "match": {"contains": "/etc/passwd"}}
 */
import { OpContext, StringArgOperator, indexOfBytes } from "./operator";
export class Contains extends StringArgOperator {
  constructor(arg: string) { super("contains", arg); }
  literals(): Array<Uint8Array> | null { return this.argLiterals(); }
  test(p: usize, n: i32, a: usize, an: i32, c: OpContext): bool {
    const i = indexOfBytes(p, n, a, an);
    if (i < 0) return false;
    c.setFragment(p + i, an);
    if (c.capture) c.setCapture(0, p + i, an);
    return true;
  }
}
