// A bounded protobuf wire-format reader for what Envoy hands a wasm filter as dynamic metadata:
// `envoy.config.core.v3.Metadata` holding `google.protobuf.Struct` / `Value` / `ListValue`.
//
// What it reads (the proto definitions, field numbers in brackets):
//   Metadata  { map<string, Struct> filter_metadata [1]; map<string, Any> typed_filter_metadata [2] }
//   Struct    { map<string, Value> fields [1] }
//   Value     { oneof kind { NullValue null_value [1] (varint); double number_value [2] (fixed64);
//                            string string_value [3]; bool bool_value [4] (varint);
//                            Struct struct_value [5]; ListValue list_value [6] } }
//   ListValue { repeated Value values [1] }
// A map field is a repeated entry message { key [1]; value [2] } (protobuf encoding guide, "Maps").
// Wire types: 0 varint (at most 10 bytes), 1 fixed64, 2 length-delimited, 5 fixed32; groups (3/4)
// and 6/7 are refused. Unknown fields are skipped. A known field with the wrong wire type, a length
// past its message, a truncated varint or field number 0 is Malformed. Protobuf semantics kept:
// the last of repeated map keys wins, the last `kind` of a Value wins, a map entry without a value
// is the empty Struct / a Value without kind (CEL reads it as null).
//
// Bounds: nesting depth MAX_DEPTH, MAX_NODES values per conversion, MAX_STRUCT_BYTES per converted
// Struct. No recursion (an explicit stack of frames), every loop advances through the input, so
// time is linear in the input; hostile bytes give a status, never a trap.
//
// Arguments: a pointer and length into the property bytes (no copy). Results: a PbStatus, and for
// `findMapValue` / `structValueOf` the span of the found message in `PB_SPAN`; `structToJson`
// returns the Struct as the JValue object that request.auth claims already use (config/json.ts:
// numbers f64, null, bool, string, array, object).
// Example:
//   if (findMapValue(p, n, 1, NS, PB_SPAN) == PbStatus.Ok)            // Metadata.filter_metadata[NS]
//     if (findMapValue(PB_SPAN.p, PB_SPAN.n, 1, KEY, PB_SPAN) == Ok)  // Struct.fields[KEY] (a Value)
//       if (structValueOf(PB_SPAN.p, PB_SPAN.n, PB_SPAN) == Ok) claims = structToJson(PB_SPAN.p, PB_SPAN.n);
import { JValue, JKind } from "../../config/json";

export namespace PbStatus {
  export const Ok: i32 = 0;
  export const Missing: i32 = 1;     // the key / field is not there
  export const Malformed: i32 = 2;   // not valid wire format for these messages
  export const TooDeep: i32 = 3;     // nesting beyond MAX_DEPTH
  export const TooBig: i32 = 4;      // beyond MAX_NODES values or MAX_STRUCT_BYTES
  export const NotStruct: i32 = 5;   // a Value whose kind is not struct_value
}

export function pbStatusText(s: i32): string {
  switch (s) {
    case PbStatus.Ok: return "ok";
    case PbStatus.Missing: return "missing";
    case PbStatus.Malformed: return "malformed protobuf";
    case PbStatus.TooDeep: return "nested too deeply";
    case PbStatus.TooBig: return "too large";
    default: return "not a struct";
  }
}

export const MAX_DEPTH: i32 = 32;
export const MAX_NODES: i32 = 2048;
export const MAX_STRUCT_BYTES: i32 = 256 * 1024;

export class PbSpan {
  p: usize = 0;
  n: i32 = 0;
}
/** A span callers may reuse (no allocation per request). */
export const PB_SPAN = new PbSpan();

// Value.kind field numbers
const K_NULL: u32 = 1, K_NUMBER: u32 = 2, K_STRING: u32 = 3, K_BOOL: u32 = 4, K_STRUCT: u32 = 5, K_LIST: u32 = 6;

// The last field read by readField (the reader is not re-entrant; callers copy what they keep).
let fNum: u32 = 0;
let fWire: u32 = 0;
let fVal: u64 = 0;     // varint / fixed value
let fStart: i32 = 0;   // payload offset of a length-delimited field
let fLen: i32 = 0;     // its length
let fNext: i32 = 0;    // offset after the field
let vVal: u64 = 0;
let vPos: i32 = 0;

