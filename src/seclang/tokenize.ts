/**
 * SecLang tokenizer: turns ModSecurity configuration text into directives (name + arguments),
 * each with the file and line where it starts.
 *
 * Rules followed (as ModSecurity's configuration parser reads them):
 * - a backslash at the very end of a line joins the next line (the backslash and newline vanish;
 *   the next line's leading whitespace is kept);
 * - a line whose first non-blank character is `#` is a comment (a `#` later on a line is data);
 * - arguments are separated by blanks; an argument in double quotes may hold blanks, and `\"`
 *   inside it stands for `"`; every other backslash is kept as written (so `\\`, `\d`, `\/` reach
 *   the operator unchanged, which is what PCRE patterns expect);
 * - an argument in single quotes works the same way with `\'`.
 * Example: tokenize('SecRule ARGS "@rx a\\"b" "id:1"', "x.conf")
 *   → [{ name: "SecRule", args: ["ARGS", "@rx a\"b", "id:1"], file: "x.conf", line: 1 }]
 */
export interface Directive { name: string; args: string[]; file: string; line: number }
export interface Problem { file: string; line: number; reason: string }

export function tokenize(text: string, file: string, problems: Problem[] = []): Directive[] {
  const out: Directive[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let logical = lines[i++];
    if (/^\s*#/.test(logical)) continue; // comments are not continued
    while (logical.endsWith("\\") && i <= lines.length) {
      logical = logical.slice(0, -1) + (i < lines.length ? lines[i] : "");
      i++;
    }
    if (/^\s*$/.test(logical)) continue;
    const args = splitArgs(logical, file, start + 1, problems);
    if (args == null || args.length === 0) continue;
    out.push({ name: args[0], args: args.slice(1), file, line: start + 1 });
  }
  return out;
}

function splitArgs(s: string, file: string, line: number, problems: Problem[]): string[] | null {
  const args: string[] = [];
  let p = 0;
  const n = s.length;
  while (p < n) {
    while (p < n && (s[p] === " " || s[p] === "\t")) p++;
    if (p >= n) break;
    const q = s[p];
    if (q === '"' || q === "'") {
      let v = "";
      p++;
      let closed = false;
      while (p < n) {
        const c = s[p];
        if (c === "\\" && p + 1 < n && s[p + 1] === q) { v += q; p += 2; continue; }
        if (c === q) { closed = true; p++; break; }
        v += c; p++;
      }
      if (!closed) { problems.push({ file, line, reason: `unterminated ${q === '"' ? "double" : "single"}-quoted argument` }); return null; }
      args.push(v);
    } else {
      let v = "";
      while (p < n && s[p] !== " " && s[p] !== "\t") { v += s[p]; p++; }
      args.push(v);
    }
  }
  return args;
}
