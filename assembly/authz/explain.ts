// `bulwark authz explain`: which policies matched a request, in evaluation order, and why —
// produced by the same engine the filter runs (./engine.ts with a Trace), never re-implemented.
// Argument: the plugin configuration's compiled `authz` section and a request (./jsonreq.ts).
// Result: human-readable lines; the last one is the decision.
// Example output:
//   request: DELETE /api/admin/users (matched as "/api/admin/users"), host "api.local", ...
//   enforced policies, in evaluation order (DENY, then ALLOW):
//     evaluating DENY "admin-delete-needs-principal"
//       rules[0].from[0].source.notRequestPrincipals: value (none) is not in not-list ["*"] → holds
//   decision: DENY by DENY policy 'admin-delete-needs-principal' rules[0]
import { AuthzConfig } from "./policy";
import { Attributes, buildAttributes, bufString, ipString } from "./attributes";
import { JsonRequest } from "./jsonreq";
import { authorize, describe, Decision, Trace, SHADOW_NONE, SHADOW_ALLOWED } from "./engine";
import { NORM_NAMES } from "./normalize";

export function attributesOf(cfg: AuthzConfig, req: JsonRequest): Attributes {
  return buildAttributes(req, cfg.normalization, cfg.trustedProxies, cfg.headerNames, req.auth);
}

export function evaluateRequest(cfg: AuthzConfig, req: JsonRequest): Decision {
  return authorize(cfg, attributesOf(cfg, req), null);
}

export function explainRequest(cfg: AuthzConfig, req: JsonRequest): string {
  const a = attributesOf(cfg, req);
  const t = new Trace();
  t.add("request: " + bufString(a.method) + " " + a.rawPath + " (matched as \"" + bufString(a.path) + "\" under " +
    NORM_NAMES[cfg.normalization] + "), host " + bufString(a.host) + ", port " + (a.destPort < 0 ? "(none)" : a.destPort.toString()));
  t.add("source: mtls=" + (a.mtls ? "true" : "false") + " principal=" + bufString(a.peer.principal) +
    " namespace=" + bufString(a.peer.namespace) + " source.ip=" + ipString(a.sourceIp) + " remote.ip=" + ipString(a.remoteIp) +
    " (trustedProxies " + cfg.trustedProxies.toString() + ")");
  t.add("request.auth: " + (a.auth.authenticated ? "principal=" + bufString(a.authPrincipal) : "(no verified credential)"));
  if (cfg.policies.length == 0) {
    t.add("no policies: authorization is off → allowed");
    return t.lines.join("\n");
  }
  const d = authorize(cfg, a, t);
  if (d.badRequest) t.add("decision: 400 (invalid path)");
  else t.add("decision: " + (d.allowed ? "ALLOW" : "DENY") + " by " + describe(cfg, d.allowed, d.policy, d.rule) +
    (d.strictPath ? " (on the fully normalised path)" : ""));
  for (let i = 0; i < d.audited.length; i++) t.add("audit: AUDIT policy '" + cfg.policies[d.audited[i]].name + "' matched");
  if (d.shadow != SHADOW_NONE) t.add("shadow: " + (d.shadow == SHADOW_ALLOWED ? "allowed" : "denied") + " by " +
    describe(cfg, d.shadow == SHADOW_ALLOWED, d.shadowPolicy, d.shadowRule) + " (dryRun: logged and counted, not enforced)");
  return t.lines.join("\n");
}
