// The decision table: every AuthorizationPolicy field, matcher and not* twin, each case citing
// the Istio documentation sentence it follows (istio.io reference/config/security/
// authorization-policy, …/conditions, …/normalization; MeshConfig numTrustedProxies).
import { decide, one } from "./helpers";

class Case {
  constructor(public cite: string, public cfg: string, public req: string, public want: string) {}
}

// --- Istio sentences ---
const ORDER = "If there are any DENY policies that match the request, deny the request. If there are no ALLOW policies for the workload, allow the request. If any of the ALLOW policies match the request, allow the request. Deny the request.";
const AUDIT = "AUDIT policies do not affect whether requests are allowed or denied to the workload.";
const NORULES = "rules: A list of rules to match the request. A match occurs when at least one rule matches the request. If not set, the match will never occur.";
const EMPTYRULE = "An empty rule is always matched.";
const RULE = "A match occurs when at least one source, one operation and all conditions matches the request.";
const SOURCE_AND = "Source specifies the source identities of a request. Fields in the source are ANDed together.";
const OP_AND = "Operation specifies the operations of a request. Fields in the operation are ANDed together.";
const EXACT = "Exact match: abc will match on value abc.";
const PREFIX = "Prefix match: abc* will match on value abc and abcd.";
const SUFFIX = "Suffix match: *abc will match on value abc and xabc.";
const PRESENCE = "Presence match: * will match when value is not empty.";
const TPL_STAR = "{*} matches a single glob that cannot extend beyond a path segment.";
const TPL_DSTAR = "{**} matches zero or more globs. If a path contains {**}, it must be the last operator.";
const HOSTS = "hosts: A list of hosts as specified in the HTTP request. The match is case-insensitive.";
const PORTS = "ports: A list of ports as specified in the connection.";
const METHODS = "methods: A list of methods as specified in the HTTP request.";
const PATHS = "paths: A list of paths as specified in the HTTP request.";
const PRINCIPALS = "principals: A list of peer identities derived from the peer certificate. The peer identity is in the format of <TRUST_DOMAIN>/ns/<NAMESPACE>/sa/<SERVICE_ACCOUNT>. This field requires mTLS enabled.";
const REQPRINC = "requestPrincipals: A list of request identities derived from the JWT. The request identity is in the format of <ISS>/<SUB>.";
const NAMESPACES = "namespaces: A list of namespaces derived from the peer certificate. This field requires mTLS enabled.";
const SAS = "serviceAccounts: A list of service accounts derived from the peer certificate (<NAMESPACE>/<SERVICE_ACCOUNT>). This field requires mTLS enabled.";
const TDS = "(Bulwark addition) trustDomains: the trust domain of the peer's SPIFFE ID; same string matching as principals.";
const IPBLOCKS = "ipBlocks: A list of IP blocks, populated from the source address of the IP packet. Single IP (e.g. 203.0.113.4) and CIDR (e.g. 203.0.113.0/24) are supported.";
const REMOTEIP = "remoteIpBlocks: A list of IP blocks, populated from X-Forwarded-For header or proxy protocol.";
const NTP = "numTrustedProxies: When this option is set to value N greater than zero, the trusted client address is assumed to be the Nth address from the right end of the X-Forwarded-For (XFF) header.";
const NOT = "not*: A list of negative match of … (the request matches when the value matches none of them).";
const WHEN = "when: A list of additional conditions of a request. … values: A list of allowed values for the attribute. notValues: A list of negative match of values for the attribute.";
const C_HEADERS = "request.headers: HTTP request headers. The header name is surrounded by [] without any quotes.";
const C_SRCIP = "source.ip: Source workload instance IP address, supports single IP or CIDR.";
const C_REMOTEIP = "remote.ip: Original client IP address as determined by X-Forwarded-For header or Proxy Protocol, supports single IP or CIDR.";
const C_SRCNS = "source.namespace: Source workload instance namespace, requires mutual TLS enabled.";
const C_SRCPRINC = "source.principal: The identity of the source workload, requires mutual TLS enabled.";
const C_AUTHPRINC = "request.auth.principal: The principal of the authenticated JWT token, constructed from the JWT claims in the format of <iss>/<sub>.";
const C_AUD = "request.auth.audiences: The intended audiences of the authenticated JWT token, constructed from the JWT claim <aud>.";
const C_AZP = "request.auth.presenter: The authorized presenter of the authenticated JWT token, constructed from the JWT claim <azp>.";
const C_CLAIMS = "request.auth.claims: Claims from the origin JWT. The claim name is surrounded by [] without any quotes. (Nested claims: request.auth.claims[a][b]; list-typed claims match any element.)";
const C_DSTIP = "destination.ip: Destination workload instance IP address, supports single IP or CIDR.";
const C_DSTPORT = "destination.port: Destination workload instance port, must be in the range [0, 65535].";
const C_SNI = "connection.sni: The server name indication, requires TLS enabled.";
const DRYRUN = "istio.io/dry-run annotation: the policy is evaluated and its result logged, but not enforced.";
const NORM = "Authorization Policy Normalization: the normalized request will be used for both the evaluation of authorization policies and the request that is ultimately sent to the backend server.";

