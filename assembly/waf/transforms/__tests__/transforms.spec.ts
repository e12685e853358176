// Input → output tables for every transformation (ModSecurity v3 behaviour, its regression
// cases and our edge cases). Strings are latin-1: each char code is one byte.
import { table, tHex, t, lastChanged } from "./util";
import { transformId, transformName, transformCount } from "../registry";

describe("registry", () => {
  it("changed == false means output == input, for every transformation", () => {
    const inputs = ["", "abc", "ABC", "%41", "&lt;", "\\x41", "\\g", "\xc3", "\0a", " a ", "/./a", "0x41", "/*c*/", "a\tb", "\xff\x80"];
    for (let id = 0; id < transformCount(); id++) for (let k = 0; k < inputs.length; k++) {
      const got = t(transformName(id), inputs[k]);
      if (!lastChanged) expect(got).toBe(inputs[k], transformName(id) + " on " + inputs[k]);
    }
  });
  it("looks names up case-insensitively, with the z spellings", () => {
    expect(transformId("urlDecodeUni")).toBeGreaterThanOrEqual(0);
    expect(transformId("URLDECODEUNI")).toBe(transformId("urlDecodeUni"));
    expect(transformId("base64decode")).toBe(transformId("base64Decode"));
    expect(transformId("normalizePath")).toBe(transformId("normalisePath"));
    expect(transformId("normalizePathWin")).toBe(transformId("normalisePathWin"));
    expect(transformId("nope")).toBe(-1);
    expect(transformName(transformId("cmdline"))).toBe("cmdLine");
    expect(transformCount()).toBe(38);
  });
  it("knows every transformation the CRS uses", () => {
    const crs = ["none", "urlDecodeUni", "lowercase", "jsDecode", "htmlEntityDecode", "utf8toUnicode",
      "removeNulls", "cssDecode", "cmdLine", "removeWhitespace", "replaceComments", "normalizePath",
      "escapeSeqDecode", "compressWhitespace", "normalizePathWin", "length", "base64Decode", "sha1",
      "hexEncode", "removeCommentsChar", "base64decode"];
    for (let i = 0; i < crs.length; i++) expect(transformId(crs[i])).toBeGreaterThanOrEqual(0, crs[i]);
  });
});

describe("none / lowercase / uppercase", () => {
  it("none", () => { table("none", [["", "", "0"], ["AbC", "AbC", "0"]]); });
  it("lowercase", () => {
    table("lowercase", [["", "", "0"], ["testcase", "testcase", "0"], ["test\0case", "test\0case", "0"],
      ["TestCase", "testcase", "1"], ["Test\0Case", "test\0case", "1"], ["\xC0B\xFF", "\xC0b\xFF", "1"]]);
  });
  it("uppercase", () => {
    table("uppercase", [["", "", "0"], ["TESTCASE", "TESTCASE", "0"], ["test\0case", "TEST\0CASE", "1"], ["\xe0a", "\xe0A", "1"]]);
  });
});

describe("urlDecode", () => {
  it("table", () => {
    table("urlDecode", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test+Case", "Test Case", "1"],
      ["%41%42", "AB", "1"], ["%c3%A9", "\xc3\xa9", "1"], ["%00", "\0", "1"],
      ["%+", "% ", "1"], ["%%20", "% ", "1"], ["%0g%20", "%0g ", "1"], ["%0%20", "%0 ", "1"], ["%g%20", "%g ", "1"],
      ["%", "%", "0"], ["%4", "%4", "0"], ["%%", "%%", "0"], ["%zz", "%zz", "0"], ["%0g", "%0g", "0"],
      ["%u0041", "%u0041", "0"], ["a%2", "a%2", "0"]]);
  });
});

