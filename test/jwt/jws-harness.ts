// Node loader for build/harness/authz-jwt.wasm: the in-filter JWS layer (JWK parsing, strict
// base64url, alg/key matching, signature check) for the Wycheproof JWS file, tests and the bench.
// Example:
//   const h = await loadJws();
//   h.verify('{"keys":[...]}', token)  // => 0 when valid, else a JwsError code (-1: key refused)
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const JWS_WASM = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "build", "harness", "authz-jwt.wasm");
export const JWS_ERRORS = ["ok", "malformed", "bad base64url", "bad header", "unsupported alg", "no fitting key", "bad signature"];

export interface JwsHarness {
  /** 0: verified; 1..6: JwsError; -1: the key set was refused (see lastError()) */
  verify(jwks: string, token: string, allowHmac?: boolean): number;
  lastError(): string;
  /** the google.protobuf.Struct bytes as the filter reads them (assembly/authz/jwt/pbstruct.ts), as JSON text; a number: the refusal status */
  pbStructJson(bytes: Uint8Array): string | number;
}

export async function loadJws(path = JWS_WASM): Promise<JwsHarness> {
  const mod = await WebAssembly.compile(readFileSync(path));
  const inst = await WebAssembly.instantiate(mod, {
    env: { abort(_m: number, _f: number, line: number, col: number) { throw new Error(`jws harness abort at ${line}:${col}`); } },
  });
  const x = inst.exports as any;
  const mem = x.memory as WebAssembly.Memory;
  const enc = new TextEncoder();
  return {
    verify(jwks, token, allowHmac = true) {
      const k = enc.encode(jwks), t = enc.encode(token);
      const kAligned = (k.length + 7) & ~7;
      const base = x.arena(kAligned + t.length + 8) >>> 0;
      const view = new Uint8Array(mem.buffer);
      view.set(k, base);
      view.set(t, base + kAligned);
      return x.jwsVerify(base, k.length, base + kAligned, t.length, allowHmac ? 1 : 0);
    },
    pbStructJson(bytes) {
      const inAligned = (bytes.length + 7) & ~7;
      let cap = 4 * bytes.length + 1024;
      for (;;) {
        const base = x.arena(inAligned + cap) >>> 0;
        new Uint8Array(mem.buffer).set(bytes, base);
        const n = x.pbStructJson(base, bytes.length, base + inAligned, cap);
        if (n < 0) return -n;
        if (n <= cap) return new TextDecoder().decode(new Uint8Array(mem.buffer, base + inAligned, n));
        cap = n;
      }
    },
    lastError() {
      const base = x.arena(4096) >>> 0;
      const n = x.lastError(base, 4096);
      return new TextDecoder().decode(new Uint8Array(mem.buffer, base, Math.min(n, 4096)));
    },
  };
}
