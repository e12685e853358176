/**
 * detectXSS — libinjection's XSS detector: true when the value looks like an XSS payload in HTML
 * text or any attribute context. No argument; no decoding here. The adapter lives with
 * libinjection (assembly/waf/libinjection/operators.ts); this file is the registry's entry point.
 * Example: {"variables": ["ARGS"], "transformations": ["urlDecodeUni", "htmlEntityDecode"], "match": {"detectXSS": ""}}
 */
export { DetectXSS } from "../libinjection/operators";
