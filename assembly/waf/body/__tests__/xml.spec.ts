import { body, flag, err, repeat } from "./util";

const LAUGHS = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n" +
  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n<lolz>&lol3;</lolz>";

describe("XML", () => {
  it("emits text segments and attributes with paths", () => {
    expect(body(3, "<a x=\"1\" y='&lt;2'><b>hi &amp; bye</b><![CDATA[<c>]]><d/></a>")).toBe(
      "@\t/a/@x\t1\n@\t/a/@y\t<2\nT\t/a/b\thi & bye\nT\t/a\t<c>\n");
    expect(body(3, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c --><r>\n <v>&#65;&#x42;&#x20AC;&quot;&apos;</v>\n</r>\n")).toBe(
      "T\t/r\t\\n \nT\t/r/v\tAB€\"'\nT\t/r\t\\n\n");
    expect(body(3, "\xef\xbb\xbf<r/>")).toBe("");
    expect(body(3, "<ns:r xmlns:ns=\"u\"><ns:v>1</ns:v></ns:r>")).toBe("@\t/ns:r/@xmlns:ns\tu\nT\t/ns:r/ns:v\t1\n");
  });
  it("rejects malformed documents", () => {
    expect(err(body(3, ""))).toBe("XML: no root element");
    expect(err(body(3, "<a>"))).toBe("XML: unclosed tag <a> at end of input");
    expect(err(body(3, "<a><b></a>"))).toBe("XML: mismatched end tag at offset 6");
    expect(err(body(3, "<a></a><b/>"))).toBe("XML: more than one root element at offset 7");
    expect(err(body(3, "text<a/>"))).toBe("XML: content outside the root element at offset 0");
    expect(err(body(3, "<a/>x"))).toBe("XML: content outside the root element at offset 4");
    expect(err(body(3, "</a>"))).toBe("XML: end tag without start tag at offset 0");
    expect(err(body(3, "<a x=1/>"))).toBe("XML: unquoted attribute value at offset 5");
    expect(err(body(3, "<a x/>"))).toBe("XML: attribute without value at offset 4");
    expect(err(body(3, "<a x=\"1\"y=\"2\"/>"))).toBe("XML: missing whitespace before attribute at offset 8");
    expect(err(body(3, "<a x=\"<\"/>"))).toBe("XML: '<' in attribute value at offset 6");
    expect(err(body(3, "<a x=\"1"))).toBe("XML: unterminated attribute value at end of input");
    expect(err(body(3, "<a>&foo;</a>"))).toBe("XML: undefined entity reference at offset 3");
    expect(err(body(3, "<a>&amp</a>"))).toBe("XML: unterminated entity reference at offset 3");
    expect(err(body(3, "<a>&#xZZ;</a>"))).toBe("XML: bad character reference at offset 3");
    expect(err(body(3, "<a>&#1114112;</a>"))).toBe("XML: character reference out of range at offset 3");
    expect(err(body(3, "<a>&#0;</a>"))).toBe("XML: invalid character reference at offset 3");
    expect(err(body(3, "<a><!-- x </a>"))).toBe("XML: unterminated comment at offset 3");
    expect(err(body(3, "<a><![CDATA[x</a>"))).toBe("XML: unterminated CDATA section at offset 3");
    expect(err(body(3, "<a>]]></a>"))).toBe("XML: ']]>' in text at offset 5");
    expect(err(body(3, "<a><?pi </a>"))).toBe("XML: unterminated processing instruction at offset 3");
    expect(err(body(3, "<a><!x></a>"))).toBe("XML: unexpected '<!' at offset 3");
    expect(err(body(3, "<"))).toBe("XML: unclosed tag at end of input");
    expect(err(body(3, "<a></a"))).toBe("XML: unclosed tag at end of input");
  });
  it("flags DTDs and refuses entity declarations (billion laughs) without expanding", () => {
    const o = body(3, LAUGHS);
    expect(flag(o, "XML_DTD")).toBe("1");
    expect(flag(o, "XML_ENTITY_DECLARED")).toBe("1");
    expect(err(o)).toBe("XML: DOCTYPE declares entities or an external DTD (not allowed)");
    const ok = body(3, LAUGHS, 2);
    expect(err(ok)).toBe("");
    expect(ok.endsWith("T\t/lolz\t&lol3;\n")).toBe(true);
    const ext = body(3, "<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>");
    expect(flag(ext, "XML_ENTITY_DECLARED")).toBe("1");
    expect(err(ext)).toBe("XML: DOCTYPE declares entities or an external DTD (not allowed)");
    const plain = body(3, "<!DOCTYPE r><r>1</r>");
    expect(flag(plain, "XML_DTD")).toBe("1");
    expect(err(plain)).toBe("");
    expect(err(body(3, "<!DOCTYPE r [ <!ELEMENT r ANY>"))).toBe("XML: unterminated DOCTYPE at offset 0");
    expect(err(body(3, "<r/><!DOCTYPE r>"))).toBe("XML: misplaced DOCTYPE at offset 4");
  });
  it("limits depth without recursion", () => {
    expect(err(body(3, repeat("<a>", 600) + repeat("</a>", 600)))).toBe("XML: nesting deeper than 512");
    expect(err(body(3, repeat("<a>", 20000)))).toBe("XML: nesting deeper than 512");
    expect(err(body(3, "<a><a><a></a></a></a>", 3 << 8))).toBe("");
    expect(err(body(3, "<a><a><a><a/></a></a></a>", 3 << 8))).toBe("XML: nesting deeper than 3");
  });
});
