// Path/host/header bypass regressions. Each names the advisory whose class it guards against.
import { decide, explain } from "./helpers";
import { normalizePath, NORM_NONE, NORM_BASE, NORM_MERGE_SLASHES, NORM_DECODE_AND_MERGE_SLASHES } from "../normalize";

function n(path: string, mode: i32): string {
  const b = String.UTF8.encode(path);
  const r = normalizePath(changetype<usize>(b), b.byteLength, mode);
  return r == null ? "(400)" : String.UTF8.decode(r);
}
function get(path: string): string { return '{"method":"GET","path":"' + path.replaceAll("\\", "\\\\") + '"}'; }
function withMode(mode: string, p: string): string { return '{"pathNormalization":"' + mode + '",' + p.substring(1); }

const DENY_ADMIN = '{"policies":[{"name":"deny-admin","action":"DENY","rules":[{"to":[{"operation":{"paths":["/admin","/admin/*"]}}]}]}]}';
const ALLOW_NOT_ADMIN = '{"policies":[{"name":"allow-not-admin","rules":[{"to":[{"operation":{"notPaths":["/admin","/admin/*"]}}]}]}]}';
const MODES: Array<string> = ["NONE", "BASE", "MERGE_SLASHES", "DECODE_AND_MERGE_SLASHES"];

function deniedInEveryMode(path: string): bool {
  for (let i = 0; i < MODES.length; i++) {
    const a = decide(withMode(MODES[i], DENY_ADMIN), get(path));
    const b = decide(withMode(MODES[i], ALLOW_NOT_ADMIN), get(path));
    if (a == "ALLOW" || b == "ALLOW") { log(MODES[i] + " " + path + ": DENY policy " + a + ", ALLOW notPaths " + b); return false; }
  }
  return true;
}

describe("normalisation per Istio mode (Envoy normalize_path / merge_slashes / escaped slashes)", () => {
  it("BASE resolves dot segments, decodes unreserved escapes once, keeps %2F, maps backslash", () => {
    expect(n("/a/./b/../c", NORM_BASE)).toBe("/a/c");
    expect(n("/%61dmin", NORM_BASE)).toBe("/admin");
    expect(n("/a%2fb", NORM_BASE)).toBe("/a%2Fb");
    expect(n("\\da", NORM_BASE)).toBe("/da");
    expect(n("/a//b", NORM_BASE)).toBe("/a//b");
    expect(n("/%252e%252e/x", NORM_BASE)).toBe("/%252e%252e/x"); // no double decoding
    expect(n("/../../x", NORM_BASE)).toBe("/x");
  });
  it("MERGE_SLASHES merges after BASE; DECODE_AND_MERGE_SLASHES decodes %2F/%5C first", () => {
    expect(n("/a//b", NORM_MERGE_SLASHES)).toBe("/a/b");
    expect(n("/a%2fb", NORM_MERGE_SLASHES)).toBe("/a%2Fb");
    expect(n("/a%2fb", NORM_DECODE_AND_MERGE_SLASHES)).toBe("/a/b");
    expect(n("/a%5c..%5cadmin", NORM_DECODE_AND_MERGE_SLASHES)).toBe("/admin");
  });
  it("NONE keeps the path, but never the query or fragment; %00 is refused in every mode", () => {
    expect(n("/a/../b?x#y", NORM_NONE)).toBe("/a/../b");
    expect(n("/a%00b", NORM_NONE)).toBe("(400)");
    expect(n("/a%00b", NORM_BASE)).toBe("(400)");
  });
});

describe("bypass regressions: a DENY on /admin and an ALLOW with notPaths /admin hold in every mode", () => {
  it("'//admin' — ISTIO-SECURITY-2021-005 / CVE-2021-31920 (multiple slashes)", () => {
    expect(deniedInEveryMode("//admin")).toBe(true);
    expect(deniedInEveryMode("/admin//")).toBe(true);
  });
  it("'%2F' and '%5C' — ISTIO-SECURITY-2021-005 / CVE-2021-31920, Envoy CVE-2021-29492 (escaped slashes)", () => {
    expect(deniedInEveryMode("/public%2F..%2Fadmin")).toBe(true);
    expect(deniedInEveryMode("/public%5C..%5Cadmin")).toBe(true);
    expect(deniedInEveryMode("/admin%2fusers")).toBe(true);
  });
  it("'#fragment' — ISTIO-SECURITY-2021-008 / CVE-2021-39156 (fragment in the path)", () => {
    expect(deniedInEveryMode("/admin#public")).toBe(true);
    expect(deniedInEveryMode("/admin/users#x")).toBe(true);
  });
  it("'/./' and '/../' — Envoy CVE-2019-9901 / ISTIO-SECURITY-2019-001 (dot segments), also encoded", () => {
    expect(deniedInEveryMode("/public/../admin")).toBe(true);
    expect(deniedInEveryMode("/./admin")).toBe(true);
    expect(deniedInEveryMode("/public/%2e%2e/admin")).toBe(true);
    expect(deniedInEveryMode("/public\\..\\admin")).toBe(true);
  });
  it("the query string is not part of the path (an exact /admin still matches /admin?x)", () => {
    expect(deniedInEveryMode("/admin?debug=1")).toBe(true);
    expect(deniedInEveryMode("/admin?/public")).toBe(true);
  });
  it("the explanation says when the stricter path decided", () => {
    const e = explain(ALLOW_NOT_ADMIN, get("//admin"));
    expect(e.includes("is ambiguous")).toBe(true, e);
    expect(e.includes("decision: DENY")).toBe(true, e);
  });
});

describe("host and header bypass regressions", () => {
  const DENY_HOST = '{"policies":[{"name":"h","action":"DENY","rules":[{"to":[{"operation":{"hosts":["admin.example.com"]}}]}]}]}';
  it("Host case — ISTIO-SECURITY-2021-008 / CVE-2021-39155 (GHSA-7774-7vr3-cc8j)", () => {
    expect(decide(DENY_HOST, '{"authority":"Admin.Example.COM"}')).toBe("DENY");
    expect(decide(DENY_HOST, '{"authority":"ADMIN.EXAMPLE.COM:443"}')).toBe("DENY");
    expect(decide(DENY_HOST, '{"authority":"www.example.com"}')).toBe("ALLOW");
  });
  const DENY_ROLE = '{"policies":[{"name":"r","action":"DENY","rules":[{"when":[{"key":"request.headers[x-role]","values":["admin"]}]}]}]}';
  const ALLOW_ROLE = '{"policies":[{"name":"r","rules":[{"when":[{"key":"request.headers[x-role]","values":["user"]}]}]}]}';
  const ALLOW_NOT_ROLE = '{"policies":[{"name":"r","rules":[{"when":[{"key":"request.headers[x-role]","notValues":["admin"]}]}]}]}';
  it("multi-valued headers — Envoy CVE-2020-25017 (only the first value was matched): every copy is seen", () => {
    expect(decide(DENY_ROLE, '{"headers":[["x-role","user"],["x-role","admin"]]}')).toBe("DENY");
    expect(decide(ALLOW_NOT_ROLE, '{"headers":[["x-role","user"],["x-role","admin"]]}')).toBe("DENY");
    // an ALLOW on a value needs the whole (comma-joined) header to match, as Envoy compares it
    expect(decide(ALLOW_ROLE, '{"headers":[["x-role","admin"],["x-role","user"]]}')).toBe("DENY");
    expect(decide(ALLOW_ROLE, '{"headers":[["x-role","user"]]}')).toBe("ALLOW");
  });
});
