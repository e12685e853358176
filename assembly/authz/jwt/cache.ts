// Verified tokens, cached per VM by SHA-256 of the token text, until they expire.
//
// An entry holds what a verified token gives a request (its RequestAuth and output headers),
// the rule that accepted it and `until` (the token's exp plus the clock skew; tokens without exp
// stay at most NO_EXP_TTL seconds). Bounded both in entries and in bytes (an estimate: token
// length + 4 × payload length + 256 per entry); the oldest entries go first (FIFO). Only tokens
// that verified are cached: a refused token is checked again each time (refusals are cheap to
// produce and must never be pinned by a forged token colliding in the cache).
// Example: const e = cache.get(hashPtr, now); if (e == null) { ...verify...; cache.put(entry) }
import { RequestAuth } from "../attributes";

export const NO_EXP_TTL: f64 = 300;

export class CacheEntry {
  hash: StaticArray<u8> = new StaticArray<u8>(32);
  key: u64 = 0;
  until: f64 = 0;
  rule: i32 = 0;
  cost: i32 = 0;
  dead: bool = false;
  auth: RequestAuth = new RequestAuth();
  setHeaders: Array<string> = [];
}

export class TokenCache {
  private map: Map<u64, CacheEntry> = new Map();
  private order: Array<CacheEntry> = [];
  bytes: i32 = 0;
  hits: u64 = 0;
  misses: u64 = 0;

  constructor(public maxEntries: i32, public maxBytes: i32) {}

  get size(): i32 { return this.map.size; }

  /** The live entry for the 32-byte hash at `h`, or null (expired entries are dropped). */
  get(h: usize, now: f64): CacheEntry | null {
    const key = load<u64>(h);
    if (!this.map.has(key)) { this.misses++; return null; }
    const e = this.map.get(key);
    if (memory.compare(changetype<usize>(e.hash), h, 32) != 0) { this.misses++; return null; }
    if (now > e.until) { this.drop(e); this.misses++; return null; }
    this.hits++;
    return e;
  }

  put(h: usize, e: CacheEntry): void {
    if (this.maxEntries <= 0 || e.cost > this.maxBytes) return;
    memory.copy(changetype<usize>(e.hash), h, 32);
    e.key = load<u64>(h);
    if (this.map.has(e.key)) this.drop(this.map.get(e.key));
    while (this.map.size >= this.maxEntries || this.bytes + e.cost > this.maxBytes) {
      if (this.order.length == 0) break;
      const old = this.order.shift();
      if (!old.dead) this.drop(old);
    }
    this.map.set(e.key, e);
    this.order.push(e);
    this.bytes += e.cost;
    // entries dropped early stay in `order` marked dead; compact when they pile up
    if (this.order.length > 2 * this.maxEntries + 16) {
      const live = new Array<CacheEntry>();
      for (let i = 0; i < this.order.length; i++) if (!this.order[i].dead) live.push(this.order[i]);
      this.order = live;
    }
  }

  private drop(e: CacheEntry): void {
    if (e.dead) return;
    e.dead = true;
    if (this.map.has(e.key) && this.map.get(e.key) == e) this.map.delete(e.key);
    this.bytes -= e.cost;
  }

  clear(): void { this.map.clear(); this.order = []; this.bytes = 0; }
}
