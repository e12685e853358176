/**
 * within — true when the VALUE occurs anywhere inside the ARGUMENT (the reverse of `contains`);
 * an empty value matches. CRS uses it with space-separated lists: `"within": "GET HEAD POST"`.
 * Argument may hold macros (CRS: `%{tx.allowed_methods}`).
 * Example: {"variables": ["REQUEST_METHOD"], "match": {"within": "GET HEAD POST OPTIONS"}, "negate": true}
 */
import { OpContext, StringArgOperator, indexOfBytes } from "./operator";
export class Within extends StringArgOperator {
  constructor(arg: string) { super("within", arg); }
  test(p: usize, n: i32, a: usize, an: i32, c: OpContext): bool {
    return indexOfBytes(a, an, p, n) >= 0;
  }
}
