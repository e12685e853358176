/**
 * ByteBuf: a growable byte buffer meant to be reused across requests.
 *
 * The WAF keeps one ByteBuf per purpose (a transformation output, a decoded body value …) for
 * the life of the VM and calls `reset()` per request, so the steady state allocates nothing.
 * `ptr` is the address of the first byte, `len` the bytes in use, `cap` the capacity. Growing
 * doubles the capacity and MOVES the bytes (ptr changes): never keep `ptr` across an append
 * unless `reserve()` was called for the whole size first (then appends up to that size keep it).
 *
 * Example:
 *   const b = new ByteBuf(64); b.reset(); b.push(0x41); b.append(p, n); use(b.ptr, b.len);
 */
import { sameBytes } from "../util/bytes";

export class ByteBuf {
  ptr: usize = 0;
  len: i32 = 0;
  cap: i32 = 0;
  private store: ArrayBuffer;

  constructor(initial: i32 = 64) {
    if (initial < 16) initial = 16;
    this.store = new ArrayBuffer(initial);
    this.ptr = changetype<usize>(this.store);
    this.cap = initial;
  }

  /** Forget the content, keep the memory. */
  @inline reset(): void { this.len = 0; }

  /** Make room for `extra` more bytes after `len` (ptr may move). */
  reserve(extra: i32): void {
    const need = <i64>this.len + <i64>extra;
    if (need <= <i64>this.cap) return;
    if (need > 0x3fffffff) unreachable(); // 1 GiB: callers bound their inputs long before this
    let c = <i64>this.cap << 1;
    if (c < need) c = need;
    if (c > 0x3fffffff) c = 0x3fffffff;
    const nb = new ArrayBuffer(<i32>c);
    const np = changetype<usize>(nb);
    memory.copy(np, this.ptr, this.len);
    this.store = nb;
    this.ptr = np;
    this.cap = <i32>c;
  }

  /** Append one byte. */
  @inline push(b: u32): void {
    if (this.len >= this.cap) this.reserve(1);
    store<u8>(this.ptr + <usize>this.len, <u8>b);
    this.len++;
  }

  /** Append `n` bytes from address `p`. */
  append(p: usize, n: i32): void {
    if (n <= 0) return;
    this.reserve(n);
    memory.copy(this.ptr + <usize>this.len, p, n);
    this.len += n;
  }

  /** Append the UTF-8 bytes of an ASCII/UTF-8 string (slow path: messages, names). */
  appendString(s: string): void {
    const b = String.UTF8.encode(s);
    this.append(changetype<usize>(b), b.byteLength);
  }

  /** Replace the content with [p, p+n). */
  @inline set(p: usize, n: i32): void { this.len = 0; this.append(p, n); }

  /** Truncate to `n` bytes (n <= len). */
  @inline truncate(n: i32): void { if (n < this.len) this.len = n < 0 ? 0 : n; }

  /** Byte at i (unchecked). */
  @inline at(i: i32): u32 { return <u32>load<u8>(this.ptr + <usize>i); }

  /** Content as a String (decoded as UTF-8; for messages and tests, not the hot path). */
  toString(): string { return String.UTF8.decodeUnsafe(this.ptr, <usize>this.len); }
}

/**
 * One remembered byte string: the last value a check was found false on (a rule that did not
 * match it, a deny-list `contains` list not in it). A check that depends on the value's bytes
 * alone can skip a value this holds. Compared byte for byte, never by hash.
 *
 * Example: if (k.holds(p, n)) return false; … if (!hit) k.keep(p, n);
 */
export class KeptBytes {
  private buf: ByteBuf = new ByteBuf(16);
  private kept: bool = false;
  /** Whether [p, p+n) is the byte string kept. */
  holds(p: usize, n: i32): bool { return this.kept && this.buf.len == n && sameBytes(this.buf.ptr, p, n); }
  /** Keeps [p, p+n) (a copy). */
  keep(p: usize, n: i32): void { this.buf.reset(); this.buf.append(p, n); this.kept = true; }
}
