// `bulwark validate FILE…`: loads each configuration into the real filter (build/bulwark.wasm through
// the proxy-wasm host, exactly as Envoy would call proxy_on_configure) and prints the faults the
// filter reports, each with its JSON path. Exit 0 when every file is accepted, 1 otherwise.
import { Host, ConfigureError } from "../host/index.ts";
import { filterWasm, readConfiguration, configurationFaults } from "./common.ts";

export async function validate(files: string[], opts: { quiet?: boolean }): Promise<number> {
  const wasm = filterWasm();
  let bad = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readConfiguration(file);
    } catch (e) {
      console.error(`${file}: cannot read: ${(e as Error).message}`);
      bad++;
      continue;
    }
    try {
      const host = await Host.create({ wasm, configuration: text });
      host.close();
      if (!opts.quiet) console.log(`${file}: valid`);
    } catch (e) {
      if (!(e instanceof ConfigureError)) throw e;
      bad++;
      const faults = configurationFaults(e.logs);
      if (faults.length === 0) faults.push(e.message);
      for (const f of faults) console.error(`${file}: ${f}`);
    }
  }
  return bad ? 1 : 0;
}
