import { expect, test } from "@playwright/test";
import { DEMO, newEnrolledStudent } from "./helpers.ts";

test("lesson page renders math and highlighted code, links its exercises, and loads nothing external", async ({ page }) => {
  await newEnrolledStudent(page);
  const external: string[] = [];
  const failed: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.hostname !== "127.0.0.1" && url.protocol !== "data:") external.push(req.url());
  });
  page.on("response", (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  await page.goto(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`);
  await expect(page.getByRole("heading", { level: 1, name: "Tensors and the neuron" })).toBeVisible();
  const prose = page.locator(".prose");
  await expect(prose.locator(".katex").first()).toBeVisible();
  await expect(prose.locator("pre code.hljs .hljs-keyword").first()).toBeVisible();
  // KaTeX's stylesheet is applied (its fonts come from this server, not a CDN).
  const fontFamily = await prose.locator(".katex").first().evaluate((el) => getComputedStyle(el).fontFamily);
  expect(fontFamily).toContain("KaTeX_Main");
  // ...and the font files themselves load (the browser only falls back silently when they 404).
  await expect.poll(() => page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((f) => f.family.includes("KaTeX_Main") && f.status === "loaded");
  })).toBe(true);

  const exercises = page.getByRole("region", { name: "Exercises for this lesson" });
  await expect(exercises.getByRole("link")).toHaveCount(2);
  await expect(exercises.getByRole("link").first()).toHaveAttribute("href", `/courses/${DEMO.courseSlug}/assignments/dense-forward`);
  await expect(exercises.getByRole("link").nth(1)).toHaveAttribute("href", `/courses/${DEMO.courseSlug}/assignments/activations`);

  await expect(page.getByRole("link", { name: /Next: / })).toHaveAttribute("href", `/courses/${DEMO.courseSlug}/lessons/02-losses-and-gradient-descent`);
  expect(external).toEqual([]);
  expect(failed).toEqual([]);
});

test("keyboard users get a skip link and visible landmarks", async ({ page }) => {
  await newEnrolledStudent(page);
  await page.goto(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
});

test("every formula reaches the accessibility tree once the page is idle, far below the fold too", async ({ page }) => {
  await newEnrolledStudent(page);
  await page.goto(`/courses/${DEMO.courseSlug}/lessons/08-the-transformer`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Chromium's own accessibility tree (what a screen reader reads), asked for the page's last
  // formula without scrolling to it: a block that skips layout leaves its MathML out as "not rendered".
  const cdp = await page.context().newCDPSession(page);
  const lastFormulaExposed = async () => {
    const { root } = (await cdp.send("DOM.getDocument", { depth: 0 })) as { root: { nodeId: number } };
    const { nodeIds } = (await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: ".prose .katex-mathml math" })) as { nodeIds: number[] };
    const last = nodeIds.at(-1);
    if (last === undefined) return "no formula";
    const { nodes } = (await cdp.send("Accessibility.getPartialAXTree", { nodeId: last, fetchRelatives: false })) as { nodes: { ignored: boolean }[] };
    return nodes[0]?.ignored === false ? "exposed" : "ignored";
  };
  await expect.poll(lastFormulaExposed, { timeout: 30_000 }).toBe("exposed");
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
