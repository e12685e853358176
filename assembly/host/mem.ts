// Out-parameters for host calls. The host writes a pointer (allocated through our exported `malloc`,
// which pins an ArrayBuffer) and a size; `takeBuffer` adopts that allocation as a managed ArrayBuffer.
// A caller that owns a buffer may offer it for the next allocation instead (`offerLanding`): the
// host's data then lands in it, with no allocation, pinning or garbage (HeaderMap.fetch).
import { free, malloc as runtimeMalloc } from "@solo-io/proxy-runtime/assembly/malloc";
import { noteGarbage } from "../gc";

let landing: ArrayBuffer | null = null;
let landed = false;

/**
 * The module's allocation function for the host (cpp-host WasmBase::getFunctions: `malloc` when
 * there is no proxy_on_memory_allocate; index.ts exports this one instead of the runtime's). As the
 * runtime's: a new ArrayBuffer, pinned until takeBuffer adopts it; but the first allocation after
 * offerLanding that fits in the offered buffer returns that buffer.
 */
export function malloc(size: i32): usize {
  const l = landing;
  if (l != null) {
    landing = null;
    if (size >= 0 && size <= l.byteLength) { landed = true; return changetype<usize>(l); }
  }
  return runtimeMalloc(size);
}

/** Offers `buf` (owned by the caller, rooted) for the next host allocation; call tookLanding() after the host call. */
export function offerLanding(buf: ArrayBuffer): void { landing = buf; landed = false; }

/** After a host call: did its allocation land in the offered buffer? Withdraws the offer. */
export function tookLanding(): bool {
  const r = landed;
  landing = null; landed = false;
  return r;
}

const outPtr = memory.data(8);
const outSize = memory.data(8);
const outU32 = memory.data(8);

export function ptrSlot(): usize { store<usize>(outPtr, 0); return outPtr; }
export function sizeSlot(): usize { store<usize>(outSize, 0); return outSize; }
/** The pointer the host wrote into ptrSlot(). */
export function ptrValue(): usize { return load<usize>(outPtr); }
/** The size the host wrote into sizeSlot(). */
export function sizeValue(): usize { return load<usize>(outSize); }
export function u32Slot(): usize { store<u32>(outU32, 0); return outU32; }
export function u32Value(): u32 { return load<u32>(outU32); }

/** Adopts the buffer the host allocated into the slots; null when the host wrote nothing. */
export function takeBuffer(): ArrayBuffer | null {
  const p = ptrValue();
  const n = sizeValue();
  if (p == 0) return n == 0 ? new ArrayBuffer(0) : null;
  const buf = changetype<ArrayBuffer>(p);
  free(p); // unpin: from here the GC owns it, and `buf` keeps it alive
  noteGarbage(<usize>n);   // it is garbage by the end of the stream (gc.ts)
  return buf;
}

/** Encodes a string as UTF-8 (used for names given in configuration, not for request data). */
export function utf8(s: string): ArrayBuffer { return String.UTF8.encode(s); }
