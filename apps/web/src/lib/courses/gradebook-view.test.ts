import { describe, expect, it } from "vitest";
import { gradebookView, parseGradebookSort, sortGradebookRows, type GradebookSort } from "./gradebook-view.ts";
import type { Gradebook } from "./queries.ts";

const lesson1 = { position: 1, title: "Tensors" };
const lesson2 = { position: 2, title: "Losses" };

/** A gradebook row whose cells follow its scores (one charged attempt per graded cell). */
function row(userId: string, name: string, scores: (number | null)[]) {
  const cells = scores.map((score, i) => (score === null ? null : { countingId: `${userId}-a${i + 1}`, score, isLate: false, attempts: 1, submissions: 1, pending: false }));
  return { userId, name, email: `${name.toLowerCase()}@x.io`, scores, cells, total: scores.reduce<number>((sum, v) => sum + (v ?? 0), 0) };
}

const g: Gradebook = {
  assignments: [
    { id: "a1", exerciseSlug: "dense-forward", title: "Dense forward", points: 100, scoringPolicy: "best", lesson: lesson1 },
    { id: "a2", exerciseSlug: "activations", title: "Activations", points: 100, scoringPolicy: "best", lesson: lesson1 },
    { id: "a3", exerciseSlug: "softmax", title: "Softmax", points: 50, scoringPolicy: "last", lesson: lesson2 },
    { id: "a4", exerciseSlug: "extra", title: "Extra", points: 10, scoringPolicy: "best", lesson: null },
  ],
  rows: [
    row("u1", "Ada", [100, 80, null, null]),
    row("u2", "Alan", [null, null, null, null]),
    row("u3", "Grace", [55, null, 45, 0]),
  ],
};

describe("gradebookView", () => {
  it("numbers columns within their lesson and groups adjacent columns of a lesson", () => {
    const v = gradebookView(g);
    expect(v.columns.map((c) => c.label)).toEqual(["1.1", "1.2", "2.1", "#4"]);
    expect(v.groups.map((gr) => [gr.lesson?.title ?? null, gr.columns.map((c) => c.exerciseSlug)])).toEqual([
      ["Tensors", ["dense-forward", "activations"]],
      ["Losses", ["softmax"]],
      [null, ["extra"]],
    ]);
  });

  it("starts a new group when a lesson comes back after another one", () => {
    const shuffled: Gradebook = { assignments: [g.assignments[0]!, g.assignments[2]!, g.assignments[1]!], rows: [] };
    const v = gradebookView(shuffled);
    expect(v.groups.map((gr) => gr.columns.map((c) => c.label))).toEqual([["1.1"], ["2.1"], ["1.2"]]);
  });

  it("averages each exercise over the students who have a score, a zero included", () => {
    const v = gradebookView(g);
    expect(v.columns.map((c) => [c.submitted, c.average])).toEqual([
      [2, 77.5],
      [1, 80],
      [1, 45],
      [1, 0],
    ]);
  });

  it("gives each student a count, a percentage of the course's points, and a class average of active students", () => {
    const v = gradebookView(g);
    expect(v.maxTotal).toBe(260);
    expect(v.rows.map((r) => [r.name, r.submitted, r.percent])).toEqual([
      ["Ada", 2, 69],
      ["Alan", 0, 0],
      ["Grace", 3, 38],
    ]);
    expect(v.studentsSubmitted).toBe(2);
    expect(v.averageTotal).toBe(140);
  });

  it("has no averages without students and no percentage without points", () => {
    const v = gradebookView({ assignments: g.assignments, rows: [] });
    expect(v.columns.every((c) => c.submitted === 0 && c.average === null)).toBe(true);
    expect(v.averageTotal).toBeNull();
    const pointless = gradebookView({ assignments: [], rows: [row("u", "N", [])] });
    expect(pointless.rows[0]?.percent).toBeNull();
    expect(pointless.groups).toEqual([]);
  });
});

describe("sortGradebookRows", () => {
  const v = gradebookView(g);
  const names = (sort: GradebookSort) => sortGradebookRows(v.rows, v.columns, sort).map((r) => r.name);
  it("sorts by name, by total and by one assignment, both ways", () => {
    expect(names({ key: "name", dir: "desc" })).toEqual(["Grace", "Alan", "Ada"]);
    expect(names({ key: "total", dir: "desc" })).toEqual(["Ada", "Grace", "Alan"]);
    expect(names({ key: "total", dir: "asc" })).toEqual(["Grace", "Ada", "Alan"]); // Alan never submitted: last
    expect(names({ key: "a1", dir: "desc" })).toEqual(["Ada", "Grace", "Alan"]);
  });
  it("puts students without a score last in either direction, by name", () => {
    expect(names({ key: "a3", dir: "asc" })).toEqual(["Grace", "Ada", "Alan"]);
    expect(names({ key: "a3", dir: "desc" })).toEqual(["Grace", "Ada", "Alan"]);
  });
  it("reads the sort from the query, ignoring unknown columns", () => {
    expect(parseGradebookSort({ sort: "a2", dir: "desc" }, v.columns)).toEqual({ key: "a2", dir: "desc" });
    expect(parseGradebookSort({ sort: "nope", dir: "sideways" }, v.columns)).toEqual({ key: "name", dir: "asc" });
    expect(parseGradebookSort({}, v.columns)).toEqual({ key: "name", dir: "asc" });
  });
});
