// Worker entry: TypeScript sources need tsx's loader inside the thread as well.
import { register } from "tsx/esm/api";

register();
await import("./grade-worker.ts");
