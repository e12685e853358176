/**
 * endsWith — true when the value ends with the argument (bytes, case-sensitive).
 * Argument may hold macros.
 * Example: {"variables": ["REQUEST_BASENAME"], "match": {"endsWith": ".bak"}}
 */
import { OpContext, StringArgOperator } from "./operator";
export class EndsWith extends StringArgOperator {
  constructor(arg: string) { super("endsWith", arg); }
  literals(): Array<Uint8Array> | null { return this.argLiterals(); }
  test(p: usize, n: i32, a: usize, an: i32, c: OpContext): bool {
    if (an > n || memory.compare(p + n - an, a, an) != 0) return false;
    c.setFragment(p + n - an, an);
    return true;
  }
}
