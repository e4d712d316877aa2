// `pnpm bench` in packages/model-kit: prints the backend table; `--json` prints the JSON result;
// `--quick` uses smaller workloads.
import { formatBenchTable, runModelKitBench } from "./run.ts";

const args = new Set(process.argv.slice(2));
const json = args.has("--json");
const result = await runModelKitBench({
  quick: args.has("--quick"),
  onProgress: json ? undefined : (m) => process.stderr.write(`… ${m}\n`),
});
process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${formatBenchTable(result)}\n`);
