/**
 * TextSink: a BodySink that writes every event as one text line, for specs, the harness and
 * fuzzing. Fields are tab-separated; bytes \t \n \r \\ inside a field are escaped as \t \n \r \\.
 *   A <name> <value>                       arg
 *   F <name> <filename> <size> <data>      file
 *   H <name> <line>                        partHeader
 *   T <path> <text>  /  @ <path> <value>   xml text / attribute
 *   G <FLAG_NAME> <value>                  flag
 *   E <message>                            last line when the processor failed (REQBODY_ERROR)
 * `runBody(kind, p, n, opt, out)`: kind 0 urlencoded, 1 JSON, 2 multipart (the first line of
 * the input, up to "\n", is the Content-Type value), 3 XML. opt bit 0: JSON ModSecurity names,
 * bit 1: XML entity declarations allowed, bits 8-15: maxDepth, bits 16-23: maxArgs, bits 24-30: maxFiles (0 = default).
 * Returns the number of lines written.
 */
import { ByteBuf } from "../bytes";
import { BodySink, BodyLimits, BodyResult, FLAG_NAMES, XML_TEXT } from "./sink";
import { UrlencodedProcessor } from "./urlencoded";
import { JsonProcessor } from "./json";
import { MultipartProcessor } from "./multipart";
import { XmlProcessor } from "./xml";

export class TextSink extends BodySink {
  out: ByteBuf = new ByteBuf(1024);
  lines: i32 = 0;
  private field(p: usize, n: i32): void {
    const o = this.out;
    for (let i = 0; i < n; i++) {
      const c = <u32>load<u8>(p + i);
      if (c == 0x09) { o.push(0x5c); o.push(0x74); }
      else if (c == 0x0a) { o.push(0x5c); o.push(0x6e); }
      else if (c == 0x0d) { o.push(0x5c); o.push(0x72); }
      else if (c == 0x5c) { o.push(0x5c); o.push(0x5c); }
      else o.push(c);
    }
  }
  private tag(t: u32): void { this.out.push(t); this.out.push(0x09); this.lines++; }
  arg(np: usize, nn: i32, vp: usize, vn: i32): void {
    this.tag(0x41); this.field(np, nn); this.out.push(0x09); this.field(vp, vn); this.out.push(0x0a);
  }
  file(np: usize, nn: i32, fp: usize, fn: i32, dp: usize, dn: i32): void {
    this.tag(0x46); this.field(np, nn); this.out.push(0x09); this.field(fp, fn); this.out.push(0x09);
    this.out.appendString(dn.toString()); this.out.push(0x09); this.field(dp, dn); this.out.push(0x0a);
  }
  partHeader(np: usize, nn: i32, lp: usize, ln: i32): void {
    this.tag(0x48); this.field(np, nn); this.out.push(0x09); this.field(lp, ln); this.out.push(0x0a);
  }
  xml(kind: i32, pp: usize, pn: i32, vp: usize, vn: i32): void {
    this.tag(kind == XML_TEXT ? 0x54 : 0x40); this.field(pp, pn); this.out.push(0x09); this.field(vp, vn); this.out.push(0x0a);
  }
  flag(id: i32, value: i32): void {
    this.tag(0x47); this.out.appendString(FLAG_NAMES[id]); this.out.push(0x09); this.out.appendString(value.toString()); this.out.push(0x0a);
  }
}

const SINK = new TextSink();
const RESULT = new BodyResult();
const URLENC = new UrlencodedProcessor();
const JSONP = new JsonProcessor();
const MULTI = new MultipartProcessor();
const XMLP = new XmlProcessor();

export function runBody(kind: i32, p: usize, n: i32, opt: i32, out: ByteBuf): i32 {
  const lim = new BodyLimits();
  lim.jsonModsecNames = (opt & 1) != 0;
  lim.xmlAllowEntityDecl = (opt & 2) != 0;
  if ((opt >> 8) & 0xff) lim.maxDepth = (opt >> 8) & 0xff;
  if ((opt >> 16) & 0xff) lim.maxArgs = (opt >> 16) & 0xff;
  if ((opt >> 24) & 0x7f) lim.maxFiles = (opt >> 24) & 0x7f;
  SINK.out = out; out.reset(); SINK.lines = 0;
  if (kind == 0) URLENC.process(p, n, SINK, lim, RESULT);
  else if (kind == 1) JSONP.process(p, n, SINK, lim, RESULT);
  else if (kind == 2) {
    let k = 0;
    while (k < n && load<u8>(p + k) != 0x0a) k++;
    const bodyAt = k < n ? k + 1 : n;
    MULTI.process(p, k, p + bodyAt, n - bodyAt, SINK, lim, RESULT);
  } else XMLP.process(p, n, SINK, lim, RESULT);
  if (RESULT.error) { SINK.out.push(0x45); SINK.out.push(0x09); SINK.out.appendString(RESULT.msg); SINK.out.push(0x0a); SINK.lines++; }
  return SINK.lines;
}
