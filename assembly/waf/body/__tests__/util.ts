// Spec helpers: run a body processor through the TextSink and read its lines.
import { ByteBuf } from "../../bytes";
import { runBody } from "../textsink";
const OUT = new ByteBuf(1024);
export function body(kind: i32, input: string, opt: i32 = 0): string {
  const b = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) b[i] = <u8>input.charCodeAt(i);
  runBody(kind, b.dataStart, b.length, opt, OUT);
  return String.UTF8.decodeUnsafe(OUT.ptr, <usize>OUT.len);
}
/** Value of flag `name` in a TextSink output, or "-" when absent. */
export function flag(out: string, name: string): string {
  const k = out.indexOf("G\t" + name + "\t");
  if (k < 0) return "-";
  const s = k + 3 + name.length;
  return out.substring(s, out.indexOf("\n", s));
}
/** The error message, or "" when the processor succeeded. */
export function err(out: string): string {
  let k = out.startsWith("E\t") ? 0 : out.indexOf("\nE\t");
  if (k < 0) return "";
  if (k > 0) k++;
  return out.substring(k + 2, out.length - 1);
}
export function repeat(s: string, n: i32): string { let r = ""; for (let i = 0; i < n; i++) r += s; return r; }
