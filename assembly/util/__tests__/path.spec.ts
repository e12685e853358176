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
