// The host seam: the only files in assembly/ that import @solo-io/proxy-runtime are in assembly/host/.
// Everything else calls these helpers, which work on bytes and reuse buffers where they can.
import * as imports from "@solo-io/proxy-runtime/assembly/imports";
export { imports };
export {
  RootContext, Context, registerRootContext, LogLevelValues, WasmResultValues,
  FilterHeadersStatusValues, FilterDataStatusValues, FilterTrailersStatusValues,
} from "@solo-io/proxy-runtime/assembly";

// Header map types (proxy-wasm ABI 0.2.1, "proxy_get_header_map_value").
export const enum MapType { RequestHeaders = 0, RequestTrailers = 1, ResponseHeaders = 2, ResponseTrailers = 3 }
// Buffer types (proxy-wasm ABI 0.2.1, "proxy_get_buffer_bytes").
export const enum BufType { RequestBody = 0, ResponseBody = 1, VmConfiguration = 6, PluginConfiguration = 7 }
