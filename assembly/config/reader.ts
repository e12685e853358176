// Typed access to a parsed JSON configuration that records every fault with its JSON path
// (`denyList[2].methods[0]: expected a string, got a number`) and refuses unknown keys.
import { JValue, JKind } from "./json";

export class Errors {
  list: Array<string> = [];
  add(path: string, msg: string): void { this.list.push((path.length ? path : "(root)") + ": " + msg); }
  get ok(): bool { return this.list.length == 0; }
}

export function childPath(path: string, key: string): string { return path.length ? path + "." + key : key; }
export function indexPath(path: string, i: i32): string { return path + "[" + i.toString() + "]"; }

export class Obj {
  constructor(public v: JValue, public path: string, public errs: Errors) {}

  /** Wraps `v` as an object with the given known keys; null (and an error) if it is not an object. */
  static of(v: JValue, path: string, errs: Errors, known: Array<string>): Obj | null {
    if (v.kind != JKind.Obj) { errs.add(path, "expected an object, got " + v.kindName()); return null; }
    for (let i = 0; i < v.keys.length; i++) {
      if (!known.includes(v.keys[i])) errs.add(childPath(path, v.keys[i]), "unknown key (known keys: " + known.join(", ") + ")");
    }
    return new Obj(v, path, errs);
  }

  has(key: string): bool { return this.v.get(key) != null; }
  at(key: string): string { return childPath(this.path, key); }

  private typed(key: string, kind: JKind, what: string, required: bool): JValue | null {
    const x = this.v.get(key);
    if (x == null) { if (required) this.errs.add(this.at(key), "required"); return null; }
    if (x.kind != kind) { this.errs.add(this.at(key), "expected " + what + ", got " + x.kindName()); return null; }
    return x;
  }

  str(key: string, def: string = "", required: bool = false): string {
    const x = this.typed(key, JKind.Str, "a string", required);
    return x == null ? def : x.s;
  }
  bool(key: string, def: bool = false): bool {
    const x = this.typed(key, JKind.Bool, "a boolean", false);
    return x == null ? def : x.b;
  }
  int(key: string, def: i64, lo: i64, hi: i64): i64 {
    const x = this.typed(key, JKind.Num, "an integer", false);
    if (x == null) return def;
    if (x.n != Math.floor(x.n) || x.n < <f64>lo || x.n > <f64>hi) {
      this.errs.add(this.at(key), "expected an integer from " + lo.toString() + " to " + hi.toString());
      return def;
    }
    return <i64>x.n;
  }
  /** An array (possibly empty); [] with an error when present but not an array. */
  arr(key: string, required: bool = false): Array<JValue> {
    const x = this.typed(key, JKind.Arr, "an array", required);
    return x == null ? [] : x.arr;
  }
  /** An array of strings; non-strings are reported with their index. */
  strs(key: string, required: bool = false, nonEmpty: bool = false): Array<string> {
    const a = this.arr(key, required);
    const out = new Array<string>();
    const p = this.at(key);
    if (nonEmpty && this.has(key) && a.length == 0) this.errs.add(p, "must not be empty");
    for (let i = 0; i < a.length; i++) {
      if (a[i].kind != JKind.Str) this.errs.add(indexPath(p, i), "expected a string, got " + a[i].kindName());
      else out.push(a[i].s);
    }
    return out;
  }
  obj(key: string, known: Array<string>, required: bool = false): Obj | null {
    const x = this.v.get(key);
    if (x == null) { if (required) this.errs.add(this.at(key), "required"); return null; }
    return Obj.of(x, this.at(key), this.errs, known);
  }
}

/** An RFC 9110 token (method, header name; RFC 6265 cookie names are tokens too). */
export function isHttpToken(s: string): bool {
  if (s.length == 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
      c == 0x2d || c == 0x5f || c == 0x2e || c == 0x21 || c == 0x23 || c == 0x24 || c == 0x25 ||
      c == 0x26 || c == 0x27 || c == 0x2a || c == 0x2b || c == 0x5e || c == 0x60 || c == 0x7c || c == 0x7e;
    if (!ok) return false;
  }
  return true;
}
