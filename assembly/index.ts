// Entry of build/bulwark.wasm: the proxy-wasm ABI exports come from the runtime; our root context
// is registered for every root id (Istio's WasmPlugin and Envoy's `root_id` may name it freely).
export * from "@solo-io/proxy-runtime/assembly/proxy";
import { registerRootContext } from "./host/abi";
import { BulwarkRoot } from "./filter";
import { RootContext } from "./host/abi";

registerRootContext((id: u32): RootContext => new BulwarkRoot(id), "");
