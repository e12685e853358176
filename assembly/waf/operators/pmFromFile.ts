/**
 * pmFromFile (alias pmf) — `pm` with its phrases read from a data file carried inside the pack:
 * the argument names a key of the pack's `"data"` object, whose value is the file's lines (blank
 * lines and `#` comments ignored). `bulwark import` inlines CRS's *.data files this way.
 * Example: {"variables": ["REQUEST_FILENAME"], "match": {"pmFromFile": "restricted-files.data"}}
 *          with "data": {"restricted-files.data": [".git/", ".env", "# comment"]}
 */
import { OpError } from "./operator";
import { Pm } from "./pm";

export function createPmFromFile(name: string, file: string, data: Map<string, Array<string>>, lines: (a: Array<string>) => Array<string>, err: OpError): Pm | null {
  if (!data.has(file)) { err.set("no data file '" + file + "' in this pack's \"data\""); return null; }
  return Pm.create(name, lines(data.get(file)), err);
}
