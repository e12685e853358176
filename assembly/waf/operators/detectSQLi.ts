/**
 * detectSQLi — libinjection's SQL-injection detector. True when the value looks like SQL
 * injection; the fingerprint (e.g. "s&sos") becomes the decision's fragment and, with `capture`,
 * TX.0, as in ModSecurity. No argument; no decoding here (list transformations on the rule).
 * The adapter lives with libinjection (assembly/waf/libinjection/operators.ts); this file is the
 * registry's entry point by name.
 * Example: {"variables": ["ARGS"], "transformations": ["urlDecodeUni"], "match": {"detectSQLi": ""}}
 */
export { DetectSQLi } from "../libinjection/operators";
