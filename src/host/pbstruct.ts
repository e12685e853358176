// Per-request dynamic metadata for the host, served the way Envoy serves the `metadata` property.
//
// A test gives `dynamicMetadata: { "envoy.filters.http.jwt_authn": { payload: {iss, sub, ...} } }`
// (namespace → JSON-like Struct), as Envoy's jwt_authn filter stores it: filter.cc
// Filter::setExtractedData → streamInfo().setDynamicMetadata("envoy.filters.http.jwt_authn", s)
// where s.fields[payload_in_metadata].struct_value is the payload (verifier.cc ContextImpl::addPayload;
// jwt_verify_lib parses the JSON payload into a google.protobuf.Struct, so numbers are doubles).
//
// How a wasm module reads it (Envoy source/extensions/common/wasm/context.cc, Context::getProperty):
//   - `metadata` alone: StreamActivation::FindValue (filters/common/expr/evaluator.cc) gives
//     CelProtoWrapper::CreateMessage(&info.dynamicMetadata()), an envoy.config.core.v3.Metadata
//     message; serializeValue kMessage → SerializeToString: protobuf wire bytes (encodeMetadata).
//     Envoy always has a (possibly empty) Metadata, so the answer is Ok, zero bytes when empty.
//   - `metadata.filter_metadata[.ns[.key...]]`: the message field is a map → FieldBackedMapImpl;
//     CEL unwraps Struct to a map, ListValue to a list, Value to its kind (cel-cpp
//     eval/public/structs/cel_proto_wrap_util.cc, ValueFactory::ValueFromMessage); serializeValue
//     writes maps as header-map pairs (key, serialized value), lists as pairs (value, ""), strings
//     raw, doubles as 8 little-endian bytes, bools as 1 byte, and has no case for null:
//     SerializationFailure (celMetadataLookup).
// The encoding (protobuf encoding guide): tag = field << 3 | wire type; Metadata.filter_metadata = 1
// (map entries {1: key, 2: Struct}); Struct.fields = 1 (entries {1: key, 2: Value}); Value:
// null_value 1 (varint 0), number_value 2 (fixed64 double), string_value 3, bool_value 4 (varint),
// struct_value 5, list_value 6; ListValue.values = 1.

export type StructValue = null | boolean | number | string | StructValue[] | { [k: string]: StructValue | undefined };
export type StructObject = { [k: string]: StructValue | undefined };
/** filter namespace → its Struct (Metadata.filter_metadata) */
export type DynamicMetadata = Record<string, StructObject>;

const utf8 = (s: string): Uint8Array => Buffer.from(s, "utf8");
const F64 = new Float64Array(1);
const F64_BYTES = new Uint8Array(F64.buffer);

class Writer {
  private buf = new Uint8Array(64);
  private len = 0;
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  push(b: Uint8Array): this { this.room(b.length); this.buf.set(b, this.len); this.len += b.length; return this; }
  /** base-128 varint of a non-negative safe integer (lengths, tags, 0/1) */
  varint(v: number): this {
    this.room(10);
    while (v >= 0x80) { this.buf[this.len++] = (v % 0x80) | 0x80; v = Math.floor(v / 0x80); }
    this.buf[this.len++] = v;
    return this;
  }
  tag(field: number, wire: number): this { return this.varint(field * 8 + wire); }
  bytes(field: number, b: Uint8Array): this { return this.tag(field, 2).varint(b.length).push(b); }
  double(field: number, x: number): this {
    F64[0] = x; // little endian on every platform Node runs on (x86-64, arm64), as in Envoy
    return this.tag(field, 1).push(F64_BYTES);
  }
  done(): Uint8Array { return this.buf.slice(0, this.len); }
}

function isObject(v: unknown): v is StructObject {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null; // plain objects (also Object.create(null))
}

