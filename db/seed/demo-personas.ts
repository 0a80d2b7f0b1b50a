import { distinctiveVariables, type BasisVariable } from "@/lib/personas/distinctive-variables";
import { suggestSegmentName } from "@/lib/personas/suggest-segment-name";
import type { TSavePersonaFormValues } from "@/lib/personas/schemas";

/**
 * A first persona draft for a demo segment, written from its data: the name from its most
 * distinctive motives, goals from what it values above average, pains from what it does not.
 * A real team would rewrite these in a workshop; the demo shows where they would start.
 */
export function draftPersonaFromSegment(params: {
  variables: readonly BasisVariable[];
  means: readonly number[];
  totalMeans: readonly number[];
  share: number;
  takenNames: readonly string[];
}): TSavePersonaFormValues {
  const { above, below } = distinctiveVariables(params.variables, params.means, params.totalMeans, 3);
  const name = suggestSegmentName({ above, below, taken: params.takenNames }) ?? "Average traveller";
  const percent = (value: number) => `${Math.round(value * 100)} %`;
  // A segment that is below average on everything still has motives of its own: its most common ones.
  const ownTop = params.variables
    .map((variable, index) => ({ label: variable.label, segmentMean: params.means[index]!, totalMean: params.totalMeans[index]! }))
    .sort((a, b) => b.segmentMean - a.segmentMean)
    .slice(0, 3);
  const strengths = above.length > 0 ? above : ownTop;
  const lead = strengths[0];
  return {
    segmentName: name,
    name,
    summary: `${percent(params.share)} of travellers${lead ? `; ${percent(lead.segmentMean)} say "${lead.label.toLowerCase()}" (all: ${percent(lead.totalMean)})` : ""}.`,
    goals: strengths.map((motive) => `${motive.label} (${percent(motive.segmentMean)} vs ${percent(motive.totalMean)} of all)`),
    pains: below.map((motive) => `Little interest in ${motive.label.toLowerCase()} (${percent(motive.segmentMean)} vs ${percent(motive.totalMean)})`),
    actions: lead
      ? [
          { function: "marketing", action: `Lead campaigns for this segment with "${lead.label.toLowerCase()}"`, owner: "Marketing lead", kpi: "Campaign conversion" },
          { function: "product", action: `Package offers around ${strengths.map((m) => m.label.toLowerCase()).join(", ")}`, owner: "Product manager", kpi: "Bookings per package" },
        ]
      : [],
    status: "published",
  };
}
