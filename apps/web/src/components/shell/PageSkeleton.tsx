import { SkeletonList } from "../ui/index.ts";

export function PageSkeleton() {
  return (
    <div className="container">
      <div className="skeleton" style={{ height: "2.2rem", maxWidth: "22rem", marginBottom: "1.5rem" }} aria-hidden="true" />
      <SkeletonList label="Loading… · 加载中…" rows={4} />
    </div>
  );
}
