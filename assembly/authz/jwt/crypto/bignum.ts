// Multi-precision unsigned integers and Montgomery modular arithmetic for RSA and the curves.
//
// Numbers are little-endian arrays of u32 limbs at raw pointers, `k` limbs each; products use u64.
// `Mont` holds one odd modulus n (up to `maxLimbs` limbs, fixed at construction) with its
// Montgomery constants (R = 2^(32k)): mul(out, a, b) = a*b/R mod n (CIOS), toMont / fromMont,
// add / sub mod n, pow(out, aMont, expLimbs, expK) (binary for short exponents such as 65537,
// 4-bit fixed window otherwise) and inv(out, aMont) = a^(n-2) (Fermat; n must be prime).
// All buffers are allocated once, when the context is built; arithmetic allocates nothing.
// Outputs may alias inputs. Operands must be < n.
// Example:
//   const m = new Mont(130); m.setModulusBytes(nPtr, nLen);   // RSA modulus, big-endian
//   bnFromBytes(S, m.k, sigPtr, sigLen); m.toMont(S, S); m.pow(S, S, E, 1); m.fromMont(S, S);

// ---- plain limb helpers -------------------------------------------------------------------

// @ts-ignore: decorator
@inline export function limb(p: usize, idx: i32): u32 { return load<u32>(p + (<usize>idx << 2)); }
// @ts-ignore: decorator
@inline export function setLimb(p: usize, idx: i32, v: u32): void { store<u32>(p + (<usize>idx << 2), v); }

export function bnZero(p: usize, k: i32): void { memory.fill(p, 0, <usize>k << 2); }
export function bnCopy(dst: usize, src: usize, k: i32): void { memory.copy(dst, src, <usize>k << 2); }

export function bnIsZero(p: usize, k: i32): bool {
  for (let i = 0; i < k; i++) if (limb(p, i) != 0) return false;
  return true;
}

