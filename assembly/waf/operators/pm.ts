/**
 * pm — phrase match: true when any of the space-separated phrases occurs in the value, ignoring
 * ASCII case (Aho-Corasick, one pass, `assembly/regex/aho.ts`). With `capture`, TX.0 is the
 * matched text. `pmFromFile` (alias `pmf`) takes the phrases, one a line, from a data file inlined
 * in the pack (`"data": {"file.data": [...]}`).
 * Example: {"variables": ["REQUEST_HEADERS:User-Agent"], "match": {"pm": "sqlmap nikto nessus"}}
 */
import { Operator, OpContext, OpError } from "./operator";
import { PhraseMatcher } from "../../regex/index";

export class Pm extends Operator {
  m: PhraseMatcher;
  constructor(name: string, m: PhraseMatcher) { super(); this.name = name; this.m = m; }

  static create(name: string, phrases: Array<string>, err: OpError): Pm | null {
    const list = new Array<string>();
    for (let i = 0; i < phrases.length; i++) if (phrases[i].length) list.push(phrases[i]);
    if (list.length == 0) { err.set("no phrases given"); return null; }
    return new Pm(name, PhraseMatcher.build(list));
  }

  /** The argument of @pm: phrases separated by spaces. */
  static split(arg: string): Array<string> {
    const out = new Array<string>();
    const parts = arg.split(" ");
    for (let i = 0; i < parts.length; i++) { const t = parts[i].trim(); if (t.length) out.push(t); }
    return out;
  }

  literals(): Array<Uint8Array> | null {
    const ph = this.m.phrases;
    const out = new Array<Uint8Array>(ph.length);
    for (let i = 0; i < ph.length; i++) out[i] = Uint8Array.wrap(String.UTF8.encode(ph[i]));
    return out;
  }

  match(p: usize, n: i32, c: OpContext): bool {
    const m = this.m;
    if (!m.find(p, n)) return false;
    c.setFragment(p + m.matchStart, m.matchEnd - m.matchStart);
    if (c.capture) c.setCapture(0, p + m.matchStart, m.matchEnd - m.matchStart);
    return true;
  }
}
