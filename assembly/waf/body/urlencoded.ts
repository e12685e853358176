/**
 * application/x-www-form-urlencoded body processor (ModSecurity's URLENCODED, also the parser of
 * QUERY_STRING). Pairs are separated by `&`; a pair splits at its first `=` (a pair without `=`
 * is a name with an empty value); empty pairs ("a=1&&b=2") are skipped. Names and values are
 * url-decoded like t:urlDecode (`+` → space, `%XX`; invalid escapes kept literally, which sets
 * URLENCODED_ERROR as ModSecurity v3 does). Values without `%`/`+` are views into the body.
 *
 * Limits: maxArgs (error "too many arguments"), maxNameLen / maxValueLen (error). O(n), one pass.
 * Example: "a=1&b=x%20y" → arg(a, 1), arg(b, "x y").
 */
import { ByteBuf } from "../bytes";
import { BodySink, BodyLimits, BodyResult, BodyFlag } from "./sink";
import { isHex, x2c } from "../transforms/lib/chars";

export class UrlencodedProcessor {
  private scratch: ByteBuf = new ByteBuf(256);
  private invalid: i32 = 0;

  /** Decode [p, p+n) into scratch if needed; returns the view as (ptr) and sets this.vn. */
  private vn: i32 = 0;
  private view(p: usize, n: i32): usize {
    let need = false;
    for (let i = 0; i < n; i++) { const c = load<u8>(p + i); if (c == 0x25 || c == 0x2b) { need = true; break; } }
    if (!need) { this.vn = n; return p; }
    const s = this.scratch; const start = s.len;
    let d = s.ptr + <usize>start; let i = 0;
    while (i < n) {
      const c = <u32>load<u8>(p + i);
      if (c == 0x25) {
        if (i + 2 < n && isHex(load<u8>(p + i + 1)) && isHex(load<u8>(p + i + 2))) { store<u8>(d++, <u8>x2c(p + i + 1)); i += 3; continue; }
        this.invalid++;
        store<u8>(d++, 0x25); i++;
      } else if (c == 0x2b) { store<u8>(d++, 0x20); i++; }
      else { store<u8>(d++, <u8>c); i++; }
    }
    this.vn = <i32>(d - (s.ptr + <usize>start));
    s.len = start + this.vn;
    return s.ptr + <usize>start;
  }

  process(body: usize, n: i32, sink: BodySink, lim: BodyLimits, r: BodyResult): bool {
    r.reset();
    sink.bodyP = body; sink.bodyN = n;
    this.scratch.reset(); this.scratch.reserve(n);   // decoded ≤ input: views stay put
    this.invalid = 0;
    let i = 0;
    while (i <= n) {
      let j = i;
      while (j < n && load<u8>(body + j) != 0x26) j++;
      if (j > i) {
        let eq = i;
        while (eq < j && load<u8>(body + eq) != 0x3d) eq++;
        const nameN0 = eq - i;
        const valStart = eq < j ? eq + 1 : j;
        if (r.args >= lim.maxArgs) { r.fail("URLENCODED: too many arguments (limit " + lim.maxArgs.toString() + ")"); break; }
        const np = this.view(body + i, nameN0); const nn = this.vn;
        const vp = this.view(body + valStart, j - valStart); const vn = this.vn;
        if (nn > lim.maxNameLen) { r.fail("URLENCODED: argument name too long (limit " + lim.maxNameLen.toString() + ")"); break; }
        if (vn > lim.maxValueLen) { r.fail("URLENCODED: argument value too long (limit " + lim.maxValueLen.toString() + ")"); break; }
        sink.arg(np, nn, vp, vn);
        r.args++;
      }
      i = j + 1;
    }
    if (this.invalid > 0) sink.flag(BodyFlag.URLENCODED_ERROR, 1);
    return !r.error;
  }
}
