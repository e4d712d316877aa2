import { describe, expect, it } from "vitest";
import { gradebookView } from "./gradebook-view.ts";
import type { Gradebook } from "./queries.ts";

const lesson1 = { position: 1, title: "Tensors" };
const lesson2 = { position: 2, title: "Losses" };

const g: Gradebook = {
  assignments: [
    { id: "a1", exerciseSlug: "dense-forward", title: "Dense forward", points: 100, lesson: lesson1 },
    { id: "a2", exerciseSlug: "activations", title: "Activations", points: 100, lesson: lesson1 },
    { id: "a3", exerciseSlug: "softmax", title: "Softmax", points: 50, lesson: lesson2 },
    { id: "a4", exerciseSlug: "extra", title: "Extra", points: 10, lesson: null },
  ],
  rows: [
    { userId: "u1", name: "Ada", email: "ada@x.io", scores: [100, 80, null, null], total: 180 },
    { userId: "u2", name: "Alan", email: "alan@x.io", scores: [null, null, null, null], total: 0 },
    { userId: "u3", name: "Grace", email: "grace@x.io", scores: [55, null, 45, 0], total: 100 },
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
    const pointless = gradebookView({ assignments: [], rows: [{ userId: "u", name: "N", email: "n@x.io", scores: [], total: 0 }] });
    expect(pointless.rows[0]?.percent).toBeNull();
    expect(pointless.groups).toEqual([]);
  });
});