/** Reads a base-128 varint at p[i..n); false when truncated or longer than 64 bits. */
function readVarint(p: usize, i: i32, n: i32): bool {
  let r: u64 = 0;
  for (let k = 0; k < 10; k++) {
    if (i >= n) return false;
    const b = <u64>load<u8>(p + <usize>i);
    i++;
    if (k == 9 && b > 1) return false;
    r |= (b & 0x7f) << (<u64>(7 * k));
    if ((b & 0x80) == 0) { vVal = r; vPos = i; return true; }
  }
  return false;
}

/** Reads one field (tag and payload) at p[i..n); false when malformed. */
function readField(p: usize, i: i32, n: i32): bool {
  if (!readVarint(p, i, n)) return false;
  const tag = vVal;
  i = vPos;
  if (tag > 0xFFFFFFFF) return false;
  fNum = <u32>(tag >> 3);
  fWire = <u32>(tag & 7);
  if (fNum == 0) return false;
  if (fWire == 0) {
    if (!readVarint(p, i, n)) return false;
    fVal = vVal; fNext = vPos;
    return true;
  }
  if (fWire == 1) {
    if (n - i < 8) return false;
    fVal = load<u64>(p + <usize>i); fNext = i + 8;
    return true;
  }
  if (fWire == 2) {
    if (!readVarint(p, i, n)) return false;
    if (vVal > <u64>(n - vPos)) return false;
    fStart = vPos; fLen = <i32>vVal; fNext = vPos + fLen;
    return true;
  }
  if (fWire == 5) {
    if (n - i < 4) return false;
    fVal = <u64>load<u32>(p + <usize>i); fNext = i + 4;
    return true;
  }
  return false; // 3/4 (groups) and 6/7 do not occur in these messages
}

function bytesEq(p: usize, n: i32, key: ArrayBuffer): bool {
  return n == key.byteLength && memory.compare(p, changetype<usize>(key), <usize>n) == 0;
}

/**
 * In a message at p[0..n) whose field `field` is a map<string, message>, finds the entry with
 * `key` (the last one, as protobuf merges maps) and puts its value's span in `out`.
 * An entry without a value gives an empty span (the default message).
 */
export function findMapValue(p: usize, n: i32, field: u32, key: ArrayBuffer, out: PbSpan): i32 {
  if (n < 0) return PbStatus.Malformed;
  let found = false;
  let rp: usize = 0, rn: i32 = 0;
  let i = 0;
  while (i < n) {
    if (!readField(p, i, n)) return PbStatus.Malformed;
    i = fNext;
    if (fNum != field) continue;
    if (fWire != 2) return PbStatus.Malformed;
    const ep = p + <usize>fStart, en = fLen;
    let kp: usize = 0, kn: i32 = 0, vp: usize = 0, vn: i32 = 0;
    let j = 0;
    while (j < en) {
      if (!readField(ep, j, en)) return PbStatus.Malformed;
      j = fNext;
      if (fNum == 1) { if (fWire != 2) return PbStatus.Malformed; kp = ep + <usize>fStart; kn = fLen; }
      else if (fNum == 2) { if (fWire != 2) return PbStatus.Malformed; vp = ep + <usize>fStart; vn = fLen; }
    }
    if (bytesEq(kp, kn, key)) { found = true; rp = vp; rn = vn; }
  }
  if (!found) return PbStatus.Missing;
  out.p = rp; out.n = rn;
  return PbStatus.Ok;
}

/** The struct_value of the Value at p[0..n) into `out`; NotStruct when its kind is another. */
export function structValueOf(p: usize, n: i32, out: PbSpan): i32 {
  let kind: u32 = 0;
  let sp: usize = 0, sn: i32 = 0;
  let i = 0;
  while (i < n) {
    if (!readField(p, i, n)) return PbStatus.Malformed;
    i = fNext;
    if (fNum < K_NULL || fNum > K_LIST) continue;
    if (!wireFits(fNum, fWire)) return PbStatus.Malformed;
    kind = fNum;
    if (fNum == K_STRUCT) { sp = p + <usize>fStart; sn = fLen; }
  }
  if (kind != K_STRUCT) return PbStatus.NotStruct;
  out.p = sp; out.n = sn;
  return PbStatus.Ok;
}

