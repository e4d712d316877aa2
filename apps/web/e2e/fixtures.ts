// Courses that exist only in the e2e database (created by setup-db.ts next to the demo course),
// so specs that need a particular assignment window or a known gradebook never touch the state
// other specs (running in parallel workers against the same database) rely on. They are not
// published: the catalog still lists only the demo course.

/** One course whose three assignments sit in the three states the exercise page must explain. */
export const STATES = {
  courseSlug: "e2e-assignment-states",
  courseTitle: "E2E assignment states",
  joinCode: "E2E-STATES-2026",
  /** Due date passed, late window open: submissions accepted at a 25 % penalty. */
  late: { exercise: "dense-forward", latePenalty: 0.25 },
  /** Due date and late window both passed: no submissions. */
  closed: { exercise: "activations" },
  /** Open, but one attempt only: a student's first submission uses it up. */
  exhausted: { exercise: "mse-loss", maxAttempts: 1 },
} as const;

export interface GradebookStudent {
  name: string;
  email: string;
  /** Scores of each graded attempt, per exercise slug (best one counts). */
  attempts: Partial<Record<string, number[]>>;
}

/** A course with a known gradebook (three students, three assignments over two lessons) and one without students. */
export const GRADEBOOK = {
  courseSlug: "e2e-gradebook",
  courseTitle: "E2E gradebook",
  emptyCourseSlug: "e2e-gradebook-empty",
  emptyCourseTitle: "E2E gradebook without students",
  /** In assignment order: two exercises of lesson 1, one of lesson 2. */
  exercises: ["dense-forward", "activations", "softmax"],
  students: [
    { name: "Ada Lovelace", email: "ada.gradebook@example.com", attempts: { "dense-forward": [40, 100], activations: [80] } },
    { name: "Alan Turing", email: "alan.gradebook@example.com", attempts: {} },
    { name: "Grace Hopper", email: "grace.gradebook@example.com", attempts: { "dense-forward": [55], softmax: [90] } },
  ] satisfies GradebookStudent[],
} as const;

/** A platform instructor made the way `pnpm admin create-user --role instructor` makes one (createUser), teaching nothing yet. */
export const STAFF = {
  instructor: { email: "e2e-platform-instructor@example.com", name: "Grace Platform", password: "grace-pass-2026" },
} as const;

/**
 * The assessment staff course (assess-*.spec.ts): the demo instructor teaches it with a TA;
 * students join with its code. Its assignments: one closed yesterday (extensions), one open with
 * unlimited attempts (diff, regrade with the real grader, analytics), one the instructor's
 * settings test edits.
 */
export const ASSESS = {
  courseSlug: "e2e-assess",
  courseTitle: "E2E assessment",
  joinCode: "E2E-ASSESS-2026",
  ta: { name: "Tara Assistant", email: "ta.assess@example.com", password: "ta-assess-pass-1" },
  /** Due yesterday, no late window, two attempts. */
  closed: "dense-backward",
  /** Open for a month, unlimited attempts: attempts, the diff, analytics. */
  open: "clip-gradient",
  /** Open, no submissions: its settings are edited. */
  settings: "dropout",
  /** Open, unlimited attempts; assess-regrade.spec.ts publishes a new version of it and regrades. */
  regrade: "max-pool",
  /**
   * An exercise of this course only, whose one version has no stored files: the grader cannot load
   * it, so every grading ends as an infrastructure failure. One attempt allowed.
   */
  infra: "e2e-no-files",
} as const;
