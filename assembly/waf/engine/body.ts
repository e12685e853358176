/**
 * Request bodies into the request model: runs the body processor the transaction selected
 * (Content-Type, or ctl:requestBodyProcessor) from assembly/waf/body/ and stores what it emits:
 * arguments → ARGS_POST, files → FILES / FILES_NAMES / FILES_SIZES, part headers →
 * MULTIPART_PART_HEADERS, XML text and attribute values → XML:/*, flags → MULTIPART_STRICT_ERROR /
 * MULTIPART_UNMATCHED_BOUNDARY, a malformed body → REQBODY_ERROR = 1 and REQBODY_ERROR_MSG.
 * Views into the body are kept as they are; views into a processor's scratch memory are copied
 * into the transaction's arena. Example: `processRequestBody(tx, bodyPtr, bodyLen)` after
 * `tx.setRequestBody(bodyPtr, bodyLen)`.
 */
import { BodySink, BodyLimits, BodyResult, BodyFlag } from "../body/sink";
import { UrlencodedProcessor } from "../body/urlencoded";
import { JsonProcessor } from "../body/json";
import { MultipartProcessor } from "../body/multipart";
import { XmlProcessor } from "../body/xml";
import { Transaction } from "./transaction";
import { BodyProc } from "./rule";
import { V } from "./variables";

class TxSink extends BodySink {
  tx: Transaction | null = null;
  strict: i32 = 0;
  unmatched: i32 = 0;

  private keep(p: usize, n: i32): usize { return this.inBody(p) ? p : this.tx!.arena.copy(p, n); }

  arg(nameP: usize, nameN: i32, valP: usize, valN: i32): void {
    this.tx!.argsPost.add(this.keep(nameP, nameN), nameN, this.keep(valP, valN), valN);
  }
  file(nameP: usize, nameN: i32, fnP: usize, fnN: i32, dataP: usize, dataN: i32): void {
    const tx = this.tx!;
    const np = this.keep(nameP, nameN);
    tx.files.add(np, nameN, this.keep(fnP, fnN), fnN);
    const sp = tx.arena.decimal(dataN);
    tx.filesSizes.add(np, nameN, sp, tx.arena.lastLen);
  }
  partHeader(nameP: usize, nameN: i32, lineP: usize, lineN: i32): void {
    this.tx!.multipartPartHeaders.add(this.keep(nameP, nameN), nameN, this.keep(lineP, lineN), lineN);
  }
  xml(kind: i32, pathP: usize, pathN: i32, valP: usize, valN: i32): void {
    this.tx!.xml.add(this.keep(pathP, pathN), pathN, this.keep(valP, valN), valN);
  }
  flag(id: i32, value: i32): void {
    if (value == 0) return;
    // the processor computes STRICT_ERROR itself (multipart.ts finish); UNMATCHED_BOUNDARY keeps its
    // value: 1 = a suspicious boundary-like line, 2 = (v3) boundaries after the first, which every
    // well-formed body with two parts has — rules test "@eq 1", as ModSecurity's 200004 does
    if (id == BodyFlag.MULTIPART_UNMATCHED_BOUNDARY) this.unmatched = value;
    else if (id == BodyFlag.MULTIPART_STRICT_ERROR) this.strict = 1;
  }
}

const sink = new TxSink();
const limits = new BodyLimits();
const result = new BodyResult();
const urlenc = new UrlencodedProcessor();
const json = new JsonProcessor();
const multipart = new MultipartProcessor();
const xml = new XmlProcessor();

export function processRequestBody(tx: Transaction, p: usize, n: i32): void {
  if (!tx.bodyAccess || n <= 0) return;
  const bp = tx.bodyProcessor;
  if (bp == BodyProc.None) return;
  sink.tx = tx; sink.bodyP = p; sink.bodyN = n; sink.strict = 0; sink.unmatched = 0;
  result.reset();
  if (bp == BodyProc.UrlEncoded) urlenc.process(p, n, sink, limits, result);
  else if (bp == BodyProc.Json) json.process(p, n, sink, limits, result);
  else if (bp == BodyProc.Xml) xml.process(p, n, sink, limits, result);
  else if (bp == BodyProc.Multipart) {
    const ct = tx.sl[V.REQUEST_CONTENT_TYPE];
    multipart.process(ct >= 0 ? tx.sp[V.REQUEST_CONTENT_TYPE] : 0, ct >= 0 ? ct : 0, p, n, sink, limits, result);
    tx.setScalarInt(V.MULTIPART_STRICT_ERROR, sink.strict | (result.error ? 1 : 0));
    tx.setScalarInt(V.MULTIPART_UNMATCHED_BOUNDARY, sink.unmatched);
  }
  if (result.error) tx.setReqbodyError(result.msg);
  sink.tx = null;
}
