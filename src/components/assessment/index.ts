// The public API of <lc-assessment> (no side effects: import define.js to register the tag).
export { LcAssessment, type AssessmentCardVariant, type AssessmentLayout } from './lc-assessment.js';
export type {
  Answer as AssessmentAnswer,
  AnswerValue as AssessmentAnswerValue,
  Answers as AssessmentAnswers,
  Progress as AssessmentProgress,
} from './progress.js';
export { ANSWERS_DB, ANSWERS_STORE } from './answers-store.js';
