// Istio's string matching for AuthorizationPolicy fields and `when` values, on bytes.
//
// Istio: "Any string field in the rule supports Exact, Prefix, Suffix and Presence match:
//   Exact match: abc will match on value abc. Prefix match: abc* will match on value abc and abcd.
//   Suffix match: *abc will match on value abc and xabc. Presence match: * will match when value
//   is not empty." The order of the tests follows Istio's generator: `*` alone is presence, a
//   leading `*` makes a suffix match, otherwise a trailing `*` makes a prefix match.
// `paths` values containing `{*}` or `{**}` are path templates (./pathtemplate.ts).
// Argument: the pattern as written in the policy, and whether to ignore ASCII case (hosts).
// Result: a matcher compiled once at configure time; `matchesPtr` allocates nothing.
// Example: StrMatcher.parse("/api/*", false).matches(utf8("/api/x")) == true
import { lowerByte } from "../util/bytes";
import { PathTemplate } from "./pathtemplate";

export const enum MatchKind { Exact = 0, Prefix = 1, Suffix = 2, Presence = 3, Template = 4 }

export class StrMatcher {
  kind: MatchKind = MatchKind.Exact;
  lit: ArrayBuffer = new ArrayBuffer(0);
  fold: bool = false;
  src: string = "";
  tpl: PathTemplate | null = null;
  colon: bool = false;   // the pattern names a port (hosts)
  litPtr: usize = 0;     // changetype<usize>(lit), for the pointer-only matcher below
  litLen: i32 = 0;

  static parse(v: string, fold: bool): StrMatcher {
    const m = new StrMatcher();
    m.src = v;
    m.fold = fold;
    m.colon = v.includes(":");
    let lit = v;
    if (v == "*") { m.kind = MatchKind.Presence; lit = ""; }
    else if (v.startsWith("*")) { m.kind = MatchKind.Suffix; lit = v.substring(1); }
    else if (v.endsWith("*")) { m.kind = MatchKind.Prefix; lit = v.substring(0, v.length - 1); }
    const b = String.UTF8.encode(lit);
    if (fold) {
      const p = changetype<usize>(b);
      for (let i = 0; i < b.byteLength; i++) store<u8>(p + i, <u8>lowerByte(load<u8>(p + i)));
    }
    m.lit = b;
    m.litPtr = changetype<usize>(b);
    m.litLen = b.byteLength;
    return m;
  }

  static template(t: PathTemplate, src: string): StrMatcher {
    const m = new StrMatcher();
    m.kind = MatchKind.Template;
    m.tpl = t;
    m.src = src;
    return m;
  }

  private eqAt(p: usize, off: i32): bool {
    const q = changetype<usize>(this.lit);
    const m = this.lit.byteLength;
    if (!this.fold) return memory.compare(p + off, q, m) == 0;
    for (let i = 0; i < m; i++) if (lowerByte(load<u8>(p + off + i)) != <u32>load<u8>(q + i)) return false;
    return true;
  }

  matchesPtr(p: usize, n: i32): bool {
    const m = this.lit.byteLength;
    switch (this.kind) {
      case MatchKind.Presence: return n > 0;
      case MatchKind.Exact: return n == m && this.eqAt(p, 0);
      case MatchKind.Prefix: return n >= m && this.eqAt(p, 0);
      case MatchKind.Suffix: return n >= m && this.eqAt(p, n - m);
      default: return templateMatch(changetype<usize>(this), p, n);
    }
  }

  matches(v: ArrayBuffer | null): bool {
    if (v == null) return false;
    return this.matchesPtr(changetype<usize>(v), v.byteLength);
  }
}

/** True when any matcher in `ms` matches `v` (absent values match nothing). */
export function anyMatch(ms: Array<StrMatcher>, v: ArrayBuffer | null): bool {
  if (v == null) return false;
  return anyMatchRaw(ms.dataStart, ms.length, changetype<usize>(v), v.byteLength);
}

// The hot loop works on addresses only: no managed locals, so the runtime's shadow stack (spilled
// on every call that holds references) is not touched per matcher. The matchers and their
// literals stay alive through the configuration that holds them.
export function anyMatchRaw(base: usize, count: i32, p: usize, n: i32): bool {
  for (let i = 0; i < count; i++) {
    if (matchRaw(load<usize>(base + (<usize>i << alignof<usize>())), p, n)) return true;
  }
  return false;
}

function matchRaw(m: usize, p: usize, n: i32): bool {
  const kind = load<i32>(m + offsetof<StrMatcher>("kind"));
  if (kind == MatchKind.Presence) return n > 0;
  if (kind == MatchKind.Template) return templateMatch(m, p, n);
  const q = load<usize>(m + offsetof<StrMatcher>("litPtr"));
  const ml = load<i32>(m + offsetof<StrMatcher>("litLen"));
  if (n < ml) return false;
  let off = 0;
  if (kind == MatchKind.Exact) { if (n != ml) return false; }
  else if (kind == MatchKind.Suffix) off = n - ml;
  const s = p + <usize>off;
  if (!load<bool>(m + offsetof<StrMatcher>("fold"))) return memory.compare(s, q, ml) == 0;
  for (let i = 0; i < ml; i++) if (lowerByte(load<u8>(s + i)) != <u32>load<u8>(q + i)) return false;
  return true;
}

function templateMatch(m: usize, p: usize, n: i32): bool {
  return changetype<StrMatcher>(m).tpl!.matches(p, n);
}

/** Patterns as a short list for explanations: ["a", "b*"]. */
export function listSrc(ms: Array<StrMatcher>): string {
  let s = "[";
  for (let i = 0; i < ms.length; i++) { if (i) s += ", "; s += "\"" + ms[i].src + "\""; }
  return s + "]";
}
