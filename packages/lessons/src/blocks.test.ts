import { describe, expect, it } from "vitest";
import { renderLesson, renderMarkdown } from "./markdown.ts";
import { parseQuiz } from "./quiz.ts";
import { isCorrect } from "./quiz-check.ts";
import { formatLogLine, normalizeOutput } from "./sample-output.ts";

const lesson = [
  "Intro with $x$.",
  "",
  "```demo neuron",
  '{"activation": "tanh", "w": 2}',
  "```",
  "",
  "```ts",
  "console.log(1 + 1);",
  "```",
  "",
  "```output",
  "2",
  "```",
  "",
  "```ts",
  "const y = 3;",
  "```",
  "",
  "```quiz sums",
  "? What is $1 + 1$?",
  "- 1",
  "+ 2",
  "> Count them.",
  "```",
  "",
  "Outro.",
].join("\n");

describe("renderLesson", () => {
  it("cuts the lesson into prose, a demo with parsed parameters, samples with their expected output, and a quiz", () => {
    const { segments, html } = renderLesson(lesson);
    expect(segments.map((s) => s.kind)).toEqual(["html", "demo", "sample", "sample", "quiz", "html"]);
    expect(segments[1]).toEqual({ kind: "demo", name: "neuron", params: { activation: "tanh", w: 2, b: 0 } });
    expect(segments[2]).toMatchObject({ kind: "sample", index: 0, source: "console.log(1 + 1);\n", expected: "2\n" });
    expect(segments[3]).toMatchObject({ kind: "sample", index: 1, expected: null });
    const quiz = segments[4];
    expect(quiz?.kind === "quiz" && quiz.questionHtml).toContain('class="katex"');
    expect(quiz?.kind === "quiz" && quiz.optionsHtml).toEqual(["1", "2"]);
    // The expected output is data, not prose; no marker survives.
    expect(html).not.toContain("lesson-block");
    expect(segments.filter((s) => s.kind === "html").map((s) => (s.kind === "html" ? s.html : "")).join("")).not.toMatch(/^2$/m);
  });

  it("rejects an unknown demo, bad parameters and malformed quizzes, whatever throwOnError says", () => {
    expect(() => renderLesson("```demo no-such-demo\n```")).toThrow(/unknown demo "no-such-demo"/);
    expect(() => renderLesson('```demo neuron\n{"activation": "softmax"}\n```')).toThrow(/demo "neuron": invalid parameters/);
    expect(() => renderLesson('```demo neuron\n{"extra": 1}\n```')).toThrow(/invalid parameters/);
    expect(() => renderLesson("```demo neuron\nnot json\n```")).toThrow(/not valid JSON/);
    expect(() => renderLesson("```quiz q1\n? Which?\n+ a\n+ b\n> x\n```")).toThrow(/exactly one option/);
    expect(() => renderLesson("```quiz Bad_Id\n? Which?\n- a\n+ b\n> x\n```")).toThrow(/quiz id/);
    expect(() => renderLesson("text\n\n```output\n1\n```")).toThrow(/must directly follow a ts fence/);
  });

  it("escapes everything a quiz or demo carries: no raw HTML gets through", () => {
    const { segments } = renderLesson("```quiz x\n? <img src=x onerror=alert(1)>\n- <b>a</b>\n+ b\n> <script>1</script>\n```");
    const quiz = segments[0];
    expect(quiz?.kind).toBe("quiz");
    if (quiz?.kind !== "quiz") return;
    expect(quiz.questionHtml + quiz.optionsHtml.join("") + quiz.explanationHtml).not.toMatch(/<img|<b>|<script/);
  });

  it("leaves exercise statements alone: demo and quiz fences are plain code there", () => {
    expect(renderMarkdown("```demo no-such-demo\n```")).toContain("<pre>");
  });
});

describe("quizzes", () => {
  it("parses a numeric question and checks answers within its tolerance", () => {
    const q = parseQuiz("max", "? Largest $\\sigma'$?\n= 0.25 ~ 0.01\n> At zero.");
    expect(q).toMatchObject({ kind: "numeric", answer: 0.25, tolerance: 0.01 });
    expect(isCorrect(q, 0.255)).toBe(true);
    expect(isCorrect(q, 0.3)).toBe(false);
    expect(() => parseQuiz("x", "? a\n= 1\n- b\n> c")).toThrow(/options and a numeric answer/);
    expect(() => parseQuiz("x", "? a\n= one\n> c")).toThrow(/not "= number/);
    expect(() => parseQuiz("x", "? a\n- b\n+ c")).toThrow(/explanation/);
  });
});

describe("sample output", () => {
  it("formats console arguments stably", () => {
    expect(formatLogLine(["shape", [2, 3], "float32", { a: 1, "b c": [true, null] }])).toBe('shape [2, 3] float32 { a: 1, "b c": [true, null] }');
    expect(formatLogLine([new Float32Array([0.5, -0]), -0])).toBe("[0.5, 0] 0");
    expect(formatLogLine([{ dataId: {}, dtype: "float32", shape: [2, 3] }])).toBe("Tensor(float32, [2, 3])");
    expect(normalizeOutput("a  \r\nb\n\n")).toBe("a\nb");
  });
});
