/**
 * noMatch — always false (a rule that only runs for its flow, or is switched off). No argument.
 * Example: {"variables": ["REQUEST_URI"], "match": {"noMatch": ""}}
 */
import { Operator, OpContext } from "./operator";
export class NoMatch extends Operator {
  constructor() { super(); this.name = "noMatch"; }
  match(p: usize, n: i32, c: OpContext): bool { return false; }
}
