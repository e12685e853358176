/**
 * Writes test/corpus/attack.jsonl and test/corpus/benign.jsonl (modsec-peer / `bulwark eval` input format)
 * from our own seed payloads and templates. Deterministic: a seeded PRNG, no clock, no network, so
 * `node --import tsx test/corpus/generate.ts` reproduces the committed files byte for byte (the corpus
 * test checks this).
 *
 * Argument: `--check` compares instead of writing (exit 1 on a difference). Result: the two files.
 * Example: `node --import tsx test/corpus/generate.ts && git diff --stat test/corpus`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { toLine } from "./lib.ts";
import { attacks } from "./attacks.ts";
import { benign } from "./benign.ts";

export function generate(): { attack: string; benign: string } {
  return {
    attack: attacks().map(toLine).join("\n") + "\n",
    benign: benign().map(toLine).join("\n") + "\n",
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = dirname(fileURLToPath(import.meta.url));
  const out = generate();
  const check = process.argv.includes("--check");
  let bad = 0;
  for (const [name, text] of [["attack.jsonl", out.attack], ["benign.jsonl", out.benign]] as const) {
    const p = join(dir, name);
    if (check) {
      let cur = ""; try { cur = readFileSync(p, "utf8"); } catch { /* missing */ }
      if (cur !== text) { console.error(`${name}: differs from the generator output`); bad++; }
    } else writeFileSync(p, text);
    console.log(`${name}: ${text.split("\n").length - 1} lines`);
  }
  process.exit(bad ? 1 : 0);
}
