/**
 * The operator interface shared by every WAF operator (`assembly/waf/operators/<name>.ts`).
 *
 * An operator is compiled once from its argument at configure time (its constructor or a static
 * `create` that reports faults into an `OpError`), then `match(p, n, c)` tests one value:
 *   - `p`, `n`: the (already transformed) value as bytes; never modified, never kept.
 *   - `c`: per-evaluation context: the macro-expanded argument when the argument holds `%{…}`
 *     (`dynamic` operators only) and the capture slots (TX.0–TX.9) an operator may fill.
 * Result: true when the operator matches (the rule's `negate` is applied by the engine).
 *
 * Example rule: {"id": 1, "phase": 1, "variables": ["REQUEST_METHOD"], "match": {"streq": "TRACE"}}
 */

export const MAX_CAPTURES = 10;

/** Configure-time fault of an operator argument; `offset` is a byte offset into the argument or -1. */
export class OpError {
  msg: string = "";
  offset: i32 = -1;
  get ok(): bool { return this.msg.length == 0; }
  set(msg: string, offset: i32 = -1): void { if (this.msg.length == 0) { this.msg = msg; this.offset = offset; } }
}

/** Per-evaluation state handed to operators (one instance per VM, reset per call by the engine). */
export class OpContext {
  /** The macro-expanded argument (only for operators with `dynamic` set). */
  argPtr: usize = 0;
  argLen: i32 = 0;
  /** Whether the rule asked for `capture`. */
  capture: bool = false;
  /** Capture slots: pointer and length of group i (pointers into the evaluated value). */
  capPtr: StaticArray<usize> = new StaticArray<usize>(MAX_CAPTURES);
  capLen: StaticArray<i32> = new StaticArray<i32>(MAX_CAPTURES);
  capCount: i32 = 0;
  /** The fragment that matched, for decision logs (defaults to the whole value). */
  fragPtr: usize = 0;
  fragLen: i32 = -1;

  reset(): void { this.capCount = 0; this.fragLen = -1; }
  setCapture(i: i32, p: usize, n: i32): void {
    if (i < 0 || i >= MAX_CAPTURES) return;
    unchecked(this.capPtr[i] = p);
    unchecked(this.capLen[i] = n);
    if (i + 1 > this.capCount) this.capCount = i + 1;
  }
  setFragment(p: usize, n: i32): void { this.fragPtr = p; this.fragLen = n; }
}

export abstract class Operator {
  /** ModSecurity name (`rx`, `streq` …), for logs. */
  name: string = "";
  /** The argument holds a macro (`%{tx.x}`): the engine expands it per evaluation into OpContext.arg*. */
  dynamic: bool = false;
  abstract match(p: usize, n: i32, c: OpContext): bool;
  /** For the rule prefilter (engine/prefilter.ts): byte strings such that every value this
   *  operator matches contains at least one of them, compared ignoring ASCII case; null when no
   *  such set is known (the rule is then evaluated on every value). Never called per request. */
  literals(): Array<Uint8Array> | null { return null; }
}

/** One literal: the bytes of `b`. */
export function literalOf(b: ArrayBuffer): Array<Uint8Array> { return [Uint8Array.wrap(b)]; }

/** Whether an operator argument holds a macro `%{…}`. */
export function hasMacro(arg: string): bool {
  const i = arg.indexOf("%{");
  return i >= 0 && arg.indexOf("}", i) > i;
}

/** ModSecurity's numeric reading of a value (C `atoi`): leading blanks, a sign, digits; else 0. */
export function atoi(p: usize, n: i32): i64 {
  let i = 0;
  while (i < n) {
    const c = <u32>load<u8>(p + i);
    if (c == 0x20 || (c >= 0x09 && c <= 0x0d)) i++; else break;
  }
  let neg = false;
  if (i < n) {
    const c = <u32>load<u8>(p + i);
    if (c == 0x2d || c == 0x2b) { neg = c == 0x2d; i++; }
  }
  let v: i64 = 0;
  while (i < n) {
    const d = <u32>load<u8>(p + i) - 0x30;
    if (d >= 10) break;
    if (v < 1000000000000000000) v = v * 10 + <i64>d; // saturate instead of overflowing
    i++;
  }
  return neg ? -v : v;
}

export function atoiString(s: string): i64 {
  const b = String.UTF8.encode(s);
  return atoi(changetype<usize>(b), b.byteLength);
}

/** Byte search: index of [q, q+m) in [p, p+n) from `from`, or -1. */
export function indexOfBytes(p: usize, n: i32, q: usize, m: i32, from: i32 = 0): i32 {
  if (m == 0) return from <= n ? from : -1;
  if (m > n) return -1;
  const first = load<u8>(q);
  for (let i = from; i + m <= n; i++) {
    if (load<u8>(p + i) != first) continue;
    if (memory.compare(p + i + 1, q + 1, m - 1) == 0) return i;
  }
  return -1;
}

/** A string operator's argument: constant bytes, or the expanded macro when dynamic. */
export abstract class StringArgOperator extends Operator {
  arg: ArrayBuffer;
  constructor(name: string, arg: string) {
    super();
    this.name = name;
    this.arg = String.UTF8.encode(arg);
    this.dynamic = hasMacro(arg);
  }
  match(p: usize, n: i32, c: OpContext): bool {
    if (this.dynamic) return this.test(p, n, c.argPtr, c.argLen, c);
    return this.test(p, n, changetype<usize>(this.arg), this.arg.byteLength, c);
  }
  abstract test(p: usize, n: i32, a: usize, an: i32, c: OpContext): bool;
  /** The constant argument as the one required literal (operators whose match contains it). */
  protected argLiterals(): Array<Uint8Array> | null {
    return this.dynamic || this.arg.byteLength == 0 ? null : literalOf(this.arg);
  }
}

/** A numeric comparison: value and argument are read with `atoi`. */
export abstract class NumericOperator extends Operator {
  k: i64;
  constructor(name: string, arg: string) {
    super();
    this.name = name;
    this.dynamic = hasMacro(arg);
    this.k = this.dynamic ? 0 : atoiString(arg);
  }
  match(p: usize, n: i32, c: OpContext): bool {
    const k = this.dynamic ? atoi(c.argPtr, c.argLen) : this.k;
    return this.cmp(atoi(p, n), k);
  }
  abstract cmp(v: i64, k: i64): bool;
}
