import { loadExercise } from "@course/exercises";
import { compileSubmission, planGrading } from "@course/exercise-kit";
import { SandboxPool } from "../src/lib/sandbox/pool.ts";
const pool = await SandboxPool.start({ poolSize: 2 });
await pool.waitReady();
const ex = await loadExercise(process.argv[2] ?? "dense-forward");
const c = await compileSubmission(ex.solution);
if (!c.ok) throw new Error();
const plan = planGrading(ex, { seed: 1, visibility: "all" });
for (let i = 0; i < 8; i++) {
  await new Promise((r) => setTimeout(r, 400));
  const r = await pool.run({ code: c.code, calls: plan.calls, bans: ex.manifest.bans, allow: ex.manifest.allow });
  console.log(JSON.stringify(r.timings, (k, v) => (typeof v === "number" ? Math.round(v) : v)));
}
await pool.close();