describe("urlDecodeUni", () => {
  it("table", () => {
    table("urlDecodeUni", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test+Case", "Test Case", "1"],
      ["%41", "A", "1"], ["%u0041", "A", "1"], ["%U0041", "A", "1"], ["%u0041%u00e9%u00e8", "Aee", "1"],
      ["%uff1cscript%u003e", "<script>", "1"], ["%uff01%uff5e", "!~", "1"], ["%uff00", "\0", "1"], ["%uff7f", "\x7f", "1"],
      ["%u1100", "\0", "1"], ["%u1141", "A", "1"], ["%u201cq%u201d", "\"q\"", "1"], ["%u2019s", "'s", "1"], ["%u2014", "-", "1"],
      ["%u", "%u", "0"], ["%u%u0020", "%u ", "1"], ["%u0%u0020", "%u0 ", "1"], ["%u00%u0020", "%u00 ", "1"],
      ["%u000%u0020", "%u000 ", "1"], ["%u000g%u0020", "%u000g ", "1"], ["%u41", "%u41", "0"],
      ["%%u0020", "% ", "1"], ["%0g%u0020", "%0g ", "1"], ["%", "%", "0"], ["%4", "%4", "0"], ["%zz", "%zz", "0"],
      ["var%3d%20@.%3d%20%28%20SELECT", "var= @.= ( SELECT", "1"]]);
  });
});

describe("htmlEntityDecode", () => {
  it("table", () => {
    table("htmlEntityDecode", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test\0Case", "Test\0Case", "0"],
      ["&lt;", "<", "1"], ["&LT;", "<", "1"], ["&gt&quot;&amp;", ">\"&", "1"], ["&nbsp;", "\xa0", "1"],
      ["&ltfoo;x", "<x", "1"], ["&#65;", "A", "1"], ["&#x41;", "A", "1"], ["&#X41", "A", "1"], ["&#65", "A", "1"],
      ["&#x414;", "A4;", "1"], ["&#1234;", "{4;", "1"], ["&#999;", "\xe7", "1"], ["a&#x3c;b&#60c", "a<b<c", "1"],
      ["&#x;", "&#x;", "0"], ["&#;", "&#;", "0"], ["&#", "&#", "0"], ["&#x", "&#x", "0"], ["&", "&", "0"],
      ["&foo;", "&foo;", "0"], ["&;", "&;", "0"], ["&#xzz", "&#xzz", "0"], ["&&lt;", "&<", "1"]]);
  });
});

describe("jsDecode", () => {
  it("table", () => {
    table("jsDecode", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test\0Case", "Test\0Case", "0"],
      ["\\x3cscript\\u003e", "<script>", "1"], ["\\uff1c", "<", "1"], ["\\u1141", "A", "1"],
      ["\\u", "u", "1"], ["\\u\\u0", "uu0", "1"], ["\\u12", "u12", "1"], ["\\", "\\", "0"], ["a\\", "a\\", "0"],
      ["\\\\0", "\\0", "1"], ["\\0", "\0", "1"], ["\\101", "A", "1"], ["\\477", "'7", "1"], ["\\12", "\n", "1"],
      ["\\n\\t\\r\\v\\f\\b\\a", "\n\t\r\x0b\x0c\x08\x07", "1"], ["\\?\\'\\\"", "?'\"", "1"], ["\\x4", "x4", "1"],
      ["\\xzz", "xzz", "1"]]);
  });
});

describe("cssDecode", () => {
  it("table", () => {
    table("cssDecode", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test\0Case", "Test\0Case", "0"],
      ["\\3c script", "<script", "1"], ["test\\", "test", "1"], ["\\1A\\1 A", "\x1a\x01A", "1"],
      ["\\ff01", "!", "1"], ["\\00ff01", "!", "1"], ["\\0ff01", "!", "1"], ["\\1ff01", "\x01", "1"],
      ["\\123456", "V", "1"], ["\\1234567", "V7", "1"], ["\\123456 7", "V7", "1"], ["a\\\nb", "ab", "1"],
      ["\\g", "g", "1"], ["\\e9", "\xe9", "1"], ["\\1x\\1 x", "\x01x\x01x", "1"], ["\\\\", "\\", "1"]]);
  });
});

