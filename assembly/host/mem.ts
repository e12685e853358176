// Out-parameters for host calls. The host writes a pointer (allocated through our exported `malloc`,
// which pins an ArrayBuffer) and a size; `takeBuffer` adopts that allocation as a managed ArrayBuffer.
import { free } from "@solo-io/proxy-runtime/assembly/malloc";
import { noteGarbage } from "../gc";

const outPtr = memory.data(8);
const outSize = memory.data(8);
const outU32 = memory.data(8);

export function ptrSlot(): usize { store<usize>(outPtr, 0); return outPtr; }
export function sizeSlot(): usize { store<usize>(outSize, 0); return outSize; }
export function u32Slot(): usize { store<u32>(outU32, 0); return outU32; }
export function u32Value(): u32 { return load<u32>(outU32); }

/** Adopts the buffer the host allocated into the slots; null when the host wrote nothing. */
export function takeBuffer(): ArrayBuffer | null {
  const p = load<usize>(outPtr);
  const n = load<usize>(outSize);
  if (p == 0) return n == 0 ? new ArrayBuffer(0) : null;
  const buf = changetype<ArrayBuffer>(p);
  free(p); // unpin: from here the GC owns it, and `buf` keeps it alive
  noteGarbage(<usize>n);   // it is garbage by the end of the stream (gc.ts)
  return buf;
}

/** Encodes a string as UTF-8 (used for names given in configuration, not for request data). */
export function utf8(s: string): ArrayBuffer { return String.UTF8.encode(s); }
