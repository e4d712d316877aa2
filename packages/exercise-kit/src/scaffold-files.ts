/**
 * The files of a new exercise, as text by path (no disk): the scaffold `pnpm exercise new` writes
 * and the browser's "new exercise" starts from. Every part holds the TODO(author) placeholder that
 * the check explains.
 */
import { PLACEHOLDER } from "./check/placeholders.ts";

/** "relu-forward" → "reluForward": the placeholder export's name. */
function exportName(id: string): string {
  return id
    .replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
    .replace(/^[0-9]/, (d) => `f${d}`);
}

export function templateFiles(id: string): Record<string, string> {
  const fn = exportName(id);
  const caseNames = {
    pub: `${PLACEHOLDER}: a public random case`,
    hid: `${PLACEHOLDER}: a hidden edge case`,
  };
  return {
    "exercise.json": `${JSON.stringify(
      {
        id,
        lesson: 1,
        order: 99,
        title: { en: `${PLACEHOLDER}: title`, "zh-CN": `${PLACEHOLDER}: 标题` },
        exports: [fn],
        bans: [],
      },
      null,
      2,
    )}\n`,
    "statement.en.md": `${PLACEHOLDER}: write the statement.\n\nImplement \`${fn}(x: Tensor): Tensor\`.\n`,
    "statement.zh-CN.md": `${PLACEHOLDER}: 写题目说明。\n\n实现 \`${fn}(x: Tensor): Tensor\`。\n`,
    "starter.ts": `import * as tf from "@tensorflow/tfjs";\n\n// ${PLACEHOLDER}: the code the student starts from (it must compile and fail the hidden tests).\nexport function ${fn}(x: tf.Tensor): tf.Tensor {\n  throw new Error("not implemented yet");\n}\n`,
    "solution.ts": `import * as tf from "@tensorflow/tfjs";\n\n// ${PLACEHOLDER}: the reference solution.\nexport function ${fn}(x: tf.Tensor): tf.Tensor {\n  return tf.clone(x);\n}\n`,
    "tests.ts": `import type * as tf from "@tensorflow/tfjs";
import { call, defineTests, edgeCase, nonEmpty, randomCase } from "@course/exercise-kit";

interface Inputs {
  x: tf.Tensor;
}

// ${PLACEHOLDER}: cases that tell a correct solution from the mutants, expected values computed
// independently of solution.ts, and the input domain the statement promises.
export default defineTests<Inputs>({
  run: (i) => call(${JSON.stringify(fn)}, i.x),
  expected: (i) => i.x,
  domain: (i) => nonEmpty({ x: i.x }),
  cases: [
    randomCase(${JSON.stringify(caseNames.pub)}, (rng) => ({ x: rng.normal([rng.int(1, 5), rng.int(1, 5)]) }), { visibility: "public" }),
    edgeCase(${JSON.stringify(caseNames.hid)}, (rng) => ({ x: rng.normal([1, 1]) })),
  ],
});
`,
    "tests.zh-CN.json": `${JSON.stringify({ [caseNames.pub]: `${PLACEHOLDER}: 公开的随机用例`, [caseNames.hid]: `${PLACEHOLDER}: 隐藏的边界用例` }, null, 2)}\n`,
    "alternatives/other-style.ts": `import * as tf from "@tensorflow/tfjs";\n\n// ${PLACEHOLDER}: another correct solution, in another style.\nexport function ${fn}(x: tf.Tensor): tf.Tensor {\n  return tf.add(x, 0);\n}\n`,
    "mutants/typical-mistake.ts": `import * as tf from "@tensorflow/tfjs";\n\n// ${PLACEHOLDER}: a typical wrong solution the hidden tests must reject.\nexport function ${fn}(x: tf.Tensor): tf.Tensor {\n  return tf.neg(x);\n}\n`,
    "mutants/hints.json": `${JSON.stringify({ "typical-mistake": { en: `${PLACEHOLDER}: a hint for this mistake`, "zh-CN": `${PLACEHOLDER}: 针对这个错误的提示` } }, null, 2)}\n`,
  };
}

/** A copy's exercise.json: the new id, and titles marked for the author to rewrite. */
export function copiedManifest(manifestJson: string, id: string): string {
  const manifest = JSON.parse(manifestJson) as {
    id: string;
    title: { en: string; "zh-CN": string };
  };
  manifest.id = id;
  manifest.title = {
    en: `${PLACEHOLDER}: ${manifest.title.en} (copy)`,
    "zh-CN": `${PLACEHOLDER}: ${manifest.title["zh-CN"]}（副本）`,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
