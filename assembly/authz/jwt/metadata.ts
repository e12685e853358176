// request.auth.* from Envoy's jwt_authn dynamic metadata (`jwt.fromEnvoyMetadata`), instead of
// verifying tokens here.
//
// Where the bytes come from (cited from Envoy's source):
//   - jwt_authn: after a token verifies, AuthenticatorImpl::handleGoodJwt (source/extensions/filters/
//     http/jwt_authn/authenticator.cc) hands (provider.payload_in_metadata(), payload as a
//     google.protobuf.Struct) to the verifier context, which collects them as
//     `fields[name].struct_value = payload` (verifier.cc, ContextImpl::addPayload) and, only when the
//     whole requirement succeeded, Filter::setExtractedData (filter.cc) stores that Struct with
//     streamInfo().setDynamicMetadata("envoy.filters.http.jwt_authn", ...). Istio sets
//     payload_in_metadata to "payload" (older Istio: the issuer).
//   - the wasm filter reads the property `metadata` (proxy_get_property, one path segment):
//     Context::getProperty (source/extensions/common/wasm/context.cc) → StreamActivation::FindValue
//     (source/extensions/filters/common/expr/evaluator.cc) returns
//     CelProtoWrapper::CreateMessage(&info.dynamicMetadata()) — an envoy.config.core.v3.Metadata
//     message (not a well-known type, so it stays a message) — and serializeValue's kMessage case
//     answers SerializeToString: the protobuf wire bytes of Metadata. Deeper paths
//     (`metadata.filter_metadata.<ns>...`) go through CEL, which unwraps Struct into a map and
//     serializes maps as header-map pairs: untyped, and a null claim anywhere fails the whole read
//     (serializeValue has no kNullType case), so this reads the one top-level property instead.
// Then: Metadata.filter_metadata[filterName] (a Struct) → .fields[payloadKey] (a Value whose
// struct_value is the payload) → the claims as JValue (./pbstruct.ts), principal "<iss>/<sub>".
// Missing metadata, namespace or key: no identity (Istio: a request without a token). Bytes that
// are not such a message, a payload without a string `iss`, or an `iss` outside `issuers`: no
// identity either, reported as Refused so the step can count and log it (never a trap).
// With a cache, identities are kept per VM by SHA-256 of the payload Struct bytes (identical bytes
// give an identical identity; entries live NO_EXP_TTL seconds, bounded by jwt.cache), so a
// returning caller costs one hash instead of a conversion.
// Example: const r = authFromMetadata(src, changetype<usize>(buf), buf.byteLength); if (r.status == MetaStatus.Ok) auth = r.auth;
import { JKind } from "../../config/json";
import { RequestAuth } from "../attributes";
import { EnvoyMetadataSource } from "./rules";
import { authFromPayload } from "./authn";
import { sha256 } from "./crypto/sha256";
import { TokenCache, CacheEntry, NO_EXP_TTL } from "./cache";
import { PbStatus, PB_SPAN, findMapValue, structValueOf, structToJson, pbLastStatus, pbStatusText } from "./pbstruct";

export namespace MetaStatus {
  export const NoIdentity: i32 = 0;
  export const Ok: i32 = 1;
  export const Refused: i32 = 2;
}

export class MetaResult {
  status: i32 = MetaStatus.NoIdentity;
  reason: string = "";
  auth: RequestAuth | null = null;
  cached: bool = false;
}

const HASH = memory.data(32);

const METADATA_FILTER_METADATA: u32 = 1; // envoy.config.core.v3.Metadata.filter_metadata
const STRUCT_FIELDS: u32 = 1;            // google.protobuf.Struct.fields

function refused(r: MetaResult, reason: string): MetaResult {
  r.status = MetaStatus.Refused; r.reason = reason; r.auth = null;
  return r;
}

/** Reads the identity out of the serialized Metadata at p[0..n). */
export function authFromMetadata(src: EnvoyMetadataSource, p: usize, n: i32, cache: TokenCache | null = null, now: f64 = 0): MetaResult {
  const r = new MetaResult();
  let st = findMapValue(p, n, METADATA_FILTER_METADATA, src.filterNameBytes, PB_SPAN);
  if (st == PbStatus.Missing) return r;
  if (st != PbStatus.Ok) return refused(r, "dynamic metadata: " + pbStatusText(st));
  const sp = PB_SPAN.p, sn = PB_SPAN.n;
  let found = -1;
  for (let k = 0; k < src.payloadKeyBytes.length; k++) {
    st = findMapValue(sp, sn, STRUCT_FIELDS, src.payloadKeyBytes[k], PB_SPAN);
    if (st == PbStatus.Ok) { found = k; break; }
    if (st != PbStatus.Missing) return refused(r, "metadata " + src.filterName + ": " + pbStatusText(st));
  }
  if (found < 0) return r;
  const key = src.payloadKeys[found];
  st = structValueOf(PB_SPAN.p, PB_SPAN.n, PB_SPAN);
  if (st != PbStatus.Ok) return refused(r, "metadata " + src.filterName + "." + key + ": " + pbStatusText(st));
  const pp = PB_SPAN.p, pn = PB_SPAN.n;
  if (cache != null) {
    sha256(pp, pn, HASH);
    const hit = cache.get(HASH, now);
    if (hit != null) { r.status = MetaStatus.Ok; r.auth = hit.auth; r.cached = true; return r; }
  }
  const payload = structToJson(pp, pn);
  if (payload == null) return refused(r, "metadata " + src.filterName + "." + key + ": " + pbStatusText(pbLastStatus));
  const iss = payload.get("iss");
  if (iss == null || iss.kind != JKind.Str) return refused(r, "metadata " + src.filterName + "." + key + ": payload has no issuer (iss)");
  if (src.issuers.length > 0 && !src.issuers.includes(iss.s)) return refused(r, "metadata " + src.filterName + "." + key + ": issuer is not trusted");
  r.status = MetaStatus.Ok;
  r.auth = authFromPayload(iss.s, payload, src.spaceDelimitedClaims);
  if (cache != null) {
    const e = new CacheEntry();
    e.auth = r.auth!;
    e.until = now + NO_EXP_TTL;
    e.cost = 4 * pn + 256;
    cache.put(HASH, e);
  }
  return r;
}
