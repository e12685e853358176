import { decodeB64url, decodeB64urlString, encodeB64url } from "../jose/base64url";
import { parseJwks } from "../jose/jwk";
import { Jws, JwsError } from "../jose/jws";
import { Errors } from "../../../config/reader";

function dec(s: string): string {
  const b = decodeB64urlString(s);
  return b == null ? "(refused)" : String.UTF8.decode(b.buffer);
}
function verify(jwks: string, tok: string, hmac: bool = true): i32 {
  const errs = new Errors();
  const keys = parseJwks(jwks, "jwks", errs, hmac);
  if (!errs.ok) return -1;
  const t = String.UTF8.encode(tok);
  const j = new Jws();
  const r = j.parse(changetype<usize>(t), t.byteLength);
  return r != JwsError.Ok ? r : j.verify(keys);
}
function keyErrors(jwks: string, hmac: bool = false): string {
  const errs = new Errors();
  parseJwks(jwks, "jwks", errs, hmac);
  return errs.list.join("|");
}

// our own HS256 token: key = 32 bytes of 0x07, header {"alg":"HS256","kid":"k1"}, payload {"iss":"me","sub":"x"}
const K = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"k1\",\"k\":\"BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc\"}]}";
const TOK = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJtZSIsInN1YiI6IngifQ.Zjrz4ZXxegoa0IwPL8gJaG_2yAp16Ou2EC0sXOEV-i4";

describe("strict base64url", () => {
  it("decodes canonical input", () => {
    expect(dec("")).toBe("");
    expect(dec("Zg")).toBe("f");
    expect(dec("Zm8")).toBe("fo");
    expect(dec("Zm9v")).toBe("foo");
    expect(dec("Pz8_")).toBe("???");
    expect(dec("-_-_")).not.toBe("(refused)");
  });
  it("refuses padding, the standard alphabet, whitespace, length 1 mod 4, non-zero unused bits", () => {
    expect(dec("Zg==")).toBe("(refused)");
    expect(dec("Pz8/")).toBe("(refused)");
    expect(dec("Pz8+")).toBe("(refused)");
    expect(dec("Zm9v ")).toBe("(refused)");
    expect(dec("Zm9vY")).toBe("(refused)");
    expect(dec("Zh")).toBe("(refused)");   // 'h' leaves unused bits set
    expect(dec("Zm9")).toBe("(refused)");
  });
  it("round-trips through the encoder", () => {
    const b = String.UTF8.encode("any carnal pleas");
    expect(encodeB64url(changetype<usize>(b), b.byteLength)).toBe("YW55IGNhcm5hbCBwbGVhcw");
  });
});

describe("JWS compact", () => {
  it("verifies our HS256 token and refuses every alteration", () => {
    expect(verify(K, TOK)).toBe(JwsError.Ok);
    expect(verify(K, TOK + ".")).toBe(JwsError.Malformed);
    expect(verify(K, TOK.substring(0, TOK.lastIndexOf(".") + 1))).toBe(JwsError.Malformed);
    expect(verify(K, TOK.replace("eyJpc3MiOiJtZSIs", "eyJpc3MiOiJtZSAs"))).toBe(JwsError.BadSignature);
    expect(verify(K, TOK.replace("-i4", "-i5"))).toBe(JwsError.BadBase64);   // unused bits
    expect(verify(K, TOK.replace("-i4", "-i8"))).toBe(JwsError.BadSignature);
    expect(verify(K, "e30." + TOK.substring(TOK.indexOf(".") + 1))).toBe(JwsError.BadHeader); // {} has no alg
  });
  it("refuses alg none and unknown names, kid mismatch, HMAC keys when not allowed", () => {
    // {"alg":"none"}.{}.sig
    expect(verify(K, "eyJhbGciOiJub25lIn0.e30.AAAA")).toBe(JwsError.UnsupportedAlg);
    // {"alg":"HS256","kid":"k2"}
    expect(verify(K, "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsyIn0" + TOK.substring(TOK.indexOf(".")))).toBe(JwsError.NoKey);
    expect(verify(K, TOK, false)).toBe(-1);
  });
  it("refuses HS256 against an EC key (algorithm confusion)", () => {
    const ec = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\",\"x\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"y\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}";
    expect(verify(ec, TOK)).toBe(JwsError.NoKey);
  });
});

describe("JWK faults", () => {
  it("names the key and the member", () => {
    expect(keyErrors("{\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}").includes("keys[0].n: RSA modulus of 17 bits")).toBe(true, "keys[0].n: RSA modulus of 17 bits");
    expect(keyErrors("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AQAB\",\"y\":\"AQAB\"}]}").includes("keys[0].x: 3 bytes, the curve needs 32")).toBe(true, "keys[0].x: 3 bytes, the curve needs 32");
    expect(keyErrors("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\"AQAB\",\"y\":\"AQAB\"}]}").includes("unsupported curve")).toBe(true, "unsupported curve");
    expect(keyErrors(K).includes("keys[0].kty: 'oct' (HMAC) keys need \"allowHmac\": true")).toBe(true, "keys[0].kty: 'oct' (HMAC) keys need \"allowHmac\": true");
    expect(keyErrors("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\"}]}", true).includes("keys[0].k: HMAC secret of 3 bytes")).toBe(true, "keys[0].k: HMAC secret of 3 bytes");
    expect(keyErrors("{\"keys\":[]}").includes("the key set is empty")).toBe(true, "the key set is empty");
    expect(keyErrors("[1]").includes("expected a JWKS object")).toBe(true, "expected a JWKS object");
    expect(keyErrors("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAAA\",\"alg\":\"ES256\"}]}").includes("is not EdDSA")).toBe(true, "is not EdDSA");
  });
});
