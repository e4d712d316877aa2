"use client";
import { ErrorView } from "../components/shell/ErrorView.tsx";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView reset={reset} digest={error.digest} />;
}
