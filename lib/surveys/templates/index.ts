import { b2cDemographicsTemplate } from "./demographics";
import { b2bFirmographicsTemplate } from "./firmographics";
import { jobsToBeDoneTemplate } from "./jobs-to-be-done";
import { motiveBatteryTemplate } from "./motive-battery";
import { valueNpsTemplate } from "./value-nps";

/** Starting points from segmentation practice; the designer opens a copy to adapt. */
export const SURVEY_TEMPLATES = {
  motive_battery: motiveBatteryTemplate,
  jobs_to_be_done: jobsToBeDoneTemplate,
  value_nps: valueNpsTemplate,
  b2c_demographics: b2cDemographicsTemplate,
  b2b_firmographics: b2bFirmographicsTemplate,
} as const;

export type SurveyTemplateId = keyof typeof SURVEY_TEMPLATES;
export const SURVEY_TEMPLATE_IDS = Object.keys(SURVEY_TEMPLATES) as SurveyTemplateId[];

export function isSurveyTemplateId(value: unknown): value is SurveyTemplateId {
  return typeof value === "string" && value in SURVEY_TEMPLATES;
}
