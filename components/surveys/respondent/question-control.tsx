"use client";

import { localized, type Question } from "@/lib/surveys/definition";
import { BatteryQuestion } from "./battery-question";
import { NumericQuestion, OpenTextQuestion } from "./entry-questions";
import { ConstantSumQuestion, RankingQuestion } from "./item-questions";
import { MaxDiffQuestion } from "./maxdiff-question";
import { MultipleChoiceQuestion } from "./multiple-choice-question";
import { NpsQuestion, RatingButtonsQuestion } from "./score-questions";
import { SingleChoiceQuestion } from "./single-choice-question";
import { SliderQuestion } from "./slider-question";

/** The respondent's control for one question, by type. */
export function QuestionControl({ question, language, fallback }: { question: Question; language: string; fallback: string }) {
  const text = (value: Parameters<typeof localized>[0]) => localized(value, language, fallback);
  switch (question.type) {
    case "likert_battery":
      return <BatteryQuestion question={question} language={language} fallback={fallback} />;
    case "single_choice":
      return <SingleChoiceQuestion question={question} language={language} fallback={fallback} />;
    case "likert_item":
      // One statement on a scale answers like a single choice whose options are the scale points.
      return <SingleChoiceQuestion question={{ ...question, type: "single_choice", options: question.scale }} language={language} fallback={fallback} />;
    case "multiple_choice":
      return <MultipleChoiceQuestion question={question} text={text} />;
    case "rating":
      return question.display === "slider" ? <SliderQuestion question={question} text={text} /> : <RatingButtonsQuestion question={question} text={text} />;
    case "nps":
      return <NpsQuestion question={question} text={text} />;
    case "numeric":
      return <NumericQuestion question={question} text={text} />;
    case "open_text":
      return <OpenTextQuestion question={question} text={text} />;
    case "ranking":
      return <RankingQuestion question={question} text={text} />;
    case "constant_sum":
      return <ConstantSumQuestion question={question} text={text} />;
    case "maxdiff":
      return <MaxDiffQuestion question={question} text={text} />;
  }
}
