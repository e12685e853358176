/**
 * cmdLine — ModSecurity `t:cmdLine`, for command-injection matching:
 *  - deletes `"` `'` `\` `^`;
 *  - each run of space `,` `;` \t \r \n becomes one space;
 *  - a space right before `/` or `(` is removed;
 *  - everything else is lower-cased (ASCII).
 * Returns whether the output differs from the input. Example: "C^OMMAND /C DIR" → "command/c dir".
 */
import { ByteBuf } from "../bytes";
import { lower, differs } from "./lib/chars";
export function cmdLine(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let space = false;
  for (let i = 0; i < n; i++) {
    const a = <u32>load<u8>(src + i);
    switch (a) {
      case 0x22: case 0x27: case 0x5c: case 0x5e: break;
      case 0x20: case 0x2c: case 0x3b: case 0x09: case 0x0d: case 0x0a:
        if (!space) { store<u8>(d++, 0x20); space = true; }
        break;
      case 0x2f: case 0x28:
        if (space) d--;
        space = false; store<u8>(d++, <u8>a);
        break;
      default:
        store<u8>(d++, <u8>lower(a)); space = false;
    }
  }
  out.len = <i32>(d - out.ptr); return differs(src, n, out.ptr, out.len);
}
