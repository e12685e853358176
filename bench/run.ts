// `npm run bench`: runs every bench/*.bench.ts in turn. Each exports `default async () => void`
// and prints its own section: ratios against a baseline measured in the same run.
import { readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).sort();
console.log(`bulwark bench — node ${process.version}, ${new Date().toISOString()}`);
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, "");
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  const mod = await import(pathToFileURL(join(dir, f)).href);
  await mod.default();
}
