// proxy-wasm ABI 0.2.1 constants (spec: proxy-wasm/spec abi-versions/v0.2.1/README.md;
// proxy-wasm-cpp-host include/proxy-wasm/wasm_api_impl.h / context_interface.h enums).

/** proxy_status_t / WasmResult (cpp-host include/proxy-wasm/word.h, spec "proxy_status_t"). */
export const enum R {
  Ok = 0, NotFound = 1, BadArgument = 2, SerializationFailure = 3, ParseFailure = 4, BadExpression = 5,
  InvalidMemoryAccess = 6, Empty = 7, CasMismatch = 8, ResultMismatch = 9, InternalFailure = 10,
  BrokenConnection = 11, Unimplemented = 12,
}
export const WasmResult = {
  Ok: 0, NotFound: 1, BadArgument: 2, SerializationFailure: 3, ParseFailure: 4, BadExpression: 5,
  InvalidMemoryAccess: 6, Empty: 7, CasMismatch: 8, ResultMismatch: 9, InternalFailure: 10,
  BrokenConnection: 11, Unimplemented: 12,
} as const;

/** proxy_map_type_t */
export const enum MapType {
  RequestHeaders = 0, RequestTrailers = 1, ResponseHeaders = 2, ResponseTrailers = 3,
  GrpcReceiveInitialMetadata = 4, GrpcReceiveTrailingMetadata = 5, HttpCallResponseHeaders = 6,
  HttpCallResponseTrailers = 7,
}
/** proxy_buffer_type_t */
export const enum BufferType {
  HttpRequestBody = 0, HttpResponseBody = 1, DownstreamData = 2, UpstreamData = 3, HttpCallResponseBody = 4,
  GrpcReceiveBuffer = 5, VmConfiguration = 6, PluginConfiguration = 7, CallData = 8,
}
export const BUFFER_TYPE_MAX = 8;
/** proxy_filter_headers_status_t */
export const enum HeadersStatus { Continue = 0, StopIteration = 1, ContinueAndEndStream = 2, StopAllIterationAndBuffer = 3, StopAllIterationAndWatermark = 4 }
/** proxy_filter_data_status_t */
export const enum DataStatus { Continue = 0, StopIterationAndBuffer = 1, StopIterationAndWatermark = 2, StopIterationNoBuffer = 3 }
/** proxy_filter_trailers_status_t */
export const enum TrailersStatus { Continue = 0, StopIteration = 1 }
/** proxy_stream_type_t */
export const enum StreamType { Request = 0, Response = 1, Downstream = 2, Upstream = 3 }
/** proxy_metric_type_t */
export const enum MetricType { Counter = 0, Gauge = 1, Histogram = 2 }

export const LOG_LEVEL_NAMES = ["trace", "debug", "info", "warn", "error", "critical"] as const;

/** WASI errno values used by the wasi_snapshot_preview1 shims. */
export const enum Errno { Success = 0, Badf = 8, Fault = 21, Inval = 28, Nosys = 52, Notsup = 58 }
