import type { AssessmentData } from '../../core/envelope.js';
import { httpUrlSchema } from '../../core/envelope.js';
import type { Level } from '../../criteria/schema.js';

/** A level `"0"`–`"4"`, `"dont-know"`, or `""` when no level is chosen yet. */
export type AnswerValue = '' | '0' | '1' | '2' | '3' | '4' | 'dont-know';

/** What the person gave for one criterion, as typed (nothing trimmed yet). */
export interface Answer {
  value: AnswerValue;
  comment: string;
  evidence: string;
}
/** Answers by criterion id. */
export type Answers = Record<string, Answer>;

export const EMPTY_ANSWER: Readonly<Answer> = Object.freeze({ value: '', comment: '', evidence: '' });

/**
 * The answer given for criterion `id`, if any. Only the answers' own keys count: a criterion id is
 * any kebab-case word, and `constructor` read from a plain object is Object's, not an answer.
 */
export function answerOf(answers: Readonly<Answers>, id: string): Answer | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

export interface Progress {
  /** Criteria with a level or "don't know". */
  answered: number;
  total: number;
  /** Of the answered, how many are "don't know". */
  dontKnow: number;
  /** Unanswered criteria, in the set's order. */
  unanswered: string[];
}

/** A criterion counts as answered once it has a level or "don't know"; a comment alone does not. */
export function isAnswered(answer: Answer | undefined): boolean {
  return !!answer?.value;
}

/** True when two answers say the same: level, comment and evidence link. */
export function sameAnswer(a: Answer, b: Answer): boolean {
  return a.value === b.value && a.comment === b.comment && a.evidence === b.evidence;
}

/** True when an answer holds anything worth keeping. */
export function hasContent(answer: Answer | undefined): boolean {
  return !!answer && (!!answer.value || !!answer.comment.trim() || !!answer.evidence.trim());
}

export function progressOf(criteria: readonly string[], answers: Answers): Progress {
  const unanswered = criteria.filter((id) => !isAnswered(answerOf(answers, id)));
  const dontKnow = criteria.filter((id) => answerOf(answers, id)?.value === 'dont-know').length;
  return { answered: criteria.length - unanswered.length, total: criteria.length, dontKnow, unanswered };
}

/**
 * The first unanswered criterion after `from` in the set's order, wrapping round to the start;
 * `from` itself comes last. Undefined when every criterion is answered.
 */
export function nextUnanswered(criteria: readonly string[], answers: Answers, from?: string): string | undefined {
  const start = from === undefined ? -1 : criteria.indexOf(from);
  for (let k = 1; k <= criteria.length; k++) {
    const id = criteria[(start + k + criteria.length) % criteria.length]!;
    if (!isAnswered(answerOf(answers, id))) return id;
  }
  return undefined;
}

/** True when an evidence link is empty or an http(s) URL (what the envelope accepts). */
export function isValidEvidence(text: string): boolean {
  const trimmed = text.trim();
  return !trimmed || httpUrlSchema.safeParse(trimmed).success;
}

/** The first answered criterion whose evidence link would be refused, if any. */
export function firstInvalidEvidence(criteria: readonly string[], answers: Answers): string | undefined {
  return criteria.find((id) => {
    const answer = answerOf(answers, id);
    return isAnswered(answer) && !isValidEvidence(answer!.evidence);
  });
}

/** The envelope level of a value: a number, `null` for "don't know". */
export function levelOf(value: Exclude<AnswerValue, ''>): Level | null {
  return value === 'dont-know' ? null : (Number(value) as Level);
}

/**
 * The `assessment` envelope's answers: the answered criteria in the set's order, with comment
 * and evidence only when filled in (trimmed at their ends).
 */
export function assessmentAnswers(criteria: readonly string[], answers: Answers): AssessmentData['answers'] {
  const out: AssessmentData['answers'] = [];
  for (const id of criteria) {
    const answer = answerOf(answers, id);
    if (!answer?.value) continue;
    const comment = answer.comment.trim();
    const evidence = answer.evidence.trim();
    out.push({
      criterion: id,
      level: levelOf(answer.value),
      ...(comment ? { comment } : {}),
      ...(evidence ? { evidence } : {}),
    });
  }
  return out;
}

/** Why sending is not possible yet, if it is not. */
export type SendBlock =
  | { reason: 'empty' }
  | { reason: 'incomplete'; unanswered: string[] }
  | { reason: 'unleveled'; criterion: string }
  | { reason: 'evidence'; criterion: string };

/**
 * Checks whether the answers can be sent: all answered (or at least one with `allowPartial`), no
 * comment or link on a criterion without a level (a submission holds only answered criteria: it
 * would be dropped unsaid), and valid links.
 */
export function sendBlock(criteria: readonly string[], answers: Answers, allowPartial: boolean): SendBlock | undefined {
  const { answered, unanswered } = progressOf(criteria, answers);
  if (answered === 0)
    return allowPartial || !criteria.length ? { reason: 'empty' } : { reason: 'incomplete', unanswered };
  if (unanswered.length && !allowPartial) return { reason: 'incomplete', unanswered };
  const unleveled = unanswered.find((id) => hasContent(answerOf(answers, id)));
  if (unleveled) return { reason: 'unleveled', criterion: unleveled };
  const bad = firstInvalidEvidence(criteria, answers);
  if (bad) return { reason: 'evidence', criterion: bad };
  return undefined;
}
