/**
 * Macro expansion for setvar, msg, logdata and operator arguments: `%{TX.x}`, `%{tx.x}`,
 * `%{MATCHED_VAR}`, `%{MATCHED_VAR_NAME}`, `%{REQUEST_HEADERS.host}`, `%{RULE.id}`, `%{ARGS.id}`,
 * `%{REMOTE_ADDR}` … A reference is `%{NAME}` or `%{NAME.key}` (`:` also separates); names are
 * case-insensitive. Parsed once at configure time (`parseMacro`), expanded per use (`expand`),
 * into a reused ByteBuf. A reference to a missing value expands to nothing (ModSecurity keeps
 * the text; nothing is the safer and simpler choice for scores, documented in the pack schema).
 * Example: "tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}"
 */
import { keyHash } from "./transaction";
import { Macro, MacroPart, Rule, SEV_NAMES } from "./rule";
import { V, VAR_NAMES, varIndex, isCollection, lowerAscii, noteVariable } from "./variables";
import { Transaction } from "./transaction";
import { ByteBuf } from "../bytes";

/** Parses `s`; on a fault returns null and pushes a message to `err`. */
export function parseMacro(s: string, err: Array<string>): Macro | null {
  const m = new Macro();
  m.text = s;
  let i = 0;
  let lit = "";
  while (i < s.length) {
    const a = s.indexOf("%{", i);
    if (a < 0) { lit += s.substring(i); break; }
    lit += s.substring(i, a);
    const b = s.indexOf("}", a + 2);
    if (b < 0) { err.push("unterminated macro '%{' at offset " + a.toString()); return null; }
    const ref = s.substring(a + 2, b);
    let sep = -1;
    for (let k = 0; k < ref.length; k++) { const c = ref.charCodeAt(k); if (c == 0x2e || c == 0x3a) { sep = k; break; } }
    const name = sep < 0 ? ref : ref.substring(0, sep);
    const v = varIndex(name);
    if (v < 0) { err.push("unknown variable '" + name + "' in macro '%{" + ref + "}'"); return null; }
    if (lit.length) { const p = new MacroPart(); p.lit = String.UTF8.encode(lit); m.parts.push(p); lit = ""; }
    const p = new MacroPart();
    p.v = v;
    noteVariable(v);
    if (sep >= 0) {
      if (!isCollection(v)) { err.push("'" + VAR_NAMES[v] + "' takes no key in macro '%{" + ref + "}'"); return null; }
      p.keyString = ref.substring(sep + 1);
      p.key = lowerAscii(p.keyString);
      p.keyHash = keyHash(changetype<usize>(p.key!), p.key!.byteLength);
    }
    m.parts.push(p);
    m.constant = false;
    i = b + 1;
  }
  if (lit.length) { const p = new MacroPart(); p.lit = String.UTF8.encode(lit); m.parts.push(p); }
  return m;
}

export function macroString(s: string): Macro { const e = new Array<string>(); const m = parseMacro(s, e); return m == null ? new Macro() : m; }

/** Expands `m` into `out` (replacing its content). */
export function expand(m: Macro, tx: Transaction, out: ByteBuf): void {
  out.reset();
  for (let i = 0; i < m.parts.length; i++) {
    const part = m.parts[i];
    if (part.lit != null) { out.append(changetype<usize>(part.lit), part.lit!.byteLength); continue; }
    appendValue(part, tx, out);
  }
}

export function expandString(m: Macro, tx: Transaction): string {
  if (m.constant) return m.text;
  const b = scratch; expand(m, tx, b); return b.toString();
}
const scratch = new ByteBuf(256);

function appendValue(part: MacroPart, tx: Transaction, out: ByteBuf): void {
  const v = part.v;
  if (v == V.TX) {
    if (part.key == null) return;
    const i = tx.tx.find(part.key!, part.keyHash);
    if (i >= 0) out.append(tx.tx.vals[i].ptr, tx.tx.vals[i].len);
    return;
  }
  if (v == V.RULE) {
    const r = tx.currentRule;
    if (r == null) return;
    const k = part.keyString.toLowerCase();
    if (k == "id") out.appendString(r.id.toString());
    else if (k == "severity" && r.severity < SEV_NAMES.length) out.appendString(SEV_NAMES[r.severity]);
    else if (k == "phase") out.appendString(r.phase.toString());
    else if (k == "msg" && r.msg != null) out.appendString(r.msg!.text);
    return;
  }
  if (isCollection(v)) {
    const kv = tx.kv(v);
    if (kv == null) return;
    let idx = part.key == null ? (kv.count > 0 ? 0 : -1) : kv.find(part.key!);
    if (idx < 0 && v == V.ARGS) {
      const k2 = tx.argsPost;
      idx = part.key == null ? (k2.count > 0 ? 0 : -1) : k2.find(part.key!);
      if (idx >= 0) out.append(k2.vp[idx], k2.vl[idx]);
      return;
    }
    if (idx < 0) return;
    const names = v == V.ARGS_NAMES || v == V.REQUEST_HEADERS_NAMES || v == V.REQUEST_COOKIES_NAMES || v == V.MATCHED_VARS_NAMES;
    if (names) out.append(kv.kp[idx], kv.kl[idx]); else out.append(kv.vp[idx], kv.vl[idx]);
    return;
  }
  const p = tx.scalar(v);
  if (tx.valLen > 0) out.append(p, tx.valLen);
}
