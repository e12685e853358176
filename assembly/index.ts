// Entry of build/bulwark.wasm: the proxy-wasm ABI exports come from the runtime; our root context
// is registered for every root id (Istio's WasmPlugin and Envoy's `root_id` may name it freely).
export * from "@solo-io/proxy-runtime/assembly/exports";
// the runtime's `free`, and our `malloc` (host/mem.ts: host data may land in a buffer we own)
export { free } from "@solo-io/proxy-runtime/assembly/malloc";
export { malloc } from "./host/mem";
import { registerRootContext } from "./host/abi";
import { BulwarkRoot } from "./filter";
import { RootContext } from "./host/abi";

registerRootContext((id: u32): RootContext => new BulwarkRoot(id), "");
