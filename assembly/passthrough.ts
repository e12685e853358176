// Entry of build/passthrough.wasm: the benchmark floor. The same runtime, build flags and garbage
// collection policy as the filter, a configuration it does not parse, and one request-header
// lookup per request.
export * from "@solo-io/proxy-runtime/assembly/proxy";
import { registerRootContext, RootContext, Context, FilterHeadersStatusValues, MapType } from "./host/abi";
import { getHeader } from "./host/headers";
import { collectIfDue } from "./gc";

class PassRoot extends RootContext {
  onConfigure(_size: u32): bool { return true; }
  createContext(id: u32): Context { return new PassStream(id, this); }
}
class PassStream extends Context {
  onRequestHeaders(_n: u32, _eos: bool): FilterHeadersStatusValues {
    getHeader(MapType.RequestHeaders, ":path");
    return FilterHeadersStatusValues.Continue;
  }
  onDelete(): void { collectIfDue(); }   // the same collection policy as the filter (gc.ts)
}
registerRootContext((id: u32): RootContext => new PassRoot(id), "");
