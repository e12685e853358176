// Bulwark's proxy-wasm host: runs the filter the way Envoy does (see host.ts, vm.ts, stream.ts).
export { Host, ConfigureError } from "./host.ts";
export type { HostOptions, LogEntry, Metric, SimRequest, SimResult, UpstreamResponse } from "./host.ts";
export { Stream, ByteBuf } from "./stream.ts";
export type { FilterStatus, StreamOptions, LocalReply } from "./stream.ts";
export { Vm, ProcExit } from "./vm.ts";
export { SharedData, SharedQueues } from "./shared.ts";
export type { HeaderList } from "./headers.ts";
export { normalizeHeaders } from "./headers.ts";
export { WasmResult } from "./abi.ts";
export { encodeMetadata, encodeStruct, encodeValue, metadataProperty, PropertyError } from "./pbstruct.ts";
export type { DynamicMetadata, StructValue, StructObject } from "./pbstruct.ts";
