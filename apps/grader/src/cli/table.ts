/** The human-readable form of a grade (colours only when asked for). */
export interface TableDoc {
  exerciseId: string;
  status: string;
  score: number;
  maxScore: number;
  seed: number;
  durationMs: number;
  tests: { name: string; passed: boolean; points: number; maxPoints: number; message?: string }[];
  diagnoses?: { message: string; tests: string[] }[];
}

const codes = { green: 32, red: 31, yellow: 33, dim: 2, bold: 1 } as const;

export function renderTable(doc: TableDoc, opts: { color: boolean; message?: string | undefined }): string {
  const paint = (c: keyof typeof codes, s: string) => (opts.color ? `\u001b[${codes[c]}m${s}\u001b[0m` : s);
  const nameWidth = Math.min(60, Math.max(4, ...doc.tests.map((t) => t.name.length)));
  const lines: string[] = [];
  lines.push(paint("bold", `${doc.exerciseId}: ${doc.status}  ${doc.score}/${doc.maxScore}`) + paint("dim", `  (seed ${doc.seed}, ${doc.durationMs} ms)`));
  if (opts.message) lines.push(paint("yellow", opts.message));
  lines.push("");
  lines.push(`${"".padEnd(4)} ${"test".padEnd(nameWidth)}  points`);
  for (const t of doc.tests) {
    const mark = t.passed ? paint("green", "PASS") : paint("red", "FAIL");
    const name = t.name.length > nameWidth ? `${t.name.slice(0, nameWidth - 1)}…` : t.name.padEnd(nameWidth);
    lines.push(`${mark} ${name}  ${t.points}/${t.maxPoints}`);
    if (!t.passed && t.message) lines.push(paint("dim", `     ${t.message.replace(/\n/g, "\n     ")}`));
  }
  for (const d of doc.diagnoses ?? []) lines.push("", paint("yellow", `Diagnosis: ${d.message}`), paint("dim", `     (${d.tests.join(", ")})`));
  return lines.join("\n") + "\n";
}
