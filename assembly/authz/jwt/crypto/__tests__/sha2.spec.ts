import { sha256, SHA256 } from "../sha256";
import { sha384, sha512 } from "../sha512";
import { hmac, verifyHmac } from "../hmac";
import { HashAlg } from "../hash";
import { fromHex, toHex, ascii } from "./util";

const OUT = new Uint8Array(64);
function h256(s: string): string { const m = ascii(s); sha256(m.dataStart, m.length, OUT.dataStart); return toHex(OUT.dataStart, 32); }
function h384(s: string): string { const m = ascii(s); sha384(m.dataStart, m.length, OUT.dataStart); return toHex(OUT.dataStart, 48); }
function h512(s: string): string { const m = ascii(s); sha512(m.dataStart, m.length, OUT.dataStart); return toHex(OUT.dataStart, 64); }
const M2 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const M4 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

describe("SHA-2 (FIPS 180 examples)", () => {
  it("SHA-256", () => {
    expect(h256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(h256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(h256(M2)).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(h256(M4)).toBe("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  });
  it("SHA-384", () => {
    expect(h384("")).toBe("38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b");
    expect(h384("abc")).toBe("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
    expect(h384(M4)).toBe("09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039");
  });
  it("SHA-512", () => {
    expect(h512("")).toBe("cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
    expect(h512("abc")).toBe("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    expect(h512(M2)).toBe("204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445");
    expect(h512(M4)).toBe("8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
  });
  it("streams in odd-sized pieces (one million 'a')", () => {
    const chunk = new Uint8Array(997);
    chunk.fill(0x61);
    SHA256.reset();
    let left = 1000000;
    while (left > 0) { const n = min(left, 997); SHA256.update(chunk.dataStart, n); left -= n; }
    SHA256.final(OUT.dataStart);
    expect(toHex(OUT.dataStart, 32)).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });
});

function mac(alg: i32, key: Uint8Array, msg: Uint8Array, len: i32): string {
  hmac(alg, key.dataStart, key.length, msg.dataStart, msg.length, OUT.dataStart);
  return toHex(OUT.dataStart, len);
}

describe("HMAC (RFC 4231)", () => {
  it("test case 1", () => {
    const k = fromHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    const m = ascii("Hi There");
    expect(mac(HashAlg.SHA256, k, m, 32)).toBe("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    expect(mac(HashAlg.SHA384, k, m, 48)).toBe("afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6");
    expect(mac(HashAlg.SHA512, k, m, 64)).toBe("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
  });
  it("test case 2 (short key)", () => {
    const k = ascii("Jefe");
    const m = ascii("what do ya want for nothing?");
    expect(mac(HashAlg.SHA256, k, m, 32)).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    expect(mac(HashAlg.SHA512, k, m, 64)).toBe("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
  });
  it("test case 6 (key longer than a block)", () => {
    const k = new Uint8Array(131); k.fill(0xaa);
    const m = ascii("Test Using Larger Than Block-Size Key - Hash Key First");
    expect(mac(HashAlg.SHA256, k, m, 32)).toBe("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    expect(mac(HashAlg.SHA384, k, m, 48)).toBe("4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952");
  });
  it("verifyHmac accepts the right MAC and rejects a flipped or truncated one", () => {
    const k = ascii("Jefe");
    const m = ascii("what do ya want for nothing?");
    const good = fromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    expect(verifyHmac(HashAlg.SHA256, k.dataStart, k.length, m.dataStart, m.length, good.dataStart, 32)).toBe(true);
    expect(verifyHmac(HashAlg.SHA256, k.dataStart, k.length, m.dataStart, m.length, good.dataStart, 31)).toBe(false);
    good[5] ^= 1;
    expect(verifyHmac(HashAlg.SHA256, k.dataStart, k.length, m.dataStart, m.length, good.dataStart, 32)).toBe(false);
  });
});
