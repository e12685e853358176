/**
 * rx — regular expression match (RE2 syntax, linear time: `assembly/regex`), compiled once with
 * DOTALL as ModSecurity compiles @rx with PCRE_DOTALL, and in byte mode as PCRE without UTF
 * matches: '.', negated classes and \W/\S/\D consume one byte, case folding is ASCII-only.
 * Leftmost-first semantics. With `capture`,
 * TX.0 is the whole match and TX.1–TX.9 the groups. Constructs RE2 does not have (lookaround,
 * backreferences) are refused at configure time with their offset:
 *   waf.packs[0].rules[3].match.rx: unsupported construct '(?<=' at offset 7
 * Example: {"variables": ["ARGS"], "transformations": ["urlDecodeUni"], "match": {"rx": "(?i)union\\s+select"}}
 */
import { Operator, OpContext, OpError, MAX_CAPTURES } from "./operator";
import { compileRegex, lastCompileError, Regex, DOTALL, BYTES } from "../../regex/index";

export class Rx extends Operator {
  re: Regex;
  private spans: StaticArray<i32> = new StaticArray<i32>(MAX_CAPTURES * 2);
  constructor(re: Regex) { super(); this.name = "rx"; this.re = re; }

  static create(arg: string, err: OpError): Rx | null {
    const re = compileRegex(arg, DOTALL | BYTES);
    if (re == null) { err.set(lastCompileError()); return null; }
    return new Rx(re);
  }

  /** The regex's required literals (regex/prefilter.ts; one char per byte, ASCII lower case). */
  literals(): Array<Uint8Array> | null {
    const l = this.re.literals;
    if (l == null) return null;
    const out = new Array<Uint8Array>(l.length);
    for (let i = 0; i < l.length; i++) {
      const s = l[i];
      const b = new Uint8Array(s.length);
      for (let k = 0; k < s.length; k++) b[k] = <u8>s.charCodeAt(k);
      out[i] = b;
    }
    return out;
  }

  match(p: usize, n: i32, c: OpContext): bool {
    const re = this.re;
    if (!c.capture) {
      if (!re.test(p, n)) return false;
      // the span only for the decision's fragment (matches are rare: this is off the hot path)
      if (re.find(p, n)) c.setFragment(p + re.matchStart, re.matchEnd - re.matchStart);
      return true;
    }
    const s = this.spans;
    const g = re.captures(p, n, s);
    if (g == 0) return false;
    c.setFragment(p + s[0], s[1] - s[0]);
    const k = g < MAX_CAPTURES ? g : MAX_CAPTURES;
    for (let i = 0; i < k; i++) {
      const a = s[2 * i], b = s[2 * i + 1];
      if (a >= 0 && b >= a) c.setCapture(i, p + a, b - a); else c.setCapture(i, p, 0);
    }
    return true;
  }
}
