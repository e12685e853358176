// Shared by the authz specs: compile an `authz` section and decide a JSON request with it.
import { JsonParser } from "../../config/json";
import { Errors } from "../../config/reader";
import { AuthzConfig, parseAuthz } from "../policy";
import { parseJsonRequest } from "../jsonreq";
import { evaluateRequest, explainRequest } from "../explain";

export function compile(authzJson: string, errs: Errors): AuthzConfig {
  const root = new JsonParser(String.UTF8.encode(authzJson)).parse();
  if (root == null) { errs.add("", "bad JSON in test"); return new AuthzConfig(); }
  return parseAuthz(root, "authz", errs);
}

export function faults(authzJson: string): Array<string> {
  const errs = new Errors();
  compile(authzJson, errs);
  return errs.list;
}

/** "ALLOW", "DENY", "400", or "CONFIG: <first fault>". */
export function decide(authzJson: string, reqJson: string): string {
  const errs = new Errors();
  const cfg = compile(authzJson, errs);
  if (!errs.ok) return "CONFIG: " + errs.list[0];
  const rerrs = new Errors();
  const req = parseJsonRequest(reqJson, rerrs);
  if (!rerrs.ok) return "REQUEST: " + rerrs.list[0];
  const d = evaluateRequest(cfg, req);
  if (d.badRequest) return "400";
  return d.allowed ? "ALLOW" : "DENY";
}

export function explain(authzJson: string, reqJson: string): string {
  const errs = new Errors();
  const cfg = compile(authzJson, errs);
  const req = parseJsonRequest(reqJson, new Errors());
  return explainRequest(cfg, req);
}

/** One policy with the given action and rules JSON. */
export function one(action: string, rules: string, extra: string = ""): string {
  return '{"policies":[{"name":"p","action":"' + action + '"' + (rules.length ? ',"rules":' + rules : "") + extra + '}]}';
}
