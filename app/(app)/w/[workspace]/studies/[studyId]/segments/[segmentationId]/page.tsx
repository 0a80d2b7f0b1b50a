import Link from "next/link";
import { notFound } from "next/navigation";
import { SegmentationResult } from "@/components/segments/segmentation-result";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspacePage } from "@/lib/auth/access";
import { getTranslator } from "@/lib/i18n/server";
import { getSegmentation } from "@/lib/segmentation/get-segmentation";

// A saved solution: sizes, profiles and the segment names the personas area gives them. Summaries only.
export default async function SegmentationPage({ params }: PageProps<"/w/[workspace]/studies/[studyId]/segments/[segmentationId]">) {
  const { workspace: slug, studyId, segmentationId } = await params;
  const ctx = await requireWorkspacePage(slug, "segments:read");
  const solution = await getSegmentation(ctx.db, { workspaceId: ctx.workspace.id, segmentationId });
  if (!solution || solution.studyId !== studyId) notFound();
  const { t, locale } = await getTranslator();
  return (
    <div className="space-y-6">
      <Link href={`/w/${slug}/studies/${studyId}/segments`} className="text-sm text-indigo-700 underline">
        ← {t("segments.allSolutions")}
      </Link>
      <PageHeader
        title={solution.name}
        description={t("segments.solutionMeta", {
          survey: solution.survey?.title ?? "—",
          date: solution.createdAt.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }),
        })}
      />
      <SegmentationResult summary={solution.summary} headingLevel={2} />
    </div>
  );
}