@inline function wireFits(num: u32, wire: u32): bool {
  if (num == K_NULL || num == K_BOOL) return wire == 0;
  if (num == K_NUMBER) return wire == 1;
  return wire == 2;
}

class Frame {
  constructor(public base: usize, public n: i32, public i: i32, public isList: bool, public out: JValue) {}
}

function objectSet(o: JValue, key: string, v: JValue): void {
  for (let i = 0; i < o.keys.length; i++) {
    if (o.keys[i] == key) { o.vals[i] = v; return; } // protobuf maps: the last entry wins
  }
  o.keys.push(key);
  o.vals.push(v);
}

/** Status of the last structToJson call. */
export let pbLastStatus: i32 = PbStatus.Ok;

/**
 * Converts the google.protobuf.Struct at p[0..n) into a JValue object (JKind.Obj); null on a
 * fault, with the reason in `pbLastStatus`.
 */
export function structToJson(p: usize, n: i32): JValue | null {
  pbLastStatus = PbStatus.Ok;
  if (n < 0) { pbLastStatus = PbStatus.Malformed; return null; }
  if (n > MAX_STRUCT_BYTES) { pbLastStatus = PbStatus.TooBig; return null; }
  const root = new JValue();
  root.kind = JKind.Obj;
  const stack = new Array<Frame>();
  stack.push(new Frame(p, n, 0, false, root));
  let nodes = 0;
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.i >= f.n) { stack.pop(); continue; }
    if (!readField(f.base, f.i, f.n)) { pbLastStatus = PbStatus.Malformed; return null; }
    f.i = fNext;
    if (fNum != 1) continue; // Struct.fields and ListValue.values are both field 1; others unknown
    if (fWire != 2) { pbLastStatus = PbStatus.Malformed; return null; }
    let key = "";
    let vp: usize = 0, vn: i32 = 0;
    if (f.isList) {
      vp = f.base + <usize>fStart; vn = fLen;
    } else {
      const ep = f.base + <usize>fStart, en = fLen;
      let kp: usize = 0, kn: i32 = 0;
      let j = 0;
      while (j < en) {
        if (!readField(ep, j, en)) { pbLastStatus = PbStatus.Malformed; return null; }
        j = fNext;
        if (fNum == 1 || fNum == 2) {
          if (fWire != 2) { pbLastStatus = PbStatus.Malformed; return null; }
          if (fNum == 1) { kp = ep + <usize>fStart; kn = fLen; } else { vp = ep + <usize>fStart; vn = fLen; }
        }
      }
      key = String.UTF8.decodeUnsafe(kp, <usize>kn);
    }
    if (++nodes > MAX_NODES) { pbLastStatus = PbStatus.TooBig; return null; }
    // the Value at vp[0..vn): its last kind wins
    let kind: u32 = 0;
    let num: u64 = 0;
    let cp: usize = 0, cn: i32 = 0;
    let j = 0;
    while (j < vn) {
      if (!readField(vp, j, vn)) { pbLastStatus = PbStatus.Malformed; return null; }
      j = fNext;
      if (fNum < K_NULL || fNum > K_LIST) continue;
      if (!wireFits(fNum, fWire)) { pbLastStatus = PbStatus.Malformed; return null; }
      kind = fNum;
      num = fVal;
      if (fWire == 2) { cp = vp + <usize>fStart; cn = fLen; }
    }
    const v = new JValue();
    if (kind == K_NUMBER) { v.kind = JKind.Num; v.n = reinterpret<f64>(num); }
    else if (kind == K_STRING) { v.kind = JKind.Str; v.s = String.UTF8.decodeUnsafe(cp, <usize>cn); }
    else if (kind == K_BOOL) { v.kind = JKind.Bool; v.b = num != 0; }
    else if (kind == K_STRUCT) v.kind = JKind.Obj;
    else if (kind == K_LIST) v.kind = JKind.Arr;
    else v.kind = JKind.Null; // null_value, or no kind at all
    if (f.isList) f.out.arr.push(v); else objectSet(f.out, key, v);
    if (kind == K_STRUCT || kind == K_LIST) {
      if (stack.length >= MAX_DEPTH) { pbLastStatus = PbStatus.TooDeep; return null; }
      stack.push(new Frame(cp, cn, 0, kind == K_LIST, v));
    }
  }
  return root;
}
