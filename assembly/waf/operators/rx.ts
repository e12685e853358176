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
import { Errors } from "../../config/reader";
import { compileRegex, lastCompileError, Regex, DOTALL, BYTES } from "../../regex/index";

/**
 * Deferred compilation. Compiling a regex leaves garbage (parse tree, NFA fragments) several times
 * the size of what it keeps; with the filter's non-incremental collector (assembly/filter.ts)
 * garbage is only collected between steps of the configuration. While deferring, Rx.create only
 * queues the operator; compileDeferredRx() then compiles the queue one regex at a time and reports
 * a fault with the same text Rx.create would have given, at the operator's JSON path (`Rx.path`). An operator is never used before the queue is empty (the
 * configuration is not in service until then).
 */
let deferring = false;
const queue = new Array<Rx>();
let queueHead = 0;
export function deferRxCompiles(on: bool): void { deferring = on; }
/** Compiles the queued regexes one at a time; a fault goes to `errs` at the operator's JSON path.
 *  `between` runs after each (the filter collects garbage there, so everything the caller still
 *  needs must be rooted in a global or a live object). */
export function compileDeferredRx(errs: Errors, between: () => void): void {
  while (queueHead < queue.length) {
    const op = queue[queueHead];
    queue[queueHead] = changetype<Rx>(0);   // the rule model keeps the operator
    queueHead++;
    const re = compileRegex(op.pattern, DOTALL | BYTES);
    if (re == null) errs.add(op.path, lastCompileError());
    else op.re = re;
    between();
  }
  queue.length = 0; queueHead = 0;
}

export class Rx extends Operator {
  /** null only while its compilation is deferred (see above) */
  private _re: Regex | null;
  pattern: string;
  /** the JSON path of the argument (for a deferred compile fault) */
  path: string = "";
  private spans: StaticArray<i32> = new StaticArray<i32>(MAX_CAPTURES * 2);
  constructor(re: Regex | null, pattern: string) { super(); this.name = "rx"; this._re = re; this.pattern = pattern; }

  get re(): Regex { return this._re!; }
  set re(r: Regex) { this._re = r; }

  static create(arg: string, err: OpError): Rx | null {
    if (deferring) {
      // even the syntax check waits: its fault comes from compileNextDeferredRx with the same text
      const op = new Rx(null, arg);
      queue.push(op);
      return op;
    }
    const re = compileRegex(arg, DOTALL | BYTES);
    if (re == null) { err.set(lastCompileError()); return null; }
    return new Rx(re, arg);
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