describe("cmdLine", () => {
  it("table", () => {
    table("cmdLine", [["", "", "0"], ["test", "test", "0"], ["C^OMMAND /C DIR", "command/c dir", "1"],
      ["C^oMMaNd /C DiR", "command/c dir", "1"], ["cmd,/c DiR", "cmd/c dir", "1"], ["\"command\" /c DiR", "command/c dir", "1"],
      ["a ;, b", "a b", "1"], ["echo  (x)", "echo(x)", "1"], ["w'h'o\\am^i", "whoami", "1"], ["a\t\r\nb", "a b", "1"]]);
  });
});

describe("whitespace and NULs", () => {
  it("compressWhitespace", () => {
    table("compressWhitespace", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test Case", "Test Case", "0"],
      ["  Test  \t   Case  ", " Test Case ", "1"], ["a\x0b\x0c\r\nb", "a b", "1"], ["a\xa0b", "a\xa0b", "0"], ["a\0b", "a\0b", "0"]]);
  });
  it("removeWhitespace", () => {
    table("removeWhitespace", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test\0Case", "Test\0Case", "0"],
      ["  Test  \t   Case  ", "TestCase", "1"], ["a\xc2\xa0b", "ab", "1"], ["a\x0b\x0cb", "ab", "1"]]);
  });
  it("removeNulls", () => {
    table("removeNulls", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test\x01Case", "Test\x01Case", "0"],
      ["\0TestCase", "TestCase", "1"], ["Test\0\0Case", "TestCase", "1"], ["\0Test\0Case\0", "TestCase", "1"]]);
  });
  it("replaceNulls", () => {
    table("replaceNulls", [["", "", "0"], ["TestCase", "TestCase", "0"], ["\0TestCase", " TestCase", "1"],
      ["Test\0\0Case", "Test  Case", "1"], ["\0Test\0Case\0", " Test Case ", "1"]]);
  });
  it("trim / trimLeft / trimRight", () => {
    table("trim", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test\0Case", "Test\0Case", "0"], ["    TestCase", "TestCase", "1"],
      ["    Test   Case    ", "Test   Case", "1"], [" \t   Test \0 Case \t  \t   \r\n  ", "Test \0 Case", "1"], ["\x0b\x0c", "", "1"], ["\xa0a", "\xa0a", "0"]]);
    table("trimLeft", [["", "", "0"], ["TestCase    ", "TestCase    ", "0"], ["    TestCase    ", "TestCase    ", "1"],
      [" \t   Test \0 Case \t  \t   \r\n  ", "Test \0 Case \t  \t   \r\n  ", "1"]]);
    table("trimRight", [["", "", "0"], ["    TestCase", "    TestCase", "0"], ["    TestCase    ", "    TestCase", "1"],
      [" \t   Test12 \0 Case \t  \t   \r\n  ", " \t   Test12 \0 Case", "1"]]);
  });
});

describe("comments", () => {
  it("replaceComments", () => {
    table("replaceComments", [["", "", "0"], ["TestCase", "TestCase", "0"], ["/* TestCase */", " ", "1"], ["/*TestCase*/", " ", "1"],
      ["Before/* TestCase */After", "Before After", "1"], ["Before /* TestCase */ After", "Before   After", "1"],
      ["/* Test\r\nCase */", " ", "1"], ["Before/* Test\r\nCase ", "Before ", "1"], ["Before /* Test\nCase ", "Before  ", "1"],
      ["Test\r\nCase */After", "Test\r\nCase */After", "0"], ["/*", " ", "1"], ["/", "/", "0"], ["a/**/b", "a b", "1"]]);
  });
  it("removeComments", () => {
    table("removeComments", [["", "", "0"], ["TestCase", "TestCase", "0"], ["/* TestCase */", "\0", "1"], ["/*TestCase*/", "\0", "1"],
      ["Before/* TestCase */After", "BeforeAfter", "1"], ["Before TestCase */ After", "Before TestCase */ After", "0"],
      ["/*Before/* Test\r\nCase ", " ", "1"], ["Before /* Test\nCase ", "Before  ", "1"],
      ["Before/* T*/ /* e */ /* s */ /* t */\r\nCase ", "Before   \r\nCase ", "1"],
      ["Before /* */ ops */ Test\nCase ", "Before  ops */ Test\nCase ", "1"], ["/*Test\r\nCase */After", "After", "1"],
      ["Test\nCase /**/ After", "Test\nCase  After", "1"], ["Test/*\nCase */ After", "Test After", "1"],
      ["1 OR 1=1-- -", "1 OR 1=1 ", "1"], ["a#b", "a ", "1"], ["<!-- x -->y", "y", "1"], ["a<!--b", "a ", "1"], ["a-b", "a-b", "0"]]);
  });
  it("removeCommentsChar", () => {
    table("removeCommentsChar", [["", "", "0"], ["TestCase", "TestCase", "0"], ["/* TestCase */", " TestCase ", "1"],
      ["/*TestCase*/", "TestCase", "1"], ["Before/* TestCase */After", "Before TestCase After", "1"],
      ["Test\nCase */ After", "Test\nCase  After", "1"], ["a--b", "ab", "1"], ["a-->b", "ab", "1"], ["<!--a", "a", "1"],
      ["#x", "x", "1"], ["a-b", "a-b", "0"]]);
  });
});

