/**
 * beginsWith — true when the value starts with the argument (bytes, case-sensitive).
 * Argument may hold macros.
 * Example: {"variables": ["REQUEST_FILENAME"], "match": {"beginsWith": "/admin"}}
 */
import { OpContext, StringArgOperator } from "./operator";
export class BeginsWith extends StringArgOperator {
  constructor(arg: string) { super("beginsWith", arg); }
  literals(): Array<Uint8Array> | null { return this.argLiterals(); }
  test(p: usize, n: i32, a: usize, an: i32, c: OpContext): bool {
    if (an > n || memory.compare(p, a, an) != 0) return false;
    c.setFragment(p, an);
    return true;
  }
}
