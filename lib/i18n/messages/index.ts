import { account } from "./account";
import { auth } from "./auth";
import { customers } from "./customers";
import { customerMetrics } from "./customer-metrics";
import { charts } from "./charts";
import { distribution } from "./distribution";
import { personas } from "./personas";
import { shell } from "./shell";
import { surveyStart } from "./survey-start";
import { workspace } from "./workspace";
import { segments } from "./segments";
import { segmentSolution } from "./segment-solution";
import { survey } from "./survey";
import { responses } from "./responses";
import { questions } from "./questions";
import { maxdiff } from "./maxdiff";
import { surveyLogic } from "./survey-logic";
import { surveyPages } from "./survey-pages";
import { jobs } from "./jobs";
import { exportTexts } from "./export-texts";
import { answerErrors } from "./answer-errors";
import { sweep } from "./sweep";
import { sweepRecommendation } from "./sweep-recommendation";
import { customerData } from "./customer-data";
import { importReasons } from "./import-reasons";
import { access } from "./access";

/** Every area's texts; add an area here when it gets its own file. */
export const messages = { shell, auth, account, workspace, customers, customerMetrics, customerData, segments, segmentSolution, personas, survey, questions, responses, distribution, maxdiff, surveyStart, surveyLogic, surveyPages, jobs, charts, exportTexts, answerErrors, sweep, sweepRecommendation, importReasons, access };

type Messages = typeof messages;
export type MessageKey = { [A in keyof Messages]: `${A & string}.${keyof Messages[A]["en"] & string}` }[keyof Messages];
