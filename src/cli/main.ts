// The `bulwark` command line. One file per command in src/cli/; this file only wires them up.
import { Command } from "commander";
import { validate } from "./validate.ts";
import { runPackTests } from "./test.ts";
import { runEval } from "./eval.ts";
import { dev } from "./dev.ts";
import { startDemoUpstream } from "../dev/upstream.ts";
import { authzExplain } from "./authz.ts";
import { importSeclangCommand } from "./import.ts";
import { ftwCommand } from "./ftw.ts";

const program = new Command();
program.name("bulwark").description("Bulwark: WAF and zero-trust authorization for Envoy, as one proxy-wasm module");

program
  .command("validate")
  .description("check configuration files with the real filter; prints each fault with its JSON path")
  .argument("<files...>", "plugin configuration files (JSON)")
  .option("-q, --quiet", "print nothing for valid files")
  .action(async (files: string[], opts) => { process.exitCode = await validate(files, opts); });

program
  .command("test")
  .description("run rule packs' own tests through the real filter (build/bulwark.wasm)")
  .argument("<packs...>", "pack files (or directories of them), or configurations with waf.packs")
  .option("-v, --verbose", "print passing tests too")
  .action(async (packs: string[], opts) => { process.exitCode = await runPackTests(packs, opts); });

program
  .command("eval")
  .description("run modsec-peer JSONL requests through the filter and write verdicts in the same format")
  .requiredOption("-i, --input <file>", "requests, one JSON object a line")
  .requiredOption("-o, --output <file>", "verdicts, one JSON object a line")
  .option("-c, --config <file>", "plugin configuration (default: the embedded rules/default.json)")
  .option("--repeat <k>", "process the input K times; us = median", "1")
  .action(async (opts) => { process.exitCode = await runEval(opts); });

program
  .command("dev")
  .description("run the filter in front of a demo upstream (what `npm start` runs)")
  .option("-c, --config <file>", "plugin configuration (default: the embedded rules/default.json)")
  .option("-p, --port <port>", "listen port (default: $PORT or 8080)")
  .option("--host <addr>", "listen address", "127.0.0.1")
  .option("--upstream <url>", "forward to this upstream instead of the built-in demo API")
  .option("--workers <n>", "worker VMs (Envoy runs one per worker thread)", "2")
  .option("--debug", "include decision details in replies (never in production)")
  .action(async (opts) => { await dev(opts); });

program
  .command("demo-upstream")
  .description("serve only the demo JSON API (the upstream of docker-compose.yaml)")
  .option("-p, --port <port>", "listen port", "9000")
  .option("--host <addr>", "listen address", "127.0.0.1")
  .action(async (opts) => {
    const { url } = await startDemoUpstream(Number(opts.port), opts.host);
    console.log(`demo upstream listening on ${url}`);
  });

program
  .command("import")
  .description("convert rules from other formats into Bulwark rule packs")
  .command("seclang")
  .description("convert ModSecurity SecLang (.conf files or directories) into one JSON rule pack; problems are printed as file:line: reason")
  .argument("<paths...>", "SecLang files or directories (their *.conf, in name order)")
  .option("-o, --output <file>", "write the pack here (default: stdout)")
  .option("--id <id>", "pack id", "seclang")
  .option("--allow-partial", "leave out what cannot be converted instead of failing")
  .option("--no-check", "do not load the pack into build/bulwark.wasm to find what the engine refuses")
  .action(async (paths: string[], opts) => { process.exitCode = await importSeclangCommand(paths, opts); });

program
  .command("ftw")
  .description("run the CRS go-ftw regression tests through the real filter; one line per failing test, then N passed, N failed, N skipped")
  .option("--crs <dir>", "CRS directory (crs-setup.conf.example, rules/, tests/regression/tests)", "../shared/crs")
  .option("--tests <dir>", "test directory (default: <crs>/tests/regression/tests)")
  .option("--include <regex>", "only tests whose name (<rule>-<test_id>) matches")
  .option("--exclude <regex>", "leave out tests whose name matches")
  .option("--overrides <file>", "YAML test_overrides ({rule_id, test_ids, reason[, output]}) to skip or re-check (default: test/conformance/crs-ftw-overrides.yaml)")
  .option("--no-overrides", "apply no overrides")
  .option("--paranoia <n>", "paranoia level (blocking = detection); the CRS tests assume 4", "4")
  .option("--json <file>", "write every test's outcome, status and fired rules here")
  .option("-v, --verbose", "print passing and skipped tests too")
  .option("-q, --quiet", "do not print import problems and notes")
  .action(async (opts) => { process.exitCode = await ftwCommand(opts); });

const authz = program.command("authz").description("zero-trust authorization (Istio AuthorizationPolicy semantics)");
authz
  .command("explain")
  .description("which policies matched a request, in evaluation order, and why (exit 0 allowed, 3 denied)")
  .requiredOption("-c, --config <file>", "plugin configuration with an `authz` section")
  .requiredOption("-r, --request <file>", "the request as JSON: method, path, authority, headers, properties, auth")
  .action(async (opts) => { process.exitCode = await authzExplain(opts); });

program.parseAsync(process.argv).catch((e) => {
  console.error(`bulwark: ${e?.message ?? e}`);
  process.exit(2);
});
