// What the gradebook page shows, computed from the gradebook read model: columns numbered and
// grouped by lesson, per-exercise and per-student counts and averages. Pure.
import type { Gradebook, GradebookAssignment, GradebookRow } from "./queries.ts";

export interface GradebookColumn extends GradebookAssignment {
  /** Short head: "1.2" is lesson 1's second exercise; exercises outside a lesson get "#n" (course order). */
  label: string;
  /** Students with a graded attempt. */
  submitted: number;
  /** Mean best score of those students (null when nobody has one). */
  average: number | null;
}

export interface GradebookGroup {
  lesson: GradebookAssignment["lesson"];
  columns: GradebookColumn[];
}

export interface GradebookStudentRow extends GradebookRow {
  /** Assignments with a graded attempt. */
  submitted: number;
  /** Total as a whole percentage of the course's points (null when the course has no points). */
  percent: number | null;
}

export interface GradebookView {
  groups: GradebookGroup[];
  columns: GradebookColumn[];
  rows: GradebookStudentRow[];
  maxTotal: number;
  /** Students with at least one graded attempt. */
  studentsSubmitted: number;
  /** Mean total of those students (null when there are none). */
  averageTotal: number | null;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function gradebookView(g: Gradebook): GradebookView {
  const perLesson = new Map<number, number>();
  const columns: GradebookColumn[] = g.assignments.map((a, i) => {
    const scores = g.rows.map((r) => r.scores[i]).filter((s): s is number => s !== null && s !== undefined);
    let label = `#${i + 1}`;
    if (a.lesson) {
      const n = (perLesson.get(a.lesson.position) ?? 0) + 1;
      perLesson.set(a.lesson.position, n);
      label = `${a.lesson.position}.${n}`;
    }
    return { ...a, label, submitted: scores.length, average: mean(scores) };
  });

  // Consecutive columns of the same lesson share a group (a <colgroup> spans adjacent columns only).
  const groups: GradebookGroup[] = [];
  for (const c of columns) {
    const last = groups.at(-1);
    if (last && last.lesson?.position === c.lesson?.position) last.columns.push(c);
    else groups.push({ lesson: c.lesson, columns: [c] });
  }

  const maxTotal = g.assignments.reduce((sum, a) => sum + a.points, 0);
  const rows = g.rows.map((r) => ({
    ...r,
    submitted: r.scores.filter((s) => s !== null).length,
    percent: maxTotal > 0 ? Math.round((r.total / maxTotal) * 100) : null,
  }));
  const active = rows.filter((r) => r.submitted > 0);
  return { groups, columns, rows, maxTotal, studentsSubmitted: active.length, averageTotal: mean(active.map((r) => r.total)) };
}

/** The gradebook's order: by student name, by total, or by one assignment's column (its id). */
export interface GradebookSort {
  key: string;
  dir: "asc" | "desc";
}

/** The sort asked for in the page's query (?sort=name|total|<assignment id>&dir=asc|desc); unknown values fall back to name, ascending. */
export function parseGradebookSort(query: { sort?: string | string[]; dir?: string | string[] }, columns: readonly { id: string }[]): GradebookSort {
  const key = typeof query.sort === "string" && (query.sort === "name" || query.sort === "total" || columns.some((c) => c.id === query.sort)) ? query.sort : "name";
  return { key, dir: query.dir === "desc" ? "desc" : "asc" };
}

/** Rows in the chosen order; students without a score sort last either way, then by name. */
export function sortGradebookRows<R extends GradebookStudentRow>(rows: readonly R[], columns: readonly { id: string }[], sort: GradebookSort): R[] {
  const byName = (a: R, b: R) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email);
  const sign = sort.dir === "desc" ? -1 : 1;
  if (sort.key === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  const index = columns.findIndex((c) => c.id === sort.key);
  const value = (r: R): number | null => (sort.key === "total" ? (r.submitted > 0 ? r.total : null) : (r.scores[index] ?? null));
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va - vb) || byName(a, b);
  });
}
