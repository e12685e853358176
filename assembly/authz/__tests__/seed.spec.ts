// The seed's example (examples/authz/backend-database.json): "the Backend may call the Database
// only with a valid user credential carrying the READ claim" — workload identity (mTLS SPIFFE
// principal) AND end-user identity (requestPrincipals) AND the claim, in one rule.
import { decide } from "./helpers";

// the `authz` section of examples/authz/backend-database.json (test/authz/example.test.ts checks
// the file itself through the host)
const SEED = '{"pathNormalization":"MERGE_SLASHES","policies":[{"name":"database-backend-read","action":"ALLOW","rules":[{' +
  '"from":[{"source":{"principals":["cluster.local/ns/shop/sa/backend"],"requestPrincipals":["https://idp.example.com/*"]}}],' +
  '"to":[{"operation":{"methods":["GET","POST"],"paths":["/query","/query/{**}"]}}],' +
  '"when":[{"key":"request.auth.claims[permissions]","values":["READ"]}]}]}]}';

function req(san: string, auth: string): string {
  let props = '"source.address":"10.4.0.7:40000"';
  if (san.length) props += ',"connection.mtls":true,"connection.uri_san_peer_certificate":"' + san + '"';
  return '{"method":"GET","path":"/query/orders","properties":{' + props + '}' + (auth.length ? ',"auth":' + auth : "") + '}';
}
const BACKEND = "spiffe://cluster.local/ns/shop/sa/backend";
const FRONTEND = "spiffe://cluster.local/ns/shop/sa/frontend";
const READER = '{"principal":"https://idp.example.com/alice","claims":{"permissions":["READ","LIST"]}}';
const WRITER = '{"principal":"https://idp.example.com/bob","claims":{"permissions":["WRITE"]}}';
const OTHER_IDP = '{"principal":"https://evil.example/alice","claims":{"permissions":["READ"]}}';

describe("seed: Backend → Database only with a user credential carrying READ", () => {
  it("allows the Backend workload with a READ user", () => { expect(decide(SEED, req(BACKEND, READER))).toBe("ALLOW"); });
  it("denies the Backend without a user credential", () => { expect(decide(SEED, req(BACKEND, ""))).toBe("DENY"); });
  it("denies the Backend with a user lacking READ", () => { expect(decide(SEED, req(BACKEND, WRITER))).toBe("DENY"); });
  it("denies a READ user from another issuer", () => { expect(decide(SEED, req(BACKEND, OTHER_IDP))).toBe("DENY"); });
  it("denies another workload even with a READ user", () => { expect(decide(SEED, req(FRONTEND, READER))).toBe("DENY"); });
  it("denies a READ user without mTLS (no workload identity)", () => { expect(decide(SEED, req("", READER))).toBe("DENY"); });
});
