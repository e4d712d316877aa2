"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while hydrating, true afterwards. Forms whose submit is handled in
 * JavaScript keep their button disabled until then: a click that lands before hydration would
 * otherwise submit natively and reload the page, losing what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