/** -1, 0, 1 as a <, =, > b. */
export function bnCmp(a: usize, b: usize, k: i32): i32 {
  for (let i = k - 1; i >= 0; i--) {
    const x = limb(a, i), y = limb(b, i);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/** out = a + b, returns the carry. */
export function bnAdd(out: usize, a: usize, b: usize, k: i32): u32 {
  let c: u64 = 0;
  for (let i = 0; i < k; i++) {
    c += <u64>limb(a, i) + <u64>limb(b, i);
    setLimb(out, i, <u32>c);
    c >>= 32;
  }
  return <u32>c;
}

/** out = a - b, returns the borrow (1 if a < b). */
export function bnSub(out: usize, a: usize, b: usize, k: i32): u32 {
  let br: i64 = 0;
  for (let i = 0; i < k; i++) {
    br += <i64>limb(a, i) - <i64>limb(b, i);
    setLimb(out, i, <u32>br);
    br >>= 32;
  }
  return <u32>(br & 1);
}

/** Number of significant bits. */
export function bnBitLen(p: usize, k: i32): i32 {
  for (let i = k - 1; i >= 0; i--) {
    const x = limb(p, i);
    if (x != 0) return (i << 5) + 32 - <i32>clz<u32>(x);
  }
  return 0;
}

@inline export function bnBit(p: usize, i: i32): u32 { return (limb(p, i >> 5) >>> <u32>(i & 31)) & 1; }

/** Big-endian bytes [src, src+len) into k limbs; false if the value does not fit. */
export function bnFromBytes(dst: usize, k: i32, src: usize, len: i32): bool {
  bnZero(dst, k);
  for (let i = 0; i < len; i++) {
    const b = <u32>load<u8>(src + (len - 1 - i));
    if (b == 0) continue;
    const li = i >> 2;
    if (li >= k) return false;
    setLimb(dst, li, limb(dst, li) | (b << (<u32>(i & 3) << 3)));
  }
  return true;
}

/** k limbs into `len` big-endian bytes (high limbs beyond len must be zero). */
export function bnToBytes(dst: usize, len: i32, src: usize, k: i32): void {
  for (let i = 0; i < len; i++) {
    const li = i >> 2;
    const b = li < k ? (limb(src, li) >>> (<u32>(i & 3) << 3)) & 0xff : 0;
    store<u8>(dst + (len - 1 - i), <u8>b);
  }
}

/** Little-endian bytes into k limbs (Ed25519 encodings); false if it does not fit. */
export function bnFromBytesLE(dst: usize, k: i32, src: usize, len: i32): bool {
  bnZero(dst, k);
  for (let i = 0; i < len; i++) {
    const b = <u32>load<u8>(src + i);
    if (b == 0) continue;
    const li = i >> 2;
    if (li >= k) return false;
    setLimb(dst, li, limb(dst, li) | (b << (<u32>(i & 3) << 3)));
  }
  return true;
}

export function bnToBytesLE(dst: usize, len: i32, src: usize, k: i32): void {
  for (let i = 0; i < len; i++) {
    const li = i >> 2;
    store<u8>(dst + i, <u8>(li < k ? (limb(src, li) >>> (<u32>(i & 3) << 3)) & 0xff : 0));
  }
}

/** Big-endian byte string without its leading zero bytes: returns the new start offset. */
export function skipZeros(p: usize, len: i32): i32 {
  let i = 0;
  while (i < len && load<u8>(p + i) == 0) i++;
  return i;
}

@inline function alloc(limbs: i32): usize {
  const p = heap.alloc(<usize>limbs << 2);
  memory.fill(p, 0, <usize>limbs << 2);
  return p;
}

// ---- Montgomery context -------------------------------------------------------------------

export class Mont {
  maxLimbs: i32;
  k: i32 = 0;
  n: usize;      // modulus
  n0: u32 = 0;   // -n^-1 mod 2^32
  r2: usize;     // R^2 mod n
  one: usize;    // R mod n (Montgomery 1)
  plain1: usize; // the integer 1
  nm2: usize;    // n - 2 (Fermat exponent)
  t: usize;      // k+2 scratch for mul
  u: usize;      // scratch
  acc: usize;    // pow accumulator
  table: usize;  // pow window table, 16 entries

  constructor(maxLimbs: i32) {
    this.maxLimbs = maxLimbs;
    this.n = alloc(maxLimbs + 1);
    this.r2 = alloc(maxLimbs + 1);
    this.one = alloc(maxLimbs + 1);
    this.plain1 = alloc(maxLimbs + 1);
    this.nm2 = alloc(maxLimbs + 1);
    this.t = alloc(maxLimbs + 3);
    this.u = alloc(maxLimbs + 1);
    this.acc = alloc(maxLimbs + 1);
    this.table = alloc(16 * (maxLimbs + 1));
  }

  /** Modulus from big-endian bytes; false if zero, even or too long. */
  setModulusBytes(p: usize, len: i32): bool {
    const s = skipZeros(p, len);
    const bytes = len - s;
    if (bytes == 0) return false;
    const k = (bytes + 3) >> 2;
    if (k > this.maxLimbs) return false;
    // same modulus as last time (a JWKS key used again): keep the constants
    bnFromBytes(this.u, k, p + s, bytes);
    if (this.k == k && bnCmp(this.u, this.n, k) == 0) return true;
    this.k = 0;
    bnCopy(this.n, this.u, k);
    return this.init(k);
  }

  /** Modulus from k limbs at `src`. */
  setModulusLimbs(src: usize, k: i32): bool {
    if (k > this.maxLimbs || k <= 0) return false;
    bnCopy(this.n, src, k);
    return this.init(k);
  }

  private init(k: i32): bool {
    const n = this.n;
    if ((limb(n, 0) & 1) == 0 || limb(n, k - 1) == 0) return false;
    this.k = k;
    // n0 = -n^-1 mod 2^32 by Newton iteration
    const a = limb(n, 0);
    let x: u32 = a;
    for (let i = 0; i < 5; i++) x *= 2 - a * x;
    this.n0 = -x;
    // plain 1
    bnZero(this.plain1, k); setLimb(this.plain1, 0, 1);
    // n - 2
    bnCopy(this.nm2, n, k);
    let br: i64 = -2;
    for (let i = 0; i < k && br != 0; i++) {
      br += <i64>limb(this.nm2, i);
      setLimb(this.nm2, i, <u32>br);
      br >>= 32;
    }
    // R mod n: start from 2^(bits-1) < n and double up to 2^(32k)
    const bits = bnBitLen(n, k);
    const one = this.one;
    bnZero(one, k);
    setLimb(one, (bits - 1) >> 5, 1 << <u32>((bits - 1) & 31));
    for (let i = bits - 1; i < (k << 5); i++) this.dbl(one);
    // Montgomery form of 2^k, then five squarings give R^2 (the form of 2^(32k) = R)
    const r2 = this.r2;
    bnCopy(r2, one, k);
    for (let i = 0; i < k; i++) this.dbl(r2);
    for (let i = 0; i < 5; i++) this.mul(r2, r2, r2);
    return true;
  }

  /** x = 2x mod n (x < n). */
  private dbl(x: usize): void {
    const k = this.k;
    let c: u32 = 0;
    for (let i = 0; i < k; i++) {
      const v = limb(x, i);
      setLimb(x, i, (v << 1) | c);
      c = v >>> 31;
    }
    if (c != 0 || bnCmp(x, this.n, k) >= 0) bnSub(x, x, this.n, k);
  }

  /** out = a*b*R^-1 mod n (CIOS: multiply and reduce one limb of `a` at a time). */
  mul(out: usize, a: usize, b: usize): void {
    const k = this.k;
    const n = this.n;
    const t = this.t;
    const n0 = this.n0;
    const end = <usize>k << 2;
    memory.fill(t, 0, end + 8);
    const tk = t + end;
    for (let i: usize = 0; i < end; i += 4) {
      const ai = <u64>load<u32>(a + i);
      let c: u64 = 0;
      for (let j: usize = 0; j < end; j += 4) {
        c += <u64>load<u32>(t + j) + ai * <u64>load<u32>(b + j);
        store<u32>(t + j, <u32>c);
        c >>= 32;
      }
      c += <u64>load<u32>(tk);
      store<u32>(tk, <u32>c);
      const top = <u32>(c >> 32);
      const m32: u32 = load<u32>(t) * n0; // u32 wrap-around (a <u64> context would widen it)
      const m = <u64>m32;
      c = (<u64>load<u32>(t) + m * <u64>load<u32>(n)) >> 32;
      for (let j: usize = 4; j < end; j += 4) {
        c += <u64>load<u32>(t + j) + m * <u64>load<u32>(n + j);
        store<u32>(t + j - 4, <u32>c);
        c >>= 32;
      }
      c += <u64>load<u32>(tk);
      store<u32>(tk - 4, <u32>c);
      store<u32>(tk, top + <u32>(c >> 32));
    }
    if (load<u32>(tk) != 0 || bnCmp(t, n, k) >= 0) bnSub(t, t, n, k);
    bnCopy(out, t, k);
  }

  @inline sqr(out: usize, a: usize): void { this.mul(out, a, a); }
  @inline toMont(out: usize, a: usize): void { this.mul(out, a, this.r2); }
  @inline fromMont(out: usize, a: usize): void { this.mul(out, a, this.plain1); }

  /** out = a + b mod n. */
  add(out: usize, a: usize, b: usize): void {
    const c = bnAdd(out, a, b, this.k);
    if (c != 0 || bnCmp(out, this.n, this.k) >= 0) bnSub(out, out, this.n, this.k);
  }

  /** out = a - b mod n. */
  sub(out: usize, a: usize, b: usize): void {
    if (bnSub(out, a, b, this.k) != 0) bnAdd(out, out, this.n, this.k);
  }

  /** out = a^e (Montgomery form in and out); e is expK little-endian limbs. */
  pow(out: usize, a: usize, e: usize, expK: i32): void {
    const k = this.k;
    const bits = bnBitLen(e, expK);
    const acc = this.acc;
    if (bits == 0) { bnCopy(out, this.one, k); return; }
    if (bits <= 64) {
      bnCopy(this.u, a, k);
      bnCopy(acc, a, k);
      for (let i = bits - 2; i >= 0; i--) {
        this.mul(acc, acc, acc);
        if (bnBit(e, i)) this.mul(acc, acc, this.u);
      }
      bnCopy(out, acc, k);
      return;
    }
    const stride = <usize>(this.maxLimbs + 1) << 2;
    const tab = this.table;
    bnCopy(tab, this.one, k);
    bnCopy(tab + stride, a, k);
    for (let i = 2; i < 16; i++) this.mul(tab + stride * i, tab + stride * (i - 1), a);
    const windows = (bits + 3) >> 2;
    bnCopy(acc, this.one, k);
    for (let w = windows - 1; w >= 0; w--) {
      if (w != windows - 1) for (let s = 0; s < 4; s++) this.mul(acc, acc, acc);
      const bit = w << 2;
      const d = (limb(e, bit >> 5) >>> <u32>(bit & 31)) & 15;
      if (d != 0) this.mul(acc, acc, tab + stride * d);
    }
    bnCopy(out, acc, k);
  }

  /** out = a^-1 (Montgomery form in and out), for prime n; 0 maps to 0. */
  inv(out: usize, a: usize): void { this.pow(out, a, this.nm2, this.k); }
}
