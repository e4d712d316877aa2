import { rmSync } from "node:fs";

/** Removes the temp folder holding the e2e database (the servers have stopped by now). */
export default function globalTeardown() {
  const dir = process.env.E2E_DIR;
  if (dir && dir.includes("course-e2e-")) rmSync(dir, { recursive: true, force: true });
}
