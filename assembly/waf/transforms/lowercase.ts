/**
 * lowercase — ModSecurity `t:lowercase`: ASCII A-Z → a-z (C locale `tolower`); every other byte,
 * including UTF-8 and bytes ≥ 0x80, unchanged. Returns whether any byte changed.
 * Example: "TestCase" → "testcase". Rule: {"transformations": ["lowercase"]}
 */
import { ByteBuf } from "../bytes";
import { lower } from "./lib/chars";
export function lowercase(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  const d = out.ptr; let changed = false;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(src + i); const l = lower(c);
    if (l != c) changed = true;
    store<u8>(d + i, <u8>l);
  }
  out.len = n; return changed;
}
