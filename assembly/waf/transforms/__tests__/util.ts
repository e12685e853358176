// Spec helpers: strings whose char codes are bytes (latin-1), run a transformation by name.
import { ByteBuf } from "../../bytes";
import { transformId, applyTransform } from "../registry";

export function bytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = <u8>s.charCodeAt(i);
  return b;
}
export function latin1(p: usize, n: i32): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(load<u8>(p + i));
  return s;
}
export function hex(p: usize, n: i32): string {
  const d = "0123456789abcdef"; let s = "";
  for (let i = 0; i < n; i++) { const b = load<u8>(p + i); s += d.charAt(b >> 4) + d.charAt(b & 15); }
  return s;
}
const OUT = new ByteBuf(16);
export let lastChanged = false;
/** Apply transformation `name` to the latin-1 string `input`; the result as latin-1. */
export function t(name: string, input: string): string {
  const id = transformId(name);
  if (id < 0) return "<unknown " + name + ">";
  const b = bytes(input);
  lastChanged = applyTransform(id, b.dataStart, b.length, OUT);
  return latin1(OUT.ptr, OUT.len);
}
export function tHex(name: string, input: string): string {
  t(name, input); return hex(OUT.ptr, OUT.len);
}
/** Table rows: [input, expected output, changed ("1"/"0"/"" = don't check)]. */
export function table(name: string, rows: string[][]): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const got = t(name, r[0]);
    expect(got).toBe(r[1], name + " row " + i.toString() + " input " + r[0]);
    if (r.length > 2 && r[2].length) expect(lastChanged).toBe(r[2] == "1", name + " changed, row " + i.toString());
  }
}
