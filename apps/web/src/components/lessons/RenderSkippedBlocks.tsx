"use client";
/**
 * Off-screen lesson blocks skip layout until they are scrolled near (`content-visibility: auto`,
 * lesson.css), so a long lesson starts fast. But Chromium leaves the MathML of a skipped block out
 * of the accessibility tree ("not rendered"), so a screen reader reading ahead would skip every
 * formula below the fold. Once the page has loaded, the skipped blocks are laid out one per idle
 * period (each a small task in its own frame, never one long one), and within a few seconds every
 * formula reaches assistive technology.
 */
import { useEffect } from "react";
import { whenIdle } from "./when-idle.ts";

/** The blocks lesson.css lets skip layout. */
const SKIPPABLE = ".prose > .prose-part > *, .prose > .quiz, .prose > .sample";

export function RenderSkippedBlocks() {
  useEffect(() => {
    let cancel = () => {};
    const start = () => {
      const skipped = Array.from(document.querySelectorAll<HTMLElement>(SKIPPABLE)).filter((el) => getComputedStyle(el).contentVisibility === "auto");
      const next = () => {
        const block = skipped.shift();
        if (block === undefined) return;
        block.style.contentVisibility = "visible";
        cancel = whenIdle(next);
      };
      cancel = whenIdle(next);
    };
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
    return () => {
      window.removeEventListener("load", start);
      cancel();
    };
  }, []);
  return null;
}
