/**
 * detectSQLi — libinjection's SQL-injection detector (`assembly/waf/libinjection`). True when the
 * value looks like SQL injection; with `capture`, TX.0 is the fingerprint (e.g. "s&sos"), as in
 * ModSecurity. No argument. The value is not decoded here: list transformations on the rule.
 * Example: {"variables": ["ARGS"], "transformations": ["urlDecodeUni"], "match": {"detectSQLi": ""}}
 */
import { Operator, OpContext } from "./operator";
import { detectSQLi, lastFingerprintPtr, lastFingerprintLen } from "../libinjection/index";

export class DetectSQLi extends Operator {
  constructor() { super(); this.name = "detectSQLi"; }
  match(p: usize, n: i32, c: OpContext): bool {
    if (!detectSQLi(p, n)) return false;
    // the fingerprint lives in a static buffer until the next call; the engine copies captures at once
    if (c.capture) c.setCapture(0, lastFingerprintPtr(), lastFingerprintLen());
    return true;
  }
}
