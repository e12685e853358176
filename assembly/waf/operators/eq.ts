/**
 * eq — true when the value, read as an integer, is equal the argument.
 * Both sides are read as ModSecurity does (C `atoi`: leading blanks, sign, digits; anything else
 * gives 0). The argument may hold macros (CRS: `"eq": "%{tx.inbound_anomaly_score_threshold}"`).
 * Example: {"variables": ["&REQUEST_HEADERS:Host"], "match": {"eq": "0"}}
 */
import { NumericOperator } from "./operator";
export class EqOp extends NumericOperator {
  constructor(arg: string) { super("eq", arg); }
  cmp(v: i64, k: i64): bool { return v == k; }
}
