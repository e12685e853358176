// Path templates in `paths`/`notPaths` (Istio 1.20+, Envoy's URI template matcher).
//
// Istio: "If a path in the list contains the {*} or {**} path template operator, it will be
// interpreted as an Envoy Uri Template. To be a valid path template, the path must not contain *,
// {, or } outside of a supported operator. No other characters are allowed in the path segment
// with the path template operator." `{*}` matches one non-empty path segment; `{**}` matches zero
// or more characters including `/` and must be the last operator.
// Argument: the template text. Result: a compiled template, or an error message from `check`.
// Example: /foo/{*}/bar/{**} matches /foo/buzz/bar/ and /foo/buzz/bar/baz; /foo/{*} does not
// match /foo/bar/baz. Matching is one linear pass, no backtracking.

export const OP_STAR: i32 = 1;   // {*}
export const OP_DSTAR: i32 = 2;  // {**}

export function isTemplate(s: string): bool { return s.includes("{*}") || s.includes("{**}"); }

export class PathTemplate {
  lits: Array<ArrayBuffer> = []; // lits[0] op[0] lits[1] op[1] ... lits[ops.length]
  ops: Array<i32> = [];

  /** "" when `s` is a valid template, else why not. */
  static check(s: string): string {
    if (!s.startsWith("/")) return "a path template must start with '/'";
    const segs = s.split("/");
    let sawDstar = false;
    for (let i = 0; i < segs.length; i++) {
      const g = segs[i];
      const special = g.includes("*") || g.includes("{") || g.includes("}");
      if (!special) continue;
      if (g != "{*}" && g != "{**}") {
        if (g.includes("{*}") || g.includes("{**}")) return "segment '" + g + "' has characters besides its {*} or {**} operator";
        return "'*', '{' and '}' may only appear as the operators {*} and {**} (segment '" + g + "')";
      }
      if (sawDstar) return "{**} must be the last operator";
      if (g == "{**}") sawDstar = true;
    }
    return "";
  }

  static compile(s: string): PathTemplate {
    const t = new PathTemplate();
    let lit = "";
    let i = 0;
    while (i < s.length) {
      if (s.startsWith("{**}", i)) { t.lits.push(String.UTF8.encode(lit)); t.ops.push(OP_DSTAR); lit = ""; i += 4; }
      else if (s.startsWith("{*}", i)) { t.lits.push(String.UTF8.encode(lit)); t.ops.push(OP_STAR); lit = ""; i += 3; }
      else { lit += s.charAt(i); i++; }
    }
    t.lits.push(String.UTF8.encode(lit));
    return t;
  }

  matches(p: usize, n: i32): bool {
    let pos = 0;
    for (let k = 0; k < this.ops.length; k++) {
      const l = unchecked(this.lits[k]);
      const ln = l.byteLength;
      if (pos + ln > n || memory.compare(p + pos, changetype<usize>(l), ln) != 0) return false;
      pos += ln;
      if (unchecked(this.ops[k]) == OP_DSTAR) {
        // the last operator: what follows is literal and must end the path
        const tail = unchecked(this.lits[k + 1]);
        const tn = tail.byteLength;
        return n - pos >= tn && memory.compare(p + n - tn, changetype<usize>(tail), tn) == 0;
      }
      const start = pos;
      while (pos < n && load<u8>(p + pos) != 0x2f) pos++;
      if (pos == start) return false; // {*} needs a non-empty segment
    }
    const last = this.lits[this.ops.length];
    const ln = last.byteLength;
    return pos + ln == n && memory.compare(p + pos, changetype<usize>(last), ln) == 0;
  }
}
