import { ensureSandboxBundle } from "../src/lib/sandbox/bundle.ts";
console.log((await ensureSandboxBundle()).dir);