/** google.protobuf.Value */
export function encodeValue(v: StructValue): Uint8Array {
  const w = new Writer();
  if (v === null) w.tag(1, 0).varint(0);
  else if (typeof v === "number") w.double(2, v);
  else if (typeof v === "string") w.bytes(3, utf8(v));
  else if (typeof v === "boolean") w.tag(4, 0).varint(v ? 1 : 0);
  else if (Array.isArray(v)) w.bytes(6, encodeList(v));
  else if (isObject(v)) w.bytes(5, encodeStruct(v));
  else throw new TypeError(`dynamic metadata: not a Struct value: ${typeof v}`);
  return w.done();
}

/** google.protobuf.ListValue */
export function encodeList(a: StructValue[]): Uint8Array {
  const w = new Writer();
  for (const x of a) w.bytes(1, encodeValue(x));
  return w.done();
}

/** google.protobuf.Struct (map entries in insertion order; undefined members are left out) */
export function encodeStruct(o: StructObject): Uint8Array {
  const w = new Writer();
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    w.bytes(1, new Writer().bytes(1, utf8(k)).bytes(2, encodeValue(v)).done());
  }
  return w.done();
}

/** envoy.config.core.v3.Metadata with filter_metadata only */
export function encodeMetadata(md: DynamicMetadata): Uint8Array {
  const w = new Writer();
  for (const [ns, s] of Object.entries(md)) w.bytes(1, new Writer().bytes(1, utf8(ns)).bytes(2, encodeStruct(s)).done());
  return w.done();
}

/** A property read that Envoy answers with an error status instead of bytes. */
export class PropertyError {
  constructor(readonly status: number) {}
}
const SERIALIZATION_FAILURE = 3; // WasmResult::SerializationFailure

/** proxy-wasm header-map pairs of byte strings (cpp-host PairsUtil::marshalPairs). */
function marshalBytePairs(pairs: Array<[Uint8Array, Uint8Array]>): Uint8Array {
  let size = 4 + pairs.length * 8;
  for (const [k, v] of pairs) size += k.length + v.length + 2;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, pairs.length, true);
  let off = 4 + pairs.length * 8;
  pairs.forEach(([k, v], i) => {
    dv.setUint32(4 + i * 8, k.length, true);
    dv.setUint32(8 + i * 8, v.length, true);
    out.set(k, off); off += k.length + 1;
    out.set(v, off); off += v.length + 1;
  });
  return out;
}

/** Envoy serializeValue of a CEL-unwrapped Struct value. */
function celSerialize(v: StructValue): Uint8Array | PropertyError {
  if (v === null) return new PropertyError(SERIALIZATION_FAILURE);
  if (typeof v === "string") return utf8(v);
  if (typeof v === "number") { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, v, true); return b; }
  if (typeof v === "boolean") return Uint8Array.of(v ? 1 : 0);
  const pairs: Array<[Uint8Array, Uint8Array]> = [];
  if (Array.isArray(v)) {
    for (const x of v) { const s = celSerialize(x); if (s instanceof PropertyError) return s; pairs.push([s, new Uint8Array(0)]); }
  } else {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      const s = celSerialize(x); if (s instanceof PropertyError) return s;
      pairs.push([utf8(k), s]);
    }
  }
  return marshalBytePairs(pairs);
}

/**
 * The `metadata` property and its sub-paths (segs[0] === "metadata"); undefined = NotFound.
 */
export function metadataProperty(segs: string[], md: DynamicMetadata | undefined): Uint8Array | PropertyError | undefined {
  const m = md ?? {};
  if (segs.length === 1) return encodeMetadata(m);
  let cur: StructValue;
  if (segs[1] === "filter_metadata") cur = m as StructValue;
  else if (segs[1] === "typed_filter_metadata") cur = {};
  else return undefined; // Metadata has no such field
  for (const seg of segs.slice(2)) {
    if (Array.isArray(cur)) {
      if (!/^-?\d+$/.test(seg)) return undefined;
      const i = Number(seg);
      if (i < 0 || i >= cur.length) return undefined;
      cur = cur[i];
    } else if (isObject(cur)) {
      const next = cur[seg];
      if (next === undefined || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = next;
    } else return undefined;
  }
  return celSerialize(cur);
}
