// Paired A/B of filter builds (DEVELOPERS.md, "Measuring the filter's per-request cost"):
//   node --import tsx bench/ab.ts build/bulwark.wasm /tmp/variant.wasm build/passthrough.wasm@pass
// Each argument is a module, optionally @config.json (default rules/default.json) or @pass (empty
// configuration). Per round every build serves --requests requests of one case (the order
// alternates between rounds); prints each build's median per-request time and the median of its
// per-round differences to the first build. The VM drifts by 10-20% within a minute: the paired
// difference stays steadier than two separate runs; and two VMs of one build can differ by a few
// percent (memory placement), so each build runs on several (--instances) in turn.
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { Host } from "../src/host/index.ts";
import { cases, once, freshVariants, type Case } from "./filter.bench.ts";

const cli = new Command("ab")
  .argument("<builds...>", "wasm[@config.json|@pass]")
  .option("--case <list>", "cases: clean, headers30, post64k, fresh (a new x-request-id and query each request)", "clean")
  .option("--rounds <n>", "rounds", "80")
  .option("--requests <n>", "requests per build per round", "500")
  .option("--instances <n>", "VMs per build, taken in turn (two VMs of one build can differ by a few %)", "3")
  .parse();
const opts = cli.opts<{ case: string; rounds: string; requests: string; instances: string }>();
const rounds = Number(opts.rounds), per = Number(opts.requests), instances = Number(opts.instances);

const defaultConfig = readFileSync("rules/default.json", "utf8");
const builds = await Promise.all(cli.args.map(async (arg) => {
  const at = arg.lastIndexOf("@");
  const [wasm, cfg] = at > 0 ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, ""];
  const configuration = cfg === "pass" ? "" : cfg ? readFileSync(cfg, "utf8") : defaultConfig;
  const hosts: Host[] = [];
  for (let k = 0; k < instances; k++) hosts.push(await Host.create({ wasm: readFileSync(wasm), configuration }));
  return { label: arg, hosts };
}));

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
const named: Record<string, () => Case[]> = {
  clean: () => [cases()[0]], headers30: () => [cases()[1]], post64k: () => [cases()[2]],
  fresh: () => freshVariants(cases()[0], 4096),
};
for (const name of opts.case.split(",")) {
  const make = named[name];
  if (!make) throw new Error(`unknown case '${name}' (${Object.keys(named).join(", ")})`);
  const variants = make();
  let q = 0;
  const next = () => variants[q++ % variants.length];
  for (const b of builds) for (const h of b.hosts) for (let k = 0; k < 3000; k++) once(h, next());   // warm up
  const t = builds.map((): number[] => []);
  for (let r = 0; r < rounds; r++) {
    const order = builds.map((_, i) => i);
    if (r & 1) order.reverse();
    for (const i of order) {
      const t0 = process.hrtime.bigint();
      const h = builds[i].hosts[r % instances];
      for (let k = 0; k < per; k++) once(h, next());
      t[i].push(Number(process.hrtime.bigint() - t0) / per / 1000);
    }
  }
  console.log(`${name}: median µs/request over ${rounds} rounds of ${per}`);
  builds.forEach((b, i) => {
    const d = median(t[i].map((v, r) => v - t[0][r]));
    const diff = i === 0 ? "" : `  ${d >= 0 ? "+" : ""}${d.toFixed(3)} vs first`;
    console.log(`  ${median(t[i]).toFixed(2).padStart(7)}${diff.padEnd(20)}  ${b.label}`);
  });
}
for (const b of builds) for (const h of b.hosts) h.close();
