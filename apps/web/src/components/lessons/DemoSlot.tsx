"use client";
/**
 * Where a `demo` block sits in a lesson: an empty frame until it comes near the viewport, then the
 * demo's lazily loaded view (which starts the shared worker on its first run).
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ComponentType } from "react";
import type { DemoName, OwnCodeSpec } from "@course/lessons/client";
import { translator, type Locale } from "../../lib/i18n/index.ts";
import { lessonMessages } from "../../lib/i18n/messages/lessons.ts";
import type { OwnModule } from "../../lib/lessons/demo-protocol.ts";
import { demoViews, type DemoViewProps } from "./demos/index.ts";

// With the view, not the page: it brings zod (the answer's schema).
const OwnCodePanel = lazy(() => import("./OwnCodePanel.tsx").then((m) => ({ default: m.OwnCodePanel })));

const ownKey = (own: readonly OwnModule[]) => own.map((m) => `${m.exerciseId}:${m.code.length}:${m.code.slice(0, 64)}`).join("|");

export interface DemoSlotProps {
  name: DemoName;
  /** Parameters already checked against the demo's schema when the lesson was rendered. */
  params: Record<string, unknown>;
  /** The demo's own-code building blocks (from the registry, looked up on the server). */
  ownCode: readonly OwnCodeSpec[];
  locale: Locale;
  courseSlug: string;
}

export function DemoSlot({ name, params, ownCode, locale, courseSlug }: DemoSlotProps) {
  const t = translator(lessonMessages, locale);
  const box = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [own, setOwn] = useState<OwnModule[]>([]);
  const onOwnChange = useCallback((next: OwnModule[]) => setOwn((prev) => (ownKey(prev) === ownKey(next) ? prev : next)), []);

  useEffect(() => {
    const el = box.current;
    if (el === null || visible) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        io.disconnect();
      }
    }, { rootMargin: "200px 0px" });
    io.observe(el);
    return () => io.disconnect();
  }, [visible]);

  const View = demoViews[name] as ComponentType<DemoViewProps<DemoName>> | undefined;
  const placeholder = <p className="small muted demo-placeholder">{t("demoLoading")}</p>;
  return (
    <div ref={box} className="demo-slot" data-demo-slot={name}>
      {!visible ? (
        placeholder
      ) : View === undefined ? (
        <p className="small muted">{t("demoError", { message: name })}</p>
      ) : (
        <Suspense fallback={placeholder}>
          <View
            params={params as DemoViewProps<DemoName>["params"]}
            locale={locale}
            own={own}
            ownPanel={ownCode.length > 0 ? <OwnCodePanel specs={ownCode} courseSlug={courseSlug} locale={locale} onChange={onOwnChange} /> : null}
          />
        </Suspense>
      )}
    </div>
  );
}
