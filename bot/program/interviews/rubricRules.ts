import type { RubricCriterion } from '../cohorts/cohortRules';
import { checkText } from '../text/plainText';
import { INTERVIEW_LIMITS } from './api';

/** Reading an interviewer's rubric: every criterion scored 1-5, notes and mentoring areas as plain text. Pure. */
export { INTERVIEW_LIMITS };

export interface RubricAnswers {
  scores: Record<string, number>;
  notes: string;
  mentorAreas: string;
}

export type RubricErrors = { scores: Record<string, string>; notes?: string; mentorAreas?: string; form?: string };

export type RubricCheck = { ok: true; answers: RubricAnswers } | { ok: false; errors: RubricErrors };

/** Card input id of a criterion's score. */
export function scoreInputId(criterionId: string): string {
  return `score_${criterionId}`;
}

/**
 * `scores` maps criterion id to a score (number, or the string a ChoiceSet sends). Scores for criteria the rubric does
 * not have are refused, so nothing forged is stored.
 */
export function readRubric(rubric: readonly RubricCriterion[], scores: Readonly<Record<string, unknown>>, notes: unknown, mentorAreas: unknown): RubricCheck {
  const errors: RubricErrors = { scores: {} };
  const known = new Set(rubric.map((c) => c.id));
  if (Object.keys(scores).some((id) => !known.has(id))) errors.form = 'The scores name a criterion this cohort’s rubric does not have. Reload the form and try again.';
  const result: Record<string, number> = {};
  for (const criterion of rubric) {
    const raw = scores[criterion.id];
    const value = typeof raw === 'string' && /^[1-5]$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) errors.scores[criterion.id] = `Please score ${criterion.title.toLowerCase()} from 1 to 5.`;
    else result[criterion.id] = value;
  }
  const notesCheck = checkText(notes, { label: 'Notes', max: INTERVIEW_LIMITS.notes });
  if (!notesCheck.ok) errors.notes = notesCheck.error;
  const areasCheck = checkText(mentorAreas, { label: 'Areas they would mentor on', max: INTERVIEW_LIMITS.mentorAreas });
  if (!areasCheck.ok) errors.mentorAreas = areasCheck.error;
  if (errors.form || Object.keys(errors.scores).length > 0 || !notesCheck.ok || !areasCheck.ok) return { ok: false, errors };
  return { ok: true, answers: { scores: result, notes: notesCheck.value, mentorAreas: areasCheck.value } };
}

/** Scores from card inputs (score_<criterion id>), leaving out every other input. */
export function scoresFromCard(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const scores: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (key.startsWith('score_')) scores[key.slice('score_'.length)] = value;
  return scores;
}

/** The average score, to one decimal, for the taskforce's overview; undefined before scoring. */
export function averageScore(scores: Readonly<Record<string, number>>): number | undefined {
  const values = Object.values(scores);
  if (values.length === 0) return undefined;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}
