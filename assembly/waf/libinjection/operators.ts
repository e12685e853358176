/**
 * `@detectSQLi` and `@detectXSS` as WAF operators (ModSecurity names "detectSQLi", "detectXSS"),
 * adapting index.ts to the engine's Operator interface (assembly/waf/operators/operator.ts).
 *
 * Neither takes an argument. On a match:
 *   - detectSQLi: capture slot 0 (TX:0 when the rule has `capture`) and the decision-log
 *     fragment are set to the fingerprint (e.g. "s&sos"), as ModSecurity does. Those bytes live
 *     in this module's buffer and stay valid until the next detectSQLi call: the engine must
 *     copy them before evaluating the next value.
 *   - detectXSS: the fragment is the whole value (libinjection reports no position).
 * Example rule: {"id": 942100, "phase": 2, "variables": ["ARGS"], "transforms": ["urlDecodeUni"],
 *                "match": {"detectSQLi": ""}}
 *
 * Registry wiring (integrator): name "detectSQLi" -> new DetectSQLi(), "detectXSS" -> new DetectXSS().
 */
import { Operator, OpContext } from "../operators/operator";
import { detectSQLi, detectXSS, lastFingerprintPtr, lastFingerprintLen, OPERATOR_DETECT_SQLI, OPERATOR_DETECT_XSS } from "./index";

export class DetectSQLi extends Operator {
  constructor() {
    super();
    this.name = OPERATOR_DETECT_SQLI;
  }
  match(p: usize, n: i32, c: OpContext): bool {
    if (!detectSQLi(p, n)) return false;
    const fp = lastFingerprintPtr();
    const fl = lastFingerprintLen();
    c.setFragment(fp, fl);
    if (c.capture) c.setCapture(0, fp, fl);
    return true;
  }
}

export class DetectXSS extends Operator {
  constructor() {
    super();
    this.name = OPERATOR_DETECT_XSS;
  }
  match(p: usize, n: i32, c: OpContext): bool {
    if (!detectXSS(p, n)) return false;
    c.setFragment(p, n);
    return true;
  }
}
