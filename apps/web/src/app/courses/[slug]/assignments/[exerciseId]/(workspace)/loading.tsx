// Shown while the exercise page's data loads (statement, draft, attempts).
import { exerciseMessages } from "../../../../../../lib/i18n/messages/exercise.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { SkeletonList } from "../../../../../../components/ui/Spinner.tsx";

export default async function Loading() {
  const m = exerciseMessages[await getLocale()];
  return (
    <div className="container">
      <SkeletonList rows={6} label={m.loadingExercise} />
    </div>
  );
}
