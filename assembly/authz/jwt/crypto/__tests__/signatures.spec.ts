// Known-answer tests for the signature verifiers: RFC 8032 Ed25519 tests 1-3, and RSA / ECDSA
// signatures generated once with Node crypto (keys and signatures embedded below).
import { rsaPkcs1, rsaPss, ecdsa, ed25519, HashAlg, Curve } from "../index";
import { fromHex, ascii } from "./util";

const MSG = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ";
const N = "be2bdbf791e7503b976d99e48e005e406584c38ae54d00644cd8e5df45d615f50df0a9a3dc78eabb841bb9662413d81979f6232ec865fa8d8b336d20c2a92419831f9c00268b2e7c68f17034989969ac1e989604621c54eabf1b47468db85e870978b74fde9879c481775a5baa80f4c27d8107c19dd856c93f065bd4b6d36050702e0bedb9b65d8d6de2d9f55b20a602c10d8ae820f652a73a65452e5c2f8638960adacc96c26fccc7c72d9202be4363a19a9dedd36635e9d1e7d893925fdc08ebd83125018d9b45fd0533c54bb050fc23b2239280de108374ab0a4db50ea0ff5206b48b2a3677913dedc592c73ed917dae694495439e9b20abd538abb3dd66f";
const E = "010001";
const RS256 = "b3171488fe84641fc9f5bd2c37f339eec848f9729026e2e562bf0545dd9138d561cf4d694df4c784cc396b484f633fe9126cced8c792b6f9c0b2792d2bcc1dbf12de19d88d920f1df5db6ae67be45f72bca3075c97e097c1177a92bc7ac93c7220ccbd69fb23767f7520f2a7606d73b190b85f0deb1742a318731fcc3b79a8863f09780d73ecc921da64869472d935ab0712db43846f53ca0e75015d04cfcbd4183ad879362069ccaed99953730ca920fb977843b77ee3ee7253dd40693166de59c6271ffa28759ce2fd0413ad5bf67731053c424012821fa9358b260a88da749e48ccf4d63b4f5d92bbd115d9676bdd79bb95e6e8aaf11e533c1aafc0eb8f34";
const PS256 = "5e3969adfadb4c9419addf20f6d7c7f9e5a10fd6adfdd21fb34eb0f052a3ccaa46785f7b64617315ae7f8573b8752daa29b9fffe61c98e9cde2a1e7207b055e3714c312c131622e7fb0c0f7b3d25ece954e71784cab6c9a28395c736224f2496a5733c0b9e145f342f179cc3c34374b0076ae075782a95803e0f4a76e470c7cb5c66a41fba13560928453a854476eacd9e510ae703aedf6abe6356de8fe141ae1424c54ab7947b502c6b4fab5ba24181f6132a8bf9d8b0eb3264f92dc2da84fc647e59f2e963668bf1e386ade0099664d3370d81df0a8ae6a627f9258f0b0db54fe656ff6d78074b569f67d36e160b3af0a04e44d04285129ffdb6337b1116b7";
const RS512 = "5f6cce3b285daa6a878c7ca3f0130d5c30a66176324f53a13ce5772036057003c4c53b33e506d25eab6f6f20c4c127b10432ae562ebe96e31d145a6eccce703562183a09174f413be78f90a1258ad15c739e91d88d47e4822e03606018e925f962601b1d1e3e6f186d1b3c9e9317ad7d5abc3a2a7a8716bf32bbc1bcea1c0df3dc2ba7eade1ac63d810abb2d7cc96bfa09f5f2008bafea4008229aeb1718660144c4f5340027439355c65045f7d971770993670222e41d5fd186969ed73394edb553e7ba1d9524d2b8aad58414c08bfd6b623ac9a2df3dd4c2f92ec96a3137901e363937546005d0aac1a144171d1d4b06341c8660cd8ac11d872eae9caa88d7";
const P256X = "ea5f9baa4146e3ffe1305187b5f18f3052a4097360ce20fef306a17160cf7463";
const P256Y = "38d84ba6aae11e690a851d6965d8ff9745484204d6d49803c68f3c0cebb6b543";
const P256S = "e0ba16c3e54e726cab44de8364ae6868028a6b721abc2a58ce8e59b3ea3cfd0f681d9d99b337cf2d7cf872e11c5b6d69f4d509ffffcc9a75fa6f662c69b98487";
const P384X = "ac2c2b15f9b3eaba4e0d4c52dd047c33017e315e8f122325073058b1f94aa00d01ac5c983f81c10d9dc9cc5648651344";
const P384Y = "5ae455ed1d325b0d6469b30488366a447af8b254b77dc6e946bea9e389c7282031a3351edfa5fb8f39e5a838f16fb1ce";
const P384S = "7f3046143b77b116d0227ee57bec106a1b9e6b55969aa4789b74f28c387b5f474d2e4e0f30f5473aec9af64161ac4e6563292b62d8d79412755553bcdafbca1f92d8307fcef8a1239d0214c69514196e4c6daa9d471c48bfcb9ac1de8d13d346";