describe("paths", () => {
  it("normalisePath", () => {
    table("normalisePath", [["", "", "0"], ["/foo/bar/baz", "/foo/bar/baz", "0"], ["/foo/bar\0/baz", "/foo/bar\0/baz", "0"],
      ["x", "x", "0"], [".", "", "1"], ["./", "", "1"], ["./..", "..", "1"], ["./../", "../", "1"], ["..", "..", "0"],
      ["../", "../", "0"], ["../.", "..", "1"], [".././", "../", "1"], ["../..", "../..", "0"], ["../../", "../../", "0"],
      ["/dir/foo//bar", "/dir/foo/bar", "1"], ["dir/foo//bar/", "dir/foo/bar/", "1"], ["dir/../foo", "foo", "1"],
      ["dir/../../foo", "../foo", "1"], ["dir/./.././../../foo/bar", "../../foo/bar", "1"],
      ["dir/./.././../../foo/bar/.", "../../foo/bar", "1"], ["dir/./.././../../foo/bar/./", "../../foo/bar/", "1"],
      ["dir/./.././../../foo/bar/..", "../../foo", "1"], ["dir/./.././../../foo/bar/../", "../../foo/", "1"],
      ["dir//.//..//.//..//..//foo//bar//", "../../foo/bar/", "1"], ["dir/subdir/subsubdir/subsubsubdir/../../..", "dir", "1"],
      ["dir/./subdir/../subsubdir/../subsubsubdir/..", "dir", "1"], ["/dir/./subdir/../subsubdir/../subsubsubdir/../", "/dir/", "1"],
      ["/./.././../../../../../../../\0/../etc/./passwd", "/etc/passwd", "1"], ["/a/b/../c//./d", "/a/c/d", "1"],
      ["/..", "", "1"], ["/", "/", "0"], ["a\\..\\b", "a\\..\\b", "0"]]);
  });
  it("normalisePathWin", () => {
    table("normalisePathWin", [["", "", "0"], ["\\foo\\bar\\baz", "/foo/bar/baz", "1"], ["\\foo\\bar\0\\baz", "/foo/bar\0/baz", "1"],
      ["x", "x", "0"], [".", "", "1"], [".\\", "", "1"], [".\\..", "..", "1"], ["..", "..", "0"], ["..\\", "../", "1"],
      ["..\\..\\", "../../", "1"], ["\\dir\\foo\\\\bar", "/dir/foo/bar", "1"], ["dir\\..\\..\\foo", "../foo", "1"],
      ["dir\\\\.\\\\..\\\\.\\\\..\\\\..\\\\foo\\\\bar\\\\", "../../foo/bar/", "1"],
      ["\\dir\\.\\subdir\\..\\subsubdir\\..\\subsubsubdir\\..\\", "/dir/", "1"],
      ["\\.\\..\\.\\..\\..\\..\\..\\..\\..\\..\\\\0\\..\\etc\\.\\passwd", "/etc/passwd", "1"], ["c:\\a\\..\\b", "c:/b", "1"]]);
  });
});

