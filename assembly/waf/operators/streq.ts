/**
 * streq — true when the value equals the argument exactly (bytes, case-sensitive).
 * Argument: a string; may hold macros (`%{tx.x}`), expanded per evaluation.
 * Example: {"variables": ["REQUEST_METHOD"], "match": {"streq": "TRACE"}}
 */
import { OpContext, StringArgOperator } from "./operator";
export class Streq extends StringArgOperator {
  constructor(arg: string) { super("streq", arg); }
  literals(): Array<Uint8Array> | null { return this.argLiterals(); }
  test(p: usize, n: i32, a: usize, an: i32, c: OpContext): bool {
    return n == an && memory.compare(p, a, n) == 0;
  }
}