function flip(a: Uint8Array, i: i32): Uint8Array { const b = a.slice(); b[i] ^= 1; return b; }

describe("RSA (Node-generated 2048-bit key)", () => {
  it("RS256 verifies; tampered message / signature / wrong hash fail", () => {
    const n = fromHex(N), e = fromHex(E), m = ascii(MSG), s = fromHex(RS256);
    expect(rsaPkcs1(HashAlg.SHA256, n, e, m, s)).toBe(true);
    expect(rsaPkcs1(HashAlg.SHA256, n, e, flip(m, 3), s)).toBe(false);
    expect(rsaPkcs1(HashAlg.SHA256, n, e, m, flip(s, 100))).toBe(false);
    expect(rsaPkcs1(HashAlg.SHA384, n, e, m, s)).toBe(false);
    expect(rsaPkcs1(HashAlg.SHA256, n, e, m, s.subarray(1))).toBe(false);
  });
  it("RS512 and PS256 verify; PSS signature is not a PKCS#1 one", () => {
    const n = fromHex(N), e = fromHex(E), m = ascii(MSG);
    expect(rsaPkcs1(HashAlg.SHA512, n, e, m, fromHex(RS512))).toBe(true);
    expect(rsaPss(HashAlg.SHA256, n, e, m, fromHex(PS256))).toBe(true);
    expect(rsaPss(HashAlg.SHA256, n, e, flip(m, 0), fromHex(PS256))).toBe(false);
    expect(rsaPkcs1(HashAlg.SHA256, n, e, m, fromHex(PS256))).toBe(false);
    expect(rsaPss(HashAlg.SHA256, n, e, m, fromHex(RS256))).toBe(false);
  });
});

describe("ECDSA P1363 (Node-generated keys)", () => {
  it("ES256", () => {
    const x = fromHex(P256X), y = fromHex(P256Y), m = ascii(MSG), s = fromHex(P256S);
    expect(ecdsa(Curve.P256, x, y, m, s, HashAlg.SHA256)).toBe(true);
    expect(ecdsa(Curve.P256, x, y, flip(m, 5), s, HashAlg.SHA256)).toBe(false);
    expect(ecdsa(Curve.P256, x, y, m, flip(s, 40), HashAlg.SHA256)).toBe(false);
    expect(ecdsa(Curve.P256, x, flip(y, 31), m, s, HashAlg.SHA256)).toBe(false);  // off the curve
    expect(ecdsa(Curve.P256, x, y, m, s.subarray(0, 63), HashAlg.SHA256)).toBe(false);
  });
  it("ES384", () => {
    const x = fromHex(P384X), y = fromHex(P384Y), m = ascii(MSG), s = fromHex(P384S);
    expect(ecdsa(Curve.P384, x, y, m, s, HashAlg.SHA384)).toBe(true);
    expect(ecdsa(Curve.P384, x, y, m, flip(s, 10), HashAlg.SHA384)).toBe(false);
    expect(ecdsa(Curve.P256, x, y, m, s, HashAlg.SHA384)).toBe(false);
  });
});

describe("Ed25519 (RFC 8032 section 7.1)", () => {
  it("tests 1-3 verify", () => {
    expect(ed25519(fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), new Uint8Array(0),
      fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"))).toBe(true);
    expect(ed25519(fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"), fromHex("72"),
      fromHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"))).toBe(true);
    expect(ed25519(fromHex("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025"), fromHex("af82"),
      fromHex("6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"))).toBe(true);
  });
  it("rejects a changed message, a changed R or S, and S + L", () => {
    const pk = fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    const sig = fromHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    expect(ed25519(pk, fromHex("73"), sig)).toBe(false);
    expect(ed25519(pk, fromHex("72"), flip(sig, 1))).toBe(false);
    expect(ed25519(pk, fromHex("72"), flip(sig, 40))).toBe(false);
    // S + L (little-endian add): same point, non-canonical scalar
    const L = fromHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    const big = sig.slice();
    let c: u32 = 0;
    for (let i = 0; i < 32; i++) { const v = <u32>big[32 + i] + <u32>L[i] + c; big[32 + i] = <u8>v; c = v >> 8; }
    expect(ed25519(pk, fromHex("72"), big)).toBe(false);
    expect(ed25519(pk.subarray(1), fromHex("72"), sig)).toBe(false);
  });
});
