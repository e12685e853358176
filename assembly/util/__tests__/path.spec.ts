import { normalizePathForMatch } from "../path";
import { jsonString } from "../bytes";

function norm(s: string): string {
  const b = String.UTF8.encode(s);
  return String.UTF8.decode(normalizePathForMatch(changetype<usize>(b), b.byteLength));
}

const cases: Array<string> = [
  // input, expected
  "/a/b", "/a/b",
  "", "/",
  "/", "/",
  "//.git/config", "/.git/config",
  "/a/./b/../.git", "/a/.git",
  "/%2e%2e/%2Egit", "/.git",
  "/%2egit/HEAD", "/.git/HEAD",
  "/x/..%2f.git", "/.git",
  "/x\\..\\.env", "/.env",
  "/a/b/?q=/.git", "/a/b/",
  "/.git#frag", "/.git",
  "/../../..", "/",
  "/a/b/..", "/a/",
  "/a//b///c/", "/a/b/c/",
  "/%zz/%4", "/%zz/%4",
  "relative/x", "/relative/x",
  // paths that normalise to themselves (the quick case: nothing to decode, map or resolve)
  "/api/items?page=2", "/api/items",
  "/a/b/", "/a/b/",
  "/a./b.c/d..", "/a./b.c/d..",
  "/x#y", "/x",
];

describe("normalizePathForMatch", () => {
  it("decodes, merges slashes, resolves dot segments, cuts query and fragment", () => {
    for (let i = 0; i < cases.length; i += 2) {
      expect(norm(cases[i])).toBe(cases[i + 1], "input: " + cases[i]);
    }
  });
});

describe("byte helpers", () => {
  it("jsonString escapes quotes, backslashes and controls", () => {
    expect(jsonString("a\"b\\c\n\u0001")).toBe("\"a\\\"b\\\\c\\n\\u0001\"");
  });
});

// The two-buffer form the in-place pass replaced (kept here as the reference).
function refHex(c: u32): i32 {
  if (c - 0x30 < 10) return <i32>(c - 0x30);
  const l = c | 0x20;
  if (l - 0x61 < 6) return <i32>(l - 0x57);
  return -1;
}
function reference(s: string): string {
  const b = String.UTF8.encode(s);
  const p = changetype<usize>(b), n = b.byteLength;
  const tmp = new Uint8Array(n + 1);
  let m = 0;
  tmp[m++] = 0x2f;
  let i = 0;
  while (i < n) {
    let c = <u32>load<u8>(p + i);
    if (c == 0x3f || c == 0x23) break;
    if (c == 0x25 && i + 2 < n) {
      const h = refHex(load<u8>(p + i + 1)), l = refHex(load<u8>(p + i + 2));
      if (h >= 0 && l >= 0) { c = <u32>((h << 4) | l); i += 2; }
    }
    if (c == 0x5c) c = 0x2f;
    tmp[m++] = <u8>c;
    i++;
  }
  const out = new Uint8Array(m + 1);
  let o = 0, st = 0;
  let trailing = false;
  while (st < m) {
    let e = st + 1;
    while (e < m && tmp[e] != 0x2f) e++;
    const len = e - st - 1;
    const last = e == m;
    if (len == 0 || (len == 1 && tmp[st + 1] == 0x2e)) trailing = last;
    else if (len == 2 && tmp[st + 1] == 0x2e && tmp[st + 2] == 0x2e) {
      while (o > 0 && out[o - 1] != 0x2f) o--;
      if (o > 0) o--;
      trailing = last;
    } else {
      out[o++] = 0x2f;
      for (let k = st + 1; k < e; k++) out[o++] = tmp[k];
      trailing = false;
    }
    st = e;
  }
  if (trailing || o == 0) out[o++] = 0x2f;
  return String.UTF8.decode(out.buffer.slice(0, o));
}

describe("normalizePathForMatch in place", () => {
  it("agrees with the two-buffer reference on random paths (plain ones take the quick case)", () => {
    const alpha = ["/", "/", ".", "..", "a", "b", "%2e", "%2f", "%5c", "\\", "?", "#", "%", "%4", "x/", "//"];
    let seed: u32 = 7;
    for (let k = 0; k < 5000; k++) {
      let s = "";
      seed ^= seed << 13; seed ^= seed >> 17; seed ^= seed << 5;
      const parts = <i32>(seed % 12);
      for (let j = 0; j < parts; j++) { seed ^= seed << 13; seed ^= seed >> 17; seed ^= seed << 5; s += alpha[<i32>(seed % <u32>alpha.length)]; }
      expect(norm(s)).toBe(reference(s), s);
    }
  });
});
