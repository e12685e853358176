// The filter's authentication step (called from assembly/filter.ts before authorization).
//
// Runs ./authn.ts on the request headers; an invalid token is answered here with Envoy
// jwt_authn's reply: 401, `www-authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1) and
// a JSON body {"error":"invalid_token","reason":...,"request_id":...}. On success the token
// header is removed unless forwardOriginalToken, output headers are set, and the RequestAuth
// (request.auth.* for AuthorizationPolicies) is returned. No token: an empty RequestAuth.
// With `fromEnvoyMetadata` (./metadata.ts) nothing is verified here: the identity is read from the
// `metadata` property (Envoy jwt_authn's payload_in_metadata); no or unusable metadata gives an
// empty RequestAuth (unusable is logged), never a 401.
// Metrics: bulwark.jwt.verified, bulwark.jwt.cache_hits, bulwark.jwt.refused, bulwark.jwt.missing;
// with fromEnvoyMetadata: bulwark.jwt.metadata_trusted (converted), bulwark.jwt.cache_hits (same
// payload bytes seen before), bulwark.jwt.metadata_refused, bulwark.jwt.missing.
// Example: const auth = root.jwt.authenticate(h, rid); if (auth == null) return StopIteration;
import { HeaderMap, removeHeader, replaceHeader } from "../../host/headers";
import { RequestId } from "../../host/requestid";
import { MapType } from "../../host/abi";
import { sendLocalResponse, logInfo, defineMetric, incrementMetric, MetricType, nowNanos, getProperty } from "../../host/stream";
import { jsonString } from "../../util/bytes";
import { RequestAuth } from "../attributes";
import { JwtConfig, EnvoyMetadataSource } from "./rules";
import { authFromMetadata, MetaStatus } from "./metadata";
import { JwtAuthn, AuthnStatus } from "./authn";
import { TokenCache } from "./cache";

const EMPTY = new RequestAuth();

export class JwtStep {
  authn: JwtAuthn | null = null;
  mVerified: u32 = u32.MAX_VALUE;
  mCached: u32 = u32.MAX_VALUE;
  mRefused: u32 = u32.MAX_VALUE;
  mMissing: u32 = u32.MAX_VALUE;

  meta: EnvoyMetadataSource | null = null;
  metaCache: TokenCache | null = null;
  mTrusted: u32 = u32.MAX_VALUE;
  mMetaRefused: u32 = u32.MAX_VALUE;

  /** (Re)configures; a new configuration starts with an empty cache. */
  configure(cfg: JwtConfig | null): void {
    this.meta = cfg == null ? null : cfg.fromEnvoyMetadata;
    this.metaCache = this.meta == null ? null : new TokenCache(cfg!.cacheMaxEntries, cfg!.cacheMaxBytes);
    if (this.meta != null && this.mTrusted == u32.MAX_VALUE) {
      this.mTrusted = defineMetric(MetricType.Counter, "bulwark.jwt.metadata_trusted");
      this.mMetaRefused = defineMetric(MetricType.Counter, "bulwark.jwt.metadata_refused");
      if (this.mMissing == u32.MAX_VALUE) this.mMissing = defineMetric(MetricType.Counter, "bulwark.jwt.missing");
      if (this.mCached == u32.MAX_VALUE) this.mCached = defineMetric(MetricType.Counter, "bulwark.jwt.cache_hits");
    }
    this.authn = cfg == null || cfg.rules.length == 0 ? null : new JwtAuthn(cfg);
    if (this.authn != null && this.mVerified == u32.MAX_VALUE) {
      this.mVerified = defineMetric(MetricType.Counter, "bulwark.jwt.verified");
      this.mCached = defineMetric(MetricType.Counter, "bulwark.jwt.cache_hits");
      this.mRefused = defineMetric(MetricType.Counter, "bulwark.jwt.refused");
      this.mMissing = defineMetric(MetricType.Counter, "bulwark.jwt.missing");
    }
  }

  /** The request's end-user credential, or null when a 401 has been sent. */
  authenticate(h: HeaderMap, rid: RequestId): RequestAuth | null {
    const m = this.meta;
    if (m != null) return this.fromMetadata(m, rid);
    const a = this.authn;
    if (a == null) return EMPTY;
    const now = <f64>nowNanos() / 1e9;
    const r = a.authenticate(h, now);
    for (let i = 0; i < r.removeHeaders.length; i++) removeHeader(MapType.RequestHeaders, r.removeHeaders[i]);
    if (r.status == AuthnStatus.Invalid) {
      incrementMetric(this.mRefused);
      logInfo("bulwark: jwt refused request_id=" + rid.get() + " reason=" + r.reason);
      sendLocalResponse(401, "jwt_authn_access_denied",
        "{\"error\":\"invalid_token\",\"reason\":" + jsonString(r.reason) + ",\"request_id\":" + jsonString(rid.get()) + "}",
        ["content-type", "application/json", "www-authenticate", "Bearer error=\"invalid_token\"", "x-request-id", rid.get()]);
      return null;
    }
    if (r.status == AuthnStatus.NoToken) { incrementMetric(this.mMissing); return EMPTY; }
    incrementMetric(r.cached ? this.mCached : this.mVerified);
    for (let i = 0; i + 1 < r.setHeaders.length; i += 2) replaceHeader(MapType.RequestHeaders, r.setHeaders[i], r.setHeaders[i + 1]);
    return r.auth;
  }

  /** Envoy jwt_authn already verified the token: its payload from the `metadata` property. */
  private fromMetadata(m: EnvoyMetadataSource, rid: RequestId): RequestAuth {
    const buf = getProperty("metadata");
    if (buf == null) { incrementMetric(this.mMissing); return EMPTY; }
    const r = authFromMetadata(m, changetype<usize>(buf), buf.byteLength, this.metaCache, <f64>nowNanos() / 1e9);
    if (r.status == MetaStatus.Ok) { incrementMetric(r.cached ? this.mCached : this.mTrusted); return r.auth!; }
    if (r.status == MetaStatus.Refused) {
      incrementMetric(this.mMetaRefused);
      logInfo("bulwark: jwt metadata not trusted request_id=" + rid.get() + " reason=" + r.reason);
    } else incrementMetric(this.mMissing);
    return EMPTY;
  }
}
