/**
 * gt — true when the value, read as an integer, is greater than the argument.
 * Both sides are read as ModSecurity does (C `atoi`: leading blanks, sign, digits; anything else
 * gives 0). The argument may hold macros (CRS: `"gt": "%{tx.inbound_anomaly_score_threshold}"`).
 * Example: {"variables": ["&REQUEST_HEADERS:Host"], "match": {"gt": "0"}}
 */
import { NumericOperator } from "./operator";
export class GtOp extends NumericOperator {
  constructor(arg: string) { super("gt", arg); }
  cmp(v: i64, k: i64): bool { return v > k; }
}
