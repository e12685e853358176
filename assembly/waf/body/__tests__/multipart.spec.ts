import { body, flag, err, repeat } from "./util";

const CT = "multipart/form-data; boundary=XyZ\n";
function part(name: string, value: string): string {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
}
const END = "--XyZ--\r\n";

describe("multipart", () => {
  it("parses fields, files and part headers", () => {
    const o = body(2, CT + part("a", "1") + part("empty", "") +
      "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.php\"\r\nContent-Type: text/plain\r\n\r\n<?php\r\nline2\r\n" + END);
    expect(o.startsWith(
      "H\ta\tContent-Disposition: form-data; name=\"a\"\nA\ta\t1\n" +
      "H\tempty\tContent-Disposition: form-data; name=\"empty\"\nA\tempty\t\n" +
      "H\tf\tContent-Disposition: form-data; name=\"f\"; filename=\"x.php\"\nH\tf\tContent-Type: text/plain\n" +
      "F\tf\tx.php\t12\t<?php\\r\\nline2\n")).toBe(true, o);
    expect(err(o)).toBe("");
    expect(flag(o, "MULTIPART_STRICT_ERROR")).toBe("0");
    expect(flag(o, "MULTIPART_UNMATCHED_BOUNDARY")).toBe("2");
    expect(flag(o, "MULTIPART_LF_LINE")).toBe("0");
  });
  it("unquotes and unescapes names; token values", () => {
    const o = body(2, CT + "--XyZ\r\nContent-Disposition: form-data; name=\"a\\\"b\"\r\n\r\nv\r\n" +
      "--XyZ\r\nContent-Disposition: form-data; name=tok\r\n\r\nw\r\n" + END);
    expect(o.startsWith("H\ta\"b\t")).toBe(true);
    expect(o.includes("A\ta\"b\tv\n")).toBe(true);
    expect(o.includes("A\ttok\tw\n")).toBe(true);
  });
  it("boundary parameter flags", () => {
    let o = body(2, "multipart/form-data; boundary=\"XyZ\"\n" + part("a", "1") + END);
    expect(flag(o, "MULTIPART_BOUNDARY_QUOTED")).toBe("1");
    expect(flag(o, "MULTIPART_STRICT_ERROR")).toBe("1");
    o = body(2, "multipart/form-data boundary=XyZ\n" + part("a", "1") + END);
    expect(flag(o, "MULTIPART_MISSING_SEMICOLON")).toBe("1");
    o = body(2, "multipart/form-data; boundary = XyZ\n" + part("a", "1") + END);
    expect(flag(o, "MULTIPART_BOUNDARY_WHITESPACE")).toBe("1");
    expect(err(body(2, "multipart/form-data\n" + part("a", "1") + END))).toBe("Multipart: Boundary not found in C-T.");
    expect(err(body(2, "multipart/form-data; BOUNDARY=XyZ\n" + part("a", "1") + END))).toBe("Multipart: Invalid boundary in C-T (case sensitivity).");
    expect(err(body(2, "multipart/form-data; boundary=a; boundary=b\n" + END))).toBe("Multipart: Multiple boundary parameters in C-T.");
    expect(err(body(2, "multipart/form-data; boundary=\"XyZ\n" + END))).toBe("Multipart: Invalid boundary in C-T (quote).");
    expect(err(body(2, "text/plain; boundary=XyZ\n" + END))).toBe("Multipart: Invalid MIME type.");
    expect(err(body(2, "multipart/form-data; boundary=X{Z\n" + END))).toBe("Multipart: Invalid boundary in C-T (characters).");
    expect(err(body(2, "multipart/form-data; boundary=XyZ; charset=utf-8\n" + part("a", "1") + END))).toBe("");
    expect(err(body(2, ""))).toBe("Multipart: Content-Type header not available.");
  });
  it("missing boundaries", () => {
    expect(err(body(2, CT + "just text\r\n"))).toBe("Multipart: No boundaries found in payload.");
    expect(err(body(2, CT + part("a", "1")))).toBe("Multipart: Final boundary missing.");
    expect(err(body(2, CT + part("a", "1") + "--XyZ--"))).toBe("");            // final boundary at EOF without CRLF
    expect(err(body(2, CT + part("a", "1") + "--XyZ--junk\r\n"))).toBe("Multipart: Invalid boundary: --XyZ--junk\r");
    expect(err(body(2, CT))).toBe("Multipart: No boundaries found in payload.");
  });
  it("data before / after, LF lines, mixed lines", () => {
    let o = body(2, CT + "preamble\r\n" + part("a", "1") + END + "epilogue");
    expect(flag(o, "MULTIPART_DATA_BEFORE")).toBe("1");
    expect(flag(o, "MULTIPART_DATA_AFTER")).toBe("1");
    expect(flag(o, "MULTIPART_STRICT_ERROR")).toBe("1");
    o = body(2, CT + "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\n1\n--XyZ--\n");
    expect(o.includes("A\ta\t1\n")).toBe(true);
    expect(flag(o, "MULTIPART_LF_LINE")).toBe("1");
    expect(flag(o, "MULTIPART_CRLF_LF_LINES")).toBe("0");
    o = body(2, CT + "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\n\r\n1\r\n--XyZ--\r\n");
    expect(flag(o, "MULTIPART_CRLF_LF_LINES")).toBe("1");
  });
  it("header folding", () => {
    let o = body(2, CT + "--XyZ\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\n1\r\n" + END);
    expect(o.includes("A\ta\t1\n")).toBe(true);
    expect(flag(o, "MULTIPART_HEADER_FOLDING")).toBe("1");
    expect(flag(o, "MULTIPART_INVALID_HEADER_FOLDING")).toBe("0");
    expect(flag(o, "MULTIPART_STRICT_ERROR")).toBe("1");
    o = body(2, CT + "--XyZ\r\nContent-Disposition: form-data;\r\n\x0bname=\"a\"\r\n\r\n1\r\n" + END);
    expect(flag(o, "MULTIPART_INVALID_HEADER_FOLDING")).toBe("1");
    expect(err(body(2, CT + "--XyZ\r\n folded-first\r\n\r\n1\r\n" + END))).toBe("Multipart: Invalid part header (folding error).");
  });
  it("quoting and part errors", () => {
    let o = body(2, CT + "--XyZ\r\nContent-Disposition: form-data; name='a'\r\n\r\n1\r\n" + END);
    expect(flag(o, "MULTIPART_INVALID_QUOTING")).toBe("1");
    o = body(2, CT + "--XyZ\r\nContent-Disposition: form-data; name=a'b\r\n\r\n1\r\n" + END);
    expect(flag(o, "MULTIPART_INVALID_QUOTING")).toBe("1");
    expect(err(body(2, CT + "--XyZ\r\nX-Other: 1\r\n\r\n1\r\n" + END))).toBe("Multipart: Part missing Content-Disposition header.");
    expect(err(body(2, CT + "--XyZ\r\nContent-Disposition: attachment\r\n\r\n1\r\n" + END))).toBe("Multipart: Invalid Content-Disposition header (-1).");
    expect(err(body(2, CT + "--XyZ\r\nContent-Disposition: form-data; foo=\"a\"\r\n\r\n1\r\n" + END))).toBe("Multipart: Invalid Content-Disposition header (-11).");
    expect(err(body(2, CT + "--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n" + END))).toBe("Multipart: Content-Disposition header missing name field.");
    expect(err(body(2, CT + "--XyZ\r\nno colon here\r\n\r\n1\r\n" + END))).toBe("Multipart: Invalid part header (colon missing).");
    expect(err(body(2, CT + "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n1\r\n" + END))).toBe("Multipart: Duplicate part header.");
    expect(err(body(2, CT + "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\n1\r\n" + END))).toBe("Multipart: Invalid Content-Disposition header (-14).");
    expect(err(body(2, CT + "--XyZ\r\nX: " + repeat("a", 5000) + "\r\n\r\n1\r\n" + END))).toBe("Multipart: Part header line over 4096 bytes long");
    expect(err(body(2, CT + "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" + END + END))).toBe("");
  });
  it("unmatched boundaries", () => {
    let o = body(2, CT + part("a", "x\r\n--Other\r\ny") + END);
    expect(flag(o, "MULTIPART_UNMATCHED_BOUNDARY")).toBe("1");
    o = body(2, CT + part("a", "x --XyZ y") + END);
    expect(flag(o, "MULTIPART_UNMATCHED_BOUNDARY")).toBe("1");
    expect(err(body(2, "multipart/form-data; boundary=\"XyZ\"\n--\"XyZ\"\r\n"))).toBe("Multipart: Invalid boundary (quotes).");
    expect(err(body(2, CT + "-- XyZ\r\n"))).toBe("Multipart: Invalid boundary (whitespace).");
  });
  it("part without headers end is an invalid part", () => {
    const o = body(2, CT + "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n--XyZ--\r\n");
    expect(err(o)).toBe("Multipart: Invalid part header (colon missing).");
    expect(flag(o, "MULTIPART_INVALID_PART")).toBe("1");
  });
  it("file limit", () => {
    let files = "";
    for (let i = 0; i < 3; i++) files += "--XyZ\r\nContent-Disposition: form-data; name=\"f" + i.toString() + "\"; filename=\"a\"\r\n\r\nx\r\n";
    const o = body(2, CT + files + END, 2 << 24);
    expect(flag(o, "MULTIPART_FILE_LIMIT_EXCEEDED")).toBe("1");
    expect(o.includes("F\tf1\t")).toBe(true);
    expect(o.includes("F\tf2\t")).toBe(false);
  });
});

describe("multipart boundary words", () => {
  it("a boundary that spells 'boundary' is fine unless a '=' follows (v3 count_boundary_params)", () => {
    const o = body(2, "multipart/form-data; boundary=BoUnDaRy\n--BoUnDaRy\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--BoUnDaRy--\r\n");
    expect(err(o)).toBe("");
    expect(o.includes("A\ta\t1\n")).toBe(true);
    expect(err(body(2, "multipart/form-data; boundary=xboundary=y\n"))).toBe("Multipart: Multiple boundary parameters in C-T.");
  });
});
