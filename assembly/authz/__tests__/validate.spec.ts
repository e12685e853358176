// Configuration faults carry their JSON path: unknown keys (Istio ignores them; we refuse),
// invalid CIDRs, malformed path templates, `when` keys Istio does not define, CUSTOM.
import { faults } from "./helpers";

function firstFault(json: string): string { const f = faults(json); return f.length ? f[0] : "(none)"; }
function has(json: string, want: string): bool {
  const f = faults(json);
  for (let i = 0; i < f.length; i++) if (f[i].startsWith(want)) return true;
  log(f.join("\n"));
  return false;
}

describe("authz configuration faults", () => {
  it("accepts a valid section", () => {
    expect(faults('{"pathNormalization":"BASE","trustedProxies":1,"policies":[{"name":"a","rules":[{"from":[{"source":{"ipBlocks":["10.0.0.0/8","2001:db8::/32"]}}],"to":[{"operation":{"paths":["/api/{*}/x/{**}"]}}],"when":[{"key":"request.auth.claims[a][b]","values":["x"]}]}]}]}').length).toBe(0);
  });
  it("refuses an unknown key with its path", () => {
    expect(has('{"policies":[{"name":"a","rules":[{"from":[{"source":{"principal":["x"]}}]}]}]}', "authz.policies[0].rules[0].from[0].source.principal: unknown key")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"too":[]}]}]}', "authz.policies[0].rules[0].too: unknown key")).toBe(true);
    expect(has('{"normalization":"BASE"}', "authz.normalization: unknown key")).toBe(true);
  });
  it("refuses an invalid CIDR with its path", () => {
    expect(firstFault('{"policies":[{"name":"a","rules":[{"from":[{"source":{"ipBlocks":["10.0.0.0/8","10.0.0.0/33"]}}]}]}]}'))
      .toBe("authz.policies[0].rules[0].from[0].source.ipBlocks[1]: invalid IP address or CIDR block '10.0.0.0/33'");
    expect(has('{"policies":[{"name":"a","rules":[{"when":[{"key":"source.ip","values":["300.1.1.1"]}]}]}]}', "authz.policies[0].rules[0].when[0].values[0]: invalid IP")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"from":[{"source":{"notRemoteIpBlocks":["2001:db8::g/32"]}}]}]}]}', "authz.policies[0].rules[0].from[0].source.notRemoteIpBlocks[0]: invalid IP")).toBe(true);
  });
  it("refuses malformed path templates with their path (Istio's own examples)", () => {
    expect(has('{"policies":[{"name":"a","rules":[{"to":[{"operation":{"paths":["/*/baz/{*}"]}}]}]}]}', "authz.policies[0].rules[0].to[0].operation.paths[0]: invalid path template")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"to":[{"operation":{"paths":["/**/baz/{*}"]}}]}]}]}', "authz.policies[0].rules[0].to[0].operation.paths[0]: invalid path template")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"to":[{"operation":{"paths":["/{**}/foo/{*}"]}}]}]}]}', "authz.policies[0].rules[0].to[0].operation.paths[0]: invalid path template '/{**}/foo/{*}': {**} must be the last operator")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"to":[{"operation":{"notPaths":["/foo/{*}.txt"]}}]}]}]}', "authz.policies[0].rules[0].to[0].operation.notPaths[0]: invalid path template")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"to":[{"operation":{"paths":["/users/{id}"]}}]}]}]}', "authz.policies[0].rules[0].to[0].operation.paths[0]: invalid path template")).toBe(true);
  });
  it("refuses a when key Istio does not define, with its path", () => {
    expect(has('{"policies":[{"name":"a","rules":[{"when":[{"key":"request.method","values":["GET"]}]}]}]}', "authz.policies[0].rules[0].when[0].key: unknown condition key 'request.method'")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"when":[{"key":"request.headers[]","values":["x"]}]}]}]}', "authz.policies[0].rules[0].when[0].key: malformed header key")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"when":[{"key":"request.auth.claims[a]b","values":["x"]}]}]}]}', "authz.policies[0].rules[0].when[0].key: malformed claim key")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"when":[{"key":"source.ip"}]}]}]}', "authz.policies[0].rules[0].when[0]: needs `values` or `notValues`")).toBe(true);
  });
  it("refuses CUSTOM/provider, selector, duplicate names, bad ports, empty source, bad modes", () => {
    expect(has('{"policies":[{"name":"a","action":"CUSTOM","provider":{"name":"x"}}]}', "authz.policies[0].action: CUSTOM")).toBe(true);
    expect(has('{"policies":[{"name":"a","action":"CUSTOM","provider":{"name":"x"}}]}', "authz.policies[0].provider: external authorization")).toBe(true);
    expect(has('{"policies":[{"name":"a","selector":{"matchLabels":{"app":"x"}}}]}', "authz.policies[0].selector: workload selection")).toBe(true);
    expect(has('{"policies":[{"name":"a"},{"name":"a"}]}', "authz.policies[1].name: duplicate policy name 'a'")).toBe(true);
    expect(has('{"policies":[{"rules":[]}]}', "authz.policies[0].name: required")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"to":[{"operation":{"ports":["80*"]}}]}]}]}', "authz.policies[0].rules[0].to[0].operation.ports[0]: invalid port")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"from":[{"source":{}}]}]}]}', "authz.policies[0].rules[0].from[0].source: must not be empty")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"from":[{}]}]}]}', "authz.policies[0].rules[0].from[0].source: required")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"from":[{"source":{"serviceAccounts":["backend"]}}]}]}]}', "authz.policies[0].rules[0].from[0].source.serviceAccounts[0]: must be '<namespace>/<service account>'")).toBe(true);
    expect(has('{"pathNormalization":"FULL"}', "authz.pathNormalization: unknown normalization")).toBe(true);
    expect(has('{"trustedProxies":-1}', "authz.trustedProxies: expected an integer")).toBe(true);
    expect(has('{"policies":[{"name":"a","rules":[{"to":[{"operation":{"methods":[""]}}]}]}]}', "authz.policies[0].rules[0].to[0].operation.methods[0]: empty value")).toBe(true);
  });
});
