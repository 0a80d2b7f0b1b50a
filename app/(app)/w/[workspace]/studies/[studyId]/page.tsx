import { redirect } from "next/navigation";
import { requireWorkspacePage } from "@/lib/auth/access";
import { can } from "@/lib/auth/roles";

export default async function StudyIndex({ params }: PageProps<"/w/[workspace]/studies/[studyId]">) {
  const { workspace: slug, studyId } = await params;
  const ctx = await requireWorkspacePage(slug, "study:read");
  redirect(`/w/${slug}/studies/${studyId}/${can(ctx.role, "survey:write") ? "survey" : "share"}`);
}
