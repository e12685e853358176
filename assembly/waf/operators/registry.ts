/**
 * Registry of WAF operators by their ModSecurity names.
 *
 *   createOperator(name, arg, data, err) → the compiled operator, or null (and err set) when the
 *     name is unknown or the argument is bad. `data` holds the pack's inlined data files
 *     (`pmFromFile`/`ipMatchFromFile` read lines from it). Names compare exactly, plus `pmf`.
 *   operatorNames() → every registered name (for messages and the JSON Schema check).
 *
 * Adding an operator = one new file + one line below.
 */
import { Operator, OpError } from "./operator";
import { Streq } from "./streq";
import { Contains } from "./contains";
import { ContainsWord } from "./containsWord";
import { BeginsWith } from "./beginsWith";
import { EndsWith } from "./endsWith";
import { Within } from "./within";
import { EqOp } from "./eq";
import { GeOp } from "./ge";
import { GtOp } from "./gt";
import { LeOp } from "./le";
import { LtOp } from "./lt";
import { IpMatch } from "./ipMatch";
import { ValidateByteRange } from "./validateByteRange";
import { ValidateUrlEncoding } from "./validateUrlEncoding";
import { ValidateUtf8Encoding } from "./validateUtf8Encoding";
import { UnconditionalMatch } from "./unconditionalMatch";
import { NoMatch } from "./noMatch";
import { DetectSQLi } from "./detectSQLi";
import { DetectXSS } from "./detectXSS";
import { Rx } from "./rx";
import { Pm } from "./pm";
import { createPmFromFile } from "./pmFromFile";

const NAMES: Array<string> = [
  "rx", "pm", "pmFromFile", "pmf", "streq", "contains", "containsWord", "beginsWith", "endsWith", "within", "eq", "ge", "gt", "le", "lt",
  "ipMatch", "ipMatchFromFile", "validateByteRange", "validateUrlEncoding", "validateUtf8Encoding",
  "unconditionalMatch", "noMatch", "detectSQLi", "detectXSS",
];

export function operatorNames(): Array<string> { return NAMES; }

/** Lines of an inlined data file: trimmed, without blanks and `#` comments. */
export function dataLines(lines: Array<string>): Array<string> {
  const out = new Array<string>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t.length == 0 || t.startsWith("#")) continue;
    out.push(t);
  }
  return out;
}

export function createOperator(name: string, arg: string, data: Map<string, Array<string>>, err: OpError): Operator | null {
  if (name == "rx") return Rx.create(arg, err);
  if (name == "pm") return Pm.create("pm", Pm.split(arg), err);
  if (name == "pmFromFile" || name == "pmf") return createPmFromFile(name, arg, data, dataLines, err);
  if (name == "streq") return new Streq(arg);
  if (name == "contains") return new Contains(arg);
  if (name == "containsWord") return new ContainsWord(arg);
  if (name == "beginsWith") return new BeginsWith(arg);
  if (name == "endsWith") return new EndsWith(arg);
  if (name == "within") return new Within(arg);
  if (name == "eq") return new EqOp(arg);
  if (name == "ge") return new GeOp(arg);
  if (name == "gt") return new GtOp(arg);
  if (name == "le") return new LeOp(arg);
  if (name == "lt") return new LtOp(arg);
  if (name == "ipMatch") return IpMatch.create(arg, err);
  if (name == "ipMatchFromFile") {
    if (!data.has(arg)) { err.set("no data file '" + arg + "' in this pack's \"data\""); return null; }
    return IpMatch.create(dataLines(data.get(arg)).join(","), err);
  }
  if (name == "validateByteRange") return ValidateByteRange.create(arg, err);
  if (name == "validateUrlEncoding") return new ValidateUrlEncoding();
  if (name == "validateUtf8Encoding") return new ValidateUtf8Encoding();
  if (name == "unconditionalMatch") return new UnconditionalMatch();
  if (name == "noMatch") return new NoMatch();
  if (name == "detectSQLi") return new DetectSQLi();
  if (name == "detectXSS") return new DetectXSS();
  err.set("unknown operator '" + name + "' (known: " + NAMES.join(", ") + ")");
  return null;
}
