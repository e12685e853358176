// A request's id for logs and replies: the x-request-id header Envoy's connection manager sets,
// or one the filter mints. Decoded into a string only when a log line, a reply or the WAF's
// UNIQUE_ID needs it (most requests need none: an allowed request logs nothing).
//
// Example: rid.fromHeader(h, h.find(X_REQUEST_ID)); … logInfo("… request_id=" + rid.get());
import { HeaderMap } from "./headers";
import { UniqueIdSource } from "../waf/engine/transaction";

export class RequestId extends UniqueIdSource {
  private map: HeaderMap | null = null;
  private idx: i32 = -1;
  private s: string | null = null;

  /** The value of header `idx` of `map` (which must stay as it is while this id is used). */
  fromHeader(map: HeaderMap, idx: i32): void { this.map = map; this.idx = idx; this.s = null; }
  /** A given id. */
  set(s: string): void { this.map = null; this.idx = -1; this.s = s; }

  get(): string {
    const s = this.s;
    if (s != null) return s;
    const m = this.map;
    const d = m != null ? m.valueString(this.idx) : "";
    this.s = d;
    return d;
  }
}
