/**
 * The exercise check's runner on the grader: plans in the author sandbox and grades in the
 * student sandbox, exactly as a real grading does. This is how a course's own exercise is checked:
 * none of its code (tests, reference, mutants) runs in the grader's trusted process.
 */
import type { ExerciseRunner } from "@course/exercise-kit";
import type { CourseVersion } from "../course/runner.ts";
import { gradeSubmission, type GradingEngine } from "../grading.ts";

export function sandboxRunner(engine: GradingEngine, version: CourseVersion): ExerciseRunner {
  return {
    async plan(seed, visibility) {
      const plan = await engine.course.plan(version, seed, visibility);
      return {
        calls: plan.calls,
        cases: plan.cases.map((c) => ({
          name: c.name,
          ...(c.domainDeclared === undefined ? {} : { domainDeclared: c.domainDeclared }),
          ...(c.domainProblem === undefined ? {} : { domainProblem: c.domainProblem }),
        })),
      };
    },
    async grade(source, options) {
      return (
        await gradeSubmission(engine, version, source, {
          seed: options.seed,
          visibility: options.visibility,
        })
      ).report;
    },
  };
}