describe("base64 / hex", () => {
  it("base64Decode", () => {
    table("base64Decode", [["", "", "0"], ["VGVzdENhc2U=", "TestCase", "1"], ["VGVzdENhc2Ux", "TestCase1", "1"],
      ["VGVzdENhc2UxMg==", "TestCase12", "1"], ["VGVzdABDYXNl", "Test\0Case", "1"], ["VGVzdA", "Test", "1"],
      ["VGVz!dA", "Tes", "1"], ["VGVz\r\ndA==", "Test", "1"], ["V", "", "1"], ["=VGVz", "", "1"], ["VGVz dA", "Tes", "1"]]);
  });
  it("base64DecodeExt", () => {
    table("base64DecodeExt", [["", "", "0"], ["VGVzdENhc2U=", "TestCase", "1"], ["VGVzdENhc2UxMg==", "TestCase12", "1"],
      ["P.HNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "<script>alert(1)</script>", "1"], ["VGVz dA", "Test", "1"],
      ["VG%Vz\x80dA", "Test", "1"], ["V=GVz", "", "1"], ["VGVzdA==", "Test", "1"]]);
  });
  it("base64Encode", () => {
    table("base64Encode", [["", "", "0"], ["TestCase", "VGVzdENhc2U=", "1"], ["TestCase1", "VGVzdENhc2Ux", "1"],
      ["TestCase12", "VGVzdENhc2UxMg==", "1"], ["Test\0Case", "VGVzdABDYXNl", "1"], ["\xff\xfe", "//4=", "1"]]);
  });
  it("hexDecode / hexEncode", () => {
    table("hexDecode", [["", "", "0"], ["5465737443617365", "TestCase", "1"], ["546573740043617365", "Test\0Case", "1"], ["414", "A", "1"], ["4a4A", "JJ", "1"]]);
    table("hexEncode", [["", "", "0"], ["TestCase", "5465737443617365", "1"], ["Test\0Case", "546573740043617365", "1"], ["\xff\x00", "ff00", "1"]]);
  });
  it("sqlHexDecode", () => {
    table("sqlHexDecode", [["", "", "0"], ["0x414243", "ABC", "1"], ["SELECT 0x6164", "SELECT ad", "1"], ["0X41", "A", "1"],
      ["0x4", "0x4", "0"], ["0x41424", "AB4", "1"], ["0x", "0x", "0"], ["0xzz", "0xzz", "0"], ["x0x41", "xA", "1"]]);
  });
});

describe("escapes", () => {
  it("escapeSeqDecode", () => {
    table("escapeSeqDecode", [["", "", "0"], ["TestCase", "TestCase", "0"], ["\\a\\b\\f\\n\\r\\t\\v\\?\\'\\\"\\\\", "\x07\x08\x0c\n\r\t\x0b?'\"\\", "1"],
      ["\\0", "\0", "1"], ["\\01", "\x01", "1"], ["\\012", "\n", "1"], ["\\0123", "\n3", "1"], ["\\666", "\xb6", "1"],
      ["\\8\\9", "89", "1"], ["\\xag\\xga", "xagxga", "1"], ["\\x41", "A", "1"], ["\\X41", "A", "1"], ["\\x4", "x4", "1"],
      ["\\", "\\", "0"], ["a\\", "a\\", "0"]]);
  });
  it("utf8toUnicode", () => {
    table("utf8toUnicode", [["", "", "0"], ["abc", "abc", "0"], ["\xc3\xa9", "%u00e9", "1"], ["\xd0\x80 \xd0\x81", "%u0400 %u0401", "1"],
      ["\xe2\x82\xac", "%u20ac", "1"], ["\xf0\x90\x90\x80", "%u10400", "1"], ["\xc3", "", "1"], ["\xc3A", "A", "1"],
      ["\xe2\x82", "\x82", "1"], ["\x80", "\x80", "0"], ["\xf8\xff", "\xf8\xff", "0"], ["\xc0\x80", "%u0000\xc0", "1"],
      ["\xe0\x80\xaf", "%u002f\xe0", "1"], ["\xed\xa0\x80", "%ud800\xed", "1"], ["\0a", "a", "1"], ["a\0", "a\0", "0"],
      ["\xf5\x80\x80\x80", "\xf5%u140000", "1"]]);
  });
});

describe("length / digests / urlEncode / parity", () => {
  it("length", () => { table("length", [["", "0", "1"], ["0123456789abcdef", "16", "1"], ["0123456789\tabcdef", "17", "1"], ["Test\0Case", "9", "1"]]); });
  it("md5", () => {
    expect(tHex("md5", "")).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(tHex("md5", "abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(tHex("md5", "The quick brown fox jumps over the lazy dog")).toBe("9e107d9d372bb6826bd81d3542a419d6");
    expect(tHex("md5", "12345678901234567890123456789012345678901234567890123456789012345678901234567890")).toBe("57edf4a22be3c955ac49da2e2107b67a");
  });
  it("sha1", () => {
    expect(tHex("sha1", "")).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    expect(tHex("sha1", "abc")).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(tHex("sha1", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    expect(t("hexEncode", t("sha1", "abc"))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
  });
  it("urlEncode", () => {
    table("urlEncode", [["", "", "0"], ["TestCase", "TestCase", "0"], ["Test Case", "Test+Case", "1"], ["% ", "%25+", "1"],
      ["a*b", "a*b", "0"], ["\xff", "%ff", "1"], ["-._~", "%2d%2e%5f%7e", "1"], ["%0g", "%250g", "1"]]);
  });
  it("parity", () => {
    table("parityEven7bit", [["", "", "0"], ["a", "\xe1", "1"], ["c", "c", "1"], ["\xe1", "a", "1"]]);
    table("parityOdd7bit", [["", "", "0"], ["c", "\xe3", "1"], ["a", "a", "1"]]);
    table("parityZero7bit", [["", "", "0"], ["\xc1\x80\x8f\xff", "A\0\x0f\x7f", "1"], ["abc", "abc", "1"]]);
  });
});

describe("Bulwark extensions", () => {
  it("normalizeUnicode", () => {
    table("normalizeUnicode", [["", "", "0"], ["abc", "abc", "0"],
      ["\xc0\xae\xc0\xae/etc/passwd", "../etc/passwd", "1"], ["\xe0\x80\xae\xe0\x80\xae\xc0\xaf", "../", "1"],
      ["\xf0\x80\x80\xae", ".", "1"], ["\xc1\x9c", "\\", "1"],
      ["\xef\xbd\x93\xef\xbd\x85\xef\xbd\x8c", "sel", "1"], ["\xef\xbc\x9cscript\xef\xbc\x9e", "<script>", "1"],
      ["a\xe3\x80\x80b", "a b", "1"], ["..\xe2\x88\x95x", "../x", "1"], ["..\xef\xb9\xa8x", "..\\x", "1"],
      ["caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac", "0"],
      ["\xc0", "\xc0", "0"], ["\xe0\x80", "\xe0\x80", "0"], ["\xc0A", "\xc0A", "0"], ["\xff\xfe", "\xff\xfe", "0"]]);
  });
  it("base64Text", () => {
    table("base64Text", [["", "", "0"], ["hello world", "hello world", "0"], ["abc", "abc", "0"],
      ["PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "<script>alert(1)</script>", "1"], ["c2Vzc2lvbg", "session", "1"],
      ["JyBPUiAxPTEgLS0=", "' OR 1=1 --", "1"], ["Y2Fmw6k=", "Y2Fmw6k=", "0"],
      ["Y2Fmw6kgYmFy", "caf\xc3\xa9 bar", "1"], ["AAECAwQFBgc=", "AAECAwQFBgc=", "0"], ["//79/Pv6+fg=", "//79/Pv6+fg=", "0"],
      ["Pz8_Pz8_Pz8-", "????????>", "1"], ["Pz8-Pz8-Pz9-", "??>??>??~", "1"], ["c2Vzc2lvbg===", "c2Vzc2lvbg===", "0"], ["c2Vzc2lvb", "c2Vzc2lvb", "0"],
      ["12345678", "12345678", "0"], ["Password", "Password", "0"]]);
  });
});