// --- requests ---
const GET_ROOT = '{"method":"GET","path":"/"}';
function get(path: string): string { return '{"method":"GET","path":' + JSON_S(path) + '}'; }
function JSON_S(s: string): string {
  let o = "\"";
  for (let i = 0; i < s.length; i++) { const c = s.charAt(i); o += c == "\"" ? "\\\"" : c == "\\" ? "\\\\" : c; }
  return o + "\"";
}
const MTLS_PROPS = '"connection.mtls":true,"connection.uri_san_peer_certificate":"spiffe://cluster.local/ns/shop/sa/backend","source.address":"10.1.2.3:5555","destination.address":"10.9.0.5:8080","destination.port":8080,"connection.requested_server_name":"db.shop.svc"';
const MTLS = '{"method":"GET","path":"/","properties":{' + MTLS_PROPS + '}}';
const NO_MTLS = '{"method":"GET","path":"/","properties":{"connection.mtls":false,"connection.uri_san_peer_certificate":"spiffe://cluster.local/ns/shop/sa/backend","source.address":"10.1.2.3:5555"}}';
const JWT = '{"method":"GET","path":"/","auth":{"principal":"https://issuer.example/alice","audiences":["api","web"],"presenter":"cli-app","claims":{"iss":"https://issuer.example","sub":"alice","groups":["dev","ops"],"scope":"read write","org":{"team":{"name":"core"}},"admin":true}}}';
function xff(peer: string, x: string): string { return '{"method":"GET","path":"/","headers":[["x-forwarded-for",' + JSON_S(x) + ']],"properties":{"source.address":' + JSON_S(peer) + '}}'; }
function hdr(name: string, value: string): string { return '{"method":"GET","path":"/","headers":[[' + JSON_S(name) + ',' + JSON_S(value) + ']]}'; }
function host(h: string): string { return '{"method":"GET","path":"/","authority":' + JSON_S(h) + '}'; }
function src(addr: string): string { return '{"method":"GET","path":"/","properties":{"source.address":' + JSON_S(addr) + '}}'; }
function method(m: string): string { return '{"method":' + JSON_S(m) + ',"path":"/"}'; }

function allowTo(op: string): string { return one("ALLOW", '[{"to":[{"operation":' + op + '}]}]'); }
function allowFrom(s: string): string { return one("ALLOW", '[{"from":[{"source":' + s + '}]}]'); }
function allowWhen(key: string, vals: string): string { return one("ALLOW", '[{"when":[{"key":' + JSON_S(key) + ',' + vals + '}]}]'); }
function denyTo(op: string): string { return one("DENY", '[{"to":[{"operation":' + op + '}]}]'); }
function norm(mode: string, policy: string): string { return '{"pathNormalization":"' + mode + '",' + policy.substring(1); }
function proxies(n: i32, policy: string): string { return '{"trustedProxies":' + n.toString() + ',' + policy.substring(1); }

const A = "ALLOW", D = "DENY";
const DENY_ADMIN = denyTo('{"paths":["/admin"]}');

