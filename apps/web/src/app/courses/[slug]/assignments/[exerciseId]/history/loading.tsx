// Shown while the submission history loads.
import { exerciseMessages } from "../../../../../../lib/i18n/messages/exercise.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { SkeletonList } from "../../../../../../components/ui/Spinner.tsx";

export default async function Loading() {
  const m = exerciseMessages[await getLocale()];
  return (
    <div className="container">
      <SkeletonList rows={4} label={m.loadingHistory} />
    </div>
  );
}
