// `bulwark dev` (what `npm start` runs): the filter in front of the demo upstream, on 127.0.0.1.
import type { AddressInfo } from "node:net";
import { Host, ConfigureError } from "../host/index.ts";
import { createProxy } from "../dev/proxy.ts";
import { startDemoUpstream } from "../dev/upstream.ts";
import { filterWasm, readConfiguration, defaultConfiguration, configurationFaults } from "./common.ts";

export interface DevOptions { config?: string; port?: string; host: string; upstream?: string; workers: string; debug?: boolean }

export async function dev(opts: DevOptions): Promise<void> {
  let configuration = opts.config ? readConfiguration(opts.config) : defaultConfiguration();
  if (opts.debug) {
    const c = JSON.parse(configuration);
    c.debug = true;
    configuration = JSON.stringify(c);
  }
  let host: Host;
  try {
    host = await Host.create({
      wasm: filterWasm(),
      configuration,
      workers: Math.max(1, Number(opts.workers) || 1),
      onLog: (e) => { if (e.level >= 2) console.log(`[filter w${e.worker}] ${e.message}`); },
    });
  } catch (e) {
    if (e instanceof ConfigureError) {
      console.error(`bulwark dev: the filter refused the configuration${opts.config ? ` in ${opts.config}` : ""}:`);
      for (const f of configurationFaults(e.logs)) console.error(`  ${f}`);
      process.exit(1);
    }
    throw e;
  }
  const upstream = opts.upstream ?? (await startDemoUpstream()).url;
  const proxy = createProxy({ host, upstream, accessLog: (l) => console.log(l) });
  const port = Number(opts.port ?? process.env.PORT ?? 8080);
  await new Promise<void>((ok, fail) => { proxy.once("error", fail); proxy.listen(port, opts.host, ok); });
  const addr = proxy.address() as AddressInfo;
  const base = `http://${addr.address}:${addr.port}`;
  console.log(`bulwark dev: filter build/bulwark.wasm on ${opts.config ?? "the embedded default configuration (rules/default.json)"}`);
  console.log(`bulwark dev: listening on ${base}, upstream ${opts.upstream ?? `demo API at ${upstream}`}`);
  console.log(`  try:      curl -i ${base}/api/items`);
  console.log(`  blocked:  curl -i ${base}/.git/config        (403, deny list rule deny-dotfiles)`);
  console.log(`            curl -i -A sqlmap/1.7 ${base}/api/items  (403, deny-scanner-user-agents)`);
  const stop = () => { proxy.close(); host.close(); process.exit(0); };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
