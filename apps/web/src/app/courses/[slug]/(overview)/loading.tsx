import { PageSkeleton } from "../../../../components/shell/PageSkeleton.tsx";

export default function Loading() {
  return <PageSkeleton />;
}
