/**
 * detectXSS — libinjection's XSS detector (`assembly/waf/libinjection`). True when the value looks
 * like an XSS payload in HTML text or any attribute context. No argument; no decoding here.
 * Example: {"variables": ["ARGS"], "transformations": ["urlDecodeUni", "htmlEntityDecode"], "match": {"detectXSS": ""}}
 */
import { Operator, OpContext } from "./operator";
import { detectXSS } from "../libinjection/index";

export class DetectXSS extends Operator {
  constructor() { super(); this.name = "detectXSS"; }
  match(p: usize, n: i32, c: OpContext): bool { return detectXSS(p, n); }
}
