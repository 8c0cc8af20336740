import {
  allSurveyQuestions,
  defaultStandard,
  SURVEY_OPTION_COUNT,
  surveyMoments,
  surveyQuestions,
  type SurveyMoment,
} from "../../../common/impact-vocabulary.ts";
import type { StandardView, SurveyAnswers, SurveyResultsView } from "../../../common/schemas/impact.ts";

/** Every question's standard: the coordinator's where set, otherwise the default. */
export function standardsWithDefaults(own: StandardView[]): StandardView[] {
  return allSurveyQuestions.map(
    (question) => own.find((s) => s.question === question) ?? { question, ...defaultStandard },
  );
}

/** Which questions a submission must answer, and no others. */
export function missingOrUnknown(moment: SurveyMoment, answers: SurveyAnswers): boolean {
  const asked = surveyQuestions[moment];
  const given = Object.keys(answers);
  return given.length !== asked.length || asked.some((q) => answers[q] === undefined);
}

/**
 * Answers per question against the standard set beforehand: the share of respondents at the
 * acceptable option or better, and whether that share reaches the target.
 */
export function surveyResults(
  responses: { moment: SurveyMoment; answers: SurveyAnswers }[],
  standards: StandardView[],
  locked: boolean,
): SurveyResultsView {
  return {
    locked,
    standards,
    moments: surveyMoments.map((moment) => {
      const mine = responses.filter((r) => r.moment === moment);
      return {
        moment,
        respondents: mine.length,
        questions: surveyQuestions[moment].map((question) => {
          const counts = Array.from({ length: SURVEY_OPTION_COUNT }, () => 0);
          for (const r of mine) {
            const option = r.answers[question];
            if (option !== undefined) counts[option]! += 1;
          }
          const standard = standards.find((s) => s.question === question)!;
          const answered = counts.reduce((a, b) => a + b, 0);
          const acceptable = counts.slice(standard.acceptableFrom).reduce((a, b) => a + b, 0);
          const percent = answered === 0 ? null : Math.round((acceptable / answered) * 100);
          return {
            question,
            counts,
            acceptablePercent: percent,
            meetsStandard: percent === null ? null : percent >= standard.targetPercent,
          };
        }),
      };
    }),
  };
}