const CASES: Array<Case> = [
  // evaluation order
  new Case(ORDER, '{"policies":[]}', GET_ROOT, A),
  new Case(ORDER, one("DENY", '[{}]'), GET_ROOT, D),
  new Case(ORDER, denyTo('{"methods":["POST"]}'), GET_ROOT, A),
  new Case(ORDER, allowTo('{"methods":["GET"]}'), GET_ROOT, A),
  new Case(ORDER, allowTo('{"methods":["POST"]}'), GET_ROOT, D),
  new Case(ORDER, '{"policies":[{"name":"a","rules":[{}]},{"name":"d","action":"DENY","rules":[{}]}]}', GET_ROOT, D),
  new Case(ORDER, '{"policies":[{"name":"a1","rules":[{"to":[{"operation":{"methods":["POST"]}}]}]},{"name":"a2","rules":[{"to":[{"operation":{"methods":["GET"]}}]}]}]}', GET_ROOT, A),
  new Case(AUDIT, one("AUDIT", '[{}]'), GET_ROOT, A),
  new Case(AUDIT, '{"policies":[{"name":"au","action":"AUDIT","rules":[{}]},{"name":"al","rules":[{"to":[{"operation":{"methods":["POST"]}}]}]}]}', GET_ROOT, D),
  new Case(NORULES + " (allow-nothing: spec {})", '{"policies":[{"name":"allow-nothing"}]}', GET_ROOT, D),
  new Case(NORULES, one("DENY", ""), GET_ROOT, A),
  new Case(EMPTYRULE + " (allow-all)", one("ALLOW", '[{}]'), GET_ROOT, A),
  new Case(EMPTYRULE + " (deny-all)", one("DENY", '[{}]'), method("POST"), D),
  new Case(DRYRUN, one("DENY", '[{}]', ',"dryRun":true'), GET_ROOT, A),
  new Case(DRYRUN, one("ALLOW", '[{"to":[{"operation":{"methods":["POST"]}}]}]', ',"dryRun":true'), GET_ROOT, A),
  // rule structure
  new Case(RULE + " (any source)", one("ALLOW", '[{"from":[{"source":{"namespaces":["x"]}},{"source":{"namespaces":["shop"]}}]}]'), MTLS, A),
  new Case(RULE + " (any operation)", one("ALLOW", '[{"to":[{"operation":{"methods":["POST"]}},{"operation":{"paths":["/"]}}]}]'), GET_ROOT, A),
  new Case(RULE + " (all conditions)", one("ALLOW", '[{"when":[{"key":"source.namespace","values":["shop"]},{"key":"destination.port","values":["9090"]}]}]'), MTLS, D),
  new Case(RULE + " (source and operation)", one("ALLOW", '[{"from":[{"source":{"namespaces":["shop"]}}],"to":[{"operation":{"methods":["POST"]}}]}]'), MTLS, D),
  new Case(RULE + " (rules ORed)", one("ALLOW", '[{"to":[{"operation":{"methods":["POST"]}}]},{"from":[{"source":{"namespaces":["shop"]}}]}]'), MTLS, A),
  new Case(SOURCE_AND, allowFrom('{"principals":["cluster.local/ns/shop/sa/backend"],"namespaces":["other"]}'), MTLS, D),
  new Case(SOURCE_AND, allowFrom('{"principals":["cluster.local/ns/shop/sa/backend"],"namespaces":["shop"],"ipBlocks":["10.1.0.0/16"]}'), MTLS, A),
  new Case(OP_AND, allowTo('{"methods":["GET"],"paths":["/x"]}'), GET_ROOT, D),
  new Case(OP_AND, allowTo('{"methods":["GET"],"paths":["/"]}'), GET_ROOT, A),
  // string matchers on paths and methods
  new Case(EXACT + " / " + PATHS, allowTo('{"paths":["/info"]}'), get("/info"), A),
  new Case(EXACT, allowTo('{"paths":["/info"]}'), get("/info/x"), D),
  new Case(PREFIX, allowTo('{"paths":["/info*"]}'), get("/info"), A),
  new Case(PREFIX, allowTo('{"paths":["/info*"]}'), get("/infox/y"), A),
  new Case(PREFIX, allowTo('{"paths":["/info*"]}'), get("/inf"), D),
  new Case(SUFFIX, allowTo('{"paths":["*.png"]}'), get("/img/a.png"), A),
  new Case(SUFFIX, allowTo('{"paths":["*.png"]}'), get("/img/a.png.exe"), D),
  new Case(PRESENCE, allowFrom('{"requestPrincipals":["*"]}'), JWT, A),
  new Case(PRESENCE, allowFrom('{"requestPrincipals":["*"]}'), GET_ROOT, D),
  new Case(METHODS + " (exact, as sent)", allowTo('{"methods":["GET"]}'), method("get"), D),
  new Case(METHODS + " / " + PREFIX, allowTo('{"methods":["P*"]}'), method("PUT"), A),
  new Case(NOT + " (notMethods)", allowTo('{"notMethods":["DELETE"]}'), method("DELETE"), D),
  new Case(NOT + " (notMethods)", allowTo('{"notMethods":["DELETE"]}'), method("GET"), A),
  new Case(NOT + " (notPaths)", allowTo('{"notPaths":["/admin*"]}'), get("/admin/x"), D),
  new Case(NOT + " (notPaths)", allowTo('{"notPaths":["/admin*"]}'), get("/public"), A),
  // path templates
  new Case(TPL_STAR, allowTo('{"paths":["/foo/{*}"]}'), get("/foo/bar"), A),
  new Case(TPL_STAR, allowTo('{"paths":["/foo/{*}"]}'), get("/foo/bar/baz"), D),
  new Case(TPL_STAR, allowTo('{"paths":["/foo/{*}"]}'), get("/foo/"), D),
  new Case(TPL_DSTAR, allowTo('{"paths":["/foo/{**}/"]}'), get("/foo/bar/"), A),
  new Case(TPL_DSTAR, allowTo('{"paths":["/foo/{**}/"]}'), get("/foo/bar/baz/"), A),
  new Case(TPL_DSTAR, allowTo('{"paths":["/foo/{**}/"]}'), get("/foo/bar"), D),
  new Case(TPL_DSTAR, allowTo('{"paths":["/foo/{*}/bar/{**}"]}'), get("/foo/buzz/bar/"), A),
  new Case(TPL_DSTAR, allowTo('{"paths":["/foo/{*}/bar/{**}"]}'), get("/foo/buzz/bar/baz"), A),
  new Case(TPL_DSTAR, allowTo('{"paths":["/foo/{*}/bar/{**}"]}'), get("/foo/buzz/baz"), D),
  new Case(TPL_DSTAR, allowTo('{"paths":["/api/{**}"]}'), get("/api"), D),
  new Case(TPL_DSTAR, allowTo('{"paths":["/api/{**}"]}'), get("/api/a/b/c"), A),
  new Case(TPL_STAR + " (notPaths)", allowTo('{"notPaths":["/admin/{*}"]}'), get("/admin/users"), D),
  // hosts
  new Case(HOSTS, allowTo('{"hosts":["Example.COM"]}'), host("example.com"), A),
  new Case(HOSTS, allowTo('{"hosts":["example.com"]}'), host("EXAMPLE.com"), A),
  new Case(HOSTS + " (a pattern without port matches host:port)", allowTo('{"hosts":["example.com"]}'), host("example.com:8080"), A),
  new Case(HOSTS + " / " + SUFFIX, allowTo('{"hosts":["*.example.com"]}'), host("api.example.com"), A),
  new Case(HOSTS + " / " + SUFFIX, allowTo('{"hosts":["*.example.com"]}'), host("example.org"), D),
  new Case(HOSTS + " / " + NOT, allowTo('{"notHosts":["admin.example.com"]}'), host("Admin.Example.Com"), D),
  new Case(HOSTS + " / " + NOT, allowTo('{"notHosts":["admin.example.com"]}'), host("www.example.com"), A),
  // ports
  new Case(PORTS, allowTo('{"ports":["8080"]}'), MTLS, A),
  new Case(PORTS, allowTo('{"ports":["9090"]}'), MTLS, D),
  new Case(PORTS + " / " + NOT, allowTo('{"notPorts":["8080"]}'), MTLS, D),
  new Case(PORTS + " (no port known)", allowTo('{"ports":["8080"]}'), GET_ROOT, D),
  // principals
  new Case(PRINCIPALS, allowFrom('{"principals":["cluster.local/ns/shop/sa/backend"]}'), MTLS, A),
  new Case(PRINCIPALS + " (mTLS required)", allowFrom('{"principals":["cluster.local/ns/shop/sa/backend"]}'), NO_MTLS, D),
  new Case(PRINCIPALS + " / " + PREFIX, allowFrom('{"principals":["cluster.local/ns/shop/*"]}'), MTLS, A),
  new Case(PRINCIPALS + " / " + SUFFIX, allowFrom('{"principals":["*/sa/frontend"]}'), MTLS, D),
  new Case(PRINCIPALS + " / " + NOT, allowFrom('{"notPrincipals":["cluster.local/ns/shop/sa/backend"]}'), MTLS, D),
  new Case(PRINCIPALS + " / " + NOT + " (no identity matches no principal)", allowFrom('{"notPrincipals":["cluster.local/ns/shop/sa/backend"]}'), NO_MTLS, A),
  new Case(PRINCIPALS + " / " + PRESENCE + " (a non-SPIFFE SAN is no identity)", allowFrom('{"principals":["*"]}'), '{"properties":{"connection.mtls":true,"connection.uri_san_peer_certificate":"https://not-spiffe/x"}}', D),
  // namespaces, serviceAccounts, trustDomains
  new Case(NAMESPACES, allowFrom('{"namespaces":["shop"]}'), MTLS, A),
  new Case(NAMESPACES, allowFrom('{"namespaces":["billing"]}'), MTLS, D),
  new Case(NAMESPACES + " / " + NOT, allowFrom('{"notNamespaces":["shop"]}'), MTLS, D),
  new Case(NAMESPACES + " (mTLS required)", allowFrom('{"namespaces":["shop"]}'), NO_MTLS, D),
  new Case(SAS, allowFrom('{"serviceAccounts":["shop/backend"]}'), MTLS, A),
  new Case(SAS, allowFrom('{"serviceAccounts":["shop/frontend"]}'), MTLS, D),
  new Case(SAS + " / " + NOT, allowFrom('{"notServiceAccounts":["shop/backend"]}'), MTLS, D),
  new Case(TDS, allowFrom('{"trustDomains":["cluster.local"]}'), MTLS, A),
  new Case(TDS + " / " + NOT, allowFrom('{"notTrustDomains":["cluster.local"]}'), MTLS, D),
  // ipBlocks
  new Case(IPBLOCKS + " (single IP)", allowFrom('{"ipBlocks":["10.1.2.3"]}'), MTLS, A),
  new Case(IPBLOCKS + " (CIDR)", allowFrom('{"ipBlocks":["10.1.0.0/16"]}'), MTLS, A),
  new Case(IPBLOCKS + " (CIDR)", allowFrom('{"ipBlocks":["10.2.0.0/16"]}'), MTLS, D),
  new Case(IPBLOCKS + " (IPv6 CIDR)", allowFrom('{"ipBlocks":["2001:db8::/32"]}'), src("[2001:db8::7]:443"), A),
  new Case(IPBLOCKS + " (IPv6 CIDR)", allowFrom('{"ipBlocks":["2001:db8::/32"]}'), src("[2001:db9::7]:443"), D),
  new Case(IPBLOCKS + " / " + NOT, allowFrom('{"notIpBlocks":["10.1.2.3"]}'), MTLS, D),
  new Case(IPBLOCKS + " (IPv4-mapped IPv6 source is its IPv4 address)", one("DENY", '[{"from":[{"source":{"ipBlocks":["10.0.0.0/8"]}}]}]'), src("[::ffff:10.1.2.3]:1"), D),
  new Case(IPBLOCKS + " (the packet, not X-Forwarded-For)", allowFrom('{"ipBlocks":["203.0.113.9"]}'), xff("10.1.2.3:1", "203.0.113.9"), D),
  // remoteIpBlocks with numTrustedProxies
  new Case(REMOTEIP + " / " + NTP + " (N=1: rightmost)", proxies(1, allowFrom('{"remoteIpBlocks":["203.0.113.0/24"]}')), xff("10.0.0.1:1", "198.51.100.7, 203.0.113.9"), A),
  new Case(REMOTEIP + " / " + NTP + " (N=0: XFF ignored, the peer)", allowFrom('{"remoteIpBlocks":["203.0.113.0/24"]}'), xff("10.0.0.1:1", "203.0.113.9"), D),
  new Case(REMOTEIP + " / " + NTP + " (N=2: second from the right)", proxies(2, allowFrom('{"remoteIpBlocks":["198.51.100.7"]}')), xff("10.0.0.1:1", "198.51.100.7, 203.0.113.9"), A),
  new Case(REMOTEIP + " / " + NTP + " (fewer addresses than N: the peer)", proxies(3, allowFrom('{"remoteIpBlocks":["10.0.0.1"]}')), xff("10.0.0.1:1", "198.51.100.7, 203.0.113.9"), A),
  new Case(REMOTEIP + " / " + NOT, proxies(1, allowFrom('{"notRemoteIpBlocks":["203.0.113.0/24"]}')), xff("10.0.0.1:1", "203.0.113.9"), D),
  // requestPrincipals
  new Case(REQPRINC, allowFrom('{"requestPrincipals":["https://issuer.example/alice"]}'), JWT, A),
  new Case(REQPRINC, allowFrom('{"requestPrincipals":["https://issuer.example/bob"]}'), JWT, D),
  new Case(REQPRINC + " / " + PREFIX, allowFrom('{"requestPrincipals":["https://issuer.example/*"]}'), JWT, A),
  new Case(REQPRINC + " / " + NOT + " (deny requests without a credential)", one("DENY", '[{"from":[{"source":{"notRequestPrincipals":["*"]}}]}]'), GET_ROOT, D),
  new Case(REQPRINC + " / " + NOT + " (deny requests without a credential)", one("DENY", '[{"from":[{"source":{"notRequestPrincipals":["*"]}}]}]'), JWT, A),
  // when: request.headers
  new Case(WHEN + " / " + C_HEADERS, allowWhen("request.headers[User-Agent]", '"values":["Mozilla/*"]'), hdr("user-agent", "Mozilla/5.0"), A),
  new Case(WHEN + " / " + C_HEADERS, allowWhen("request.headers[User-Agent]", '"values":["Mozilla/*"]'), hdr("user-agent", "curl/8"), D),
  new Case(WHEN + " / " + C_HEADERS + " (names ignore case)", allowWhen("request.headers[x-env]", '"values":["prod"]'), hdr("X-Env", "prod"), A),
  new Case(WHEN + " / " + C_HEADERS + " (notValues)", allowWhen("request.headers[x-env]", '"notValues":["prod"]'), hdr("x-env", "prod"), D),
  new Case(WHEN + " / " + C_HEADERS + " (absent header: values fail)", allowWhen("request.headers[x-env]", '"values":["*"]'), GET_ROOT, D),
  new Case(WHEN + " / " + C_HEADERS + " (absent header: notValues hold)", allowWhen("request.headers[x-env]", '"notValues":["prod"]'), GET_ROOT, A),
  // when: addresses and identities
  new Case(WHEN + " / " + C_SRCIP, allowWhen("source.ip", '"values":["10.1.0.0/16"]'), MTLS, A),
  new Case(WHEN + " / " + C_SRCIP + " (notValues)", allowWhen("source.ip", '"notValues":["10.1.2.3"]'), MTLS, D),
  new Case(WHEN + " / " + C_REMOTEIP, proxies(1, allowWhen("remote.ip", '"values":["203.0.113.9"]')), xff("10.0.0.1:1", "203.0.113.9"), A),
  new Case(WHEN + " / " + C_SRCNS, allowWhen("source.namespace", '"values":["shop"]'), MTLS, A),
  new Case(WHEN + " / " + C_SRCNS, allowWhen("source.namespace", '"values":["shop"]'), NO_MTLS, D),
  new Case(WHEN + " / " + C_SRCPRINC, allowWhen("source.principal", '"values":["cluster.local/ns/shop/sa/backend"]'), MTLS, A),
  new Case(WHEN + " / " + C_AUTHPRINC, allowWhen("request.auth.principal", '"values":["https://issuer.example/alice"]'), JWT, A),
  new Case(WHEN + " / " + C_AUTHPRINC + " (no token)", allowWhen("request.auth.principal", '"values":["*"]'), GET_ROOT, D),
  new Case(WHEN + " / " + C_AUD + " (any audience)", allowWhen("request.auth.audiences", '"values":["web"]'), JWT, A),
  new Case(WHEN + " / " + C_AUD + " (notValues: none may match)", allowWhen("request.auth.audiences", '"notValues":["web"]'), JWT, D),
  new Case(WHEN + " / " + C_AZP, allowWhen("request.auth.presenter", '"values":["cli-*"]'), JWT, A),
  new Case(WHEN + " / " + C_CLAIMS, allowWhen("request.auth.claims[iss]", '"values":["https://issuer.example"]'), JWT, A),
  new Case(WHEN + " / " + C_CLAIMS + " (list claim)", allowWhen("request.auth.claims[groups]", '"values":["ops"]'), JWT, A),
  new Case(WHEN + " / " + C_CLAIMS + " (list claim)", allowWhen("request.auth.claims[groups]", '"values":["admin"]'), JWT, D),
  new Case(WHEN + " / " + C_CLAIMS + " (nested)", allowWhen("request.auth.claims[org][team][name]", '"values":["core"]'), JWT, A),
  new Case(WHEN + " / " + C_CLAIMS + " (nested, wrong value)", allowWhen("request.auth.claims[org][team][name]", '"values":["edge"]'), JWT, D),
  new Case(WHEN + " / " + C_CLAIMS + " (space-delimited scope)", allowWhen("request.auth.claims[scope]", '"values":["write"]'), JWT, A),
  new Case(WHEN + " / " + C_CLAIMS + " (notValues)", allowWhen("request.auth.claims[groups]", '"notValues":["dev"]'), JWT, D),
  new Case(WHEN + " / " + C_CLAIMS + " (no token: values fail)", allowWhen("request.auth.claims[iss]", '"values":["*"]'), GET_ROOT, D),
  new Case(WHEN + " / " + C_DSTIP, allowWhen("destination.ip", '"values":["10.9.0.0/24"]'), MTLS, A),
  new Case(WHEN + " / " + C_DSTPORT, allowWhen("destination.port", '"values":["8080"]'), MTLS, A),
  new Case(WHEN + " / " + C_DSTPORT + " (notValues)", allowWhen("destination.port", '"notValues":["8080"]'), MTLS, D),
  new Case(WHEN + " / " + C_SNI, allowWhen("connection.sni", '"values":["*.shop.svc"]'), MTLS, A),
  new Case(WHEN + " / " + C_SNI + " (no TLS)", allowWhen("connection.sni", '"values":["*"]'), GET_ROOT, D),
  // normalisation (see bypass.spec.ts for the advisories)
  new Case(NORM + " (query is not part of the path)", DENY_ADMIN, get("/admin?x=1"), D),
  new Case(NORM + " (%2e%2e dot segments, BASE)", DENY_ADMIN, get("/public/%2e%2e/admin"), D),
  new Case(NORM + " (%00 is rejected with 400)", DENY_ADMIN, get("/admin%00"), "400"),
  new Case(NORM + " (MERGE_SLASHES)", norm("MERGE_SLASHES", DENY_ADMIN), get("//admin"), D),
  new Case(NORM + " (DECODE_AND_MERGE_SLASHES)", norm("DECODE_AND_MERGE_SLASHES", denyTo('{"paths":["/admin/users"]}')), get("/admin%2Fusers"), D),
  new Case(NORM + " (NONE matches the path as received)", norm("NONE", denyTo('{"paths":["/a/../b"]}')), get("/a/../b"), D),
];

describe("decision table (Istio AuthorizationPolicy semantics)", () => {
  it("has at least 100 cases", () => {
    expect(CASES.length >= 100).toBe(true, CASES.length.toString());
  });
  it("decides every case as Istio documents", () => {
    let failed = 0;
    for (let i = 0; i < CASES.length; i++) {
      const c = CASES[i];
      const got = decide(c.cfg, c.req);
      if (got != c.want) {
        failed++;
        log("case " + i.toString() + ": want " + c.want + ", got " + got + "\n  cite: " + c.cite + "\n  cfg: " + c.cfg + "\n  req: " + c.req);
      }
    }
    expect(failed).toBe(0);
  });
});
