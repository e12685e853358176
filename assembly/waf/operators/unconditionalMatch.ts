/**
 * unconditionalMatch — always true (CRS uses it for set-up and scoring rules). No argument.
 * Example: {"variables": ["REQUEST_URI"], "match": {"unconditionalMatch": ""}, "setvar": ["tx.seen=1"]}
 */
import { Operator, OpContext } from "./operator";
export class UnconditionalMatch extends Operator {
  constructor() { super(); this.name = "unconditionalMatch"; }
  match(p: usize, n: i32, c: OpContext): bool { return true; }
}
