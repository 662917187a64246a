import { expandCard, type CardJson } from '../../cards/expandCard';
import type { Cohort } from '../cohorts/cohortRules';
import { topicTitles } from '../applications/applicationCards';
import type { Application } from '../applications/applicationRules';
import { shownAsTyped } from '../text/plainText';
import { INTERVIEW_LIMITS, scoreInputId, type RubricErrors } from './rubricRules';
import rubricTemplate from './cards/rubric.json';

export interface RubricValues {
  scores: Readonly<Record<string, unknown>>;
  notes: string;
  mentorAreas: string;
}

/** The interviewer's rubric: each criterion scored 1-5 with its anchor text, notes, and areas the candidate would mentor on. */
export function rubricCard(
  cohort: Pick<Cohort, 'id' | 'name' | 'rubric' | 'topics'>,
  candidate: Application,
  values: RubricValues,
  errors?: RubricErrors,
  scored = false,
): CardJson {
  const errorOf = (field: 'notes' | 'mentorAreas') => errors?.[field] ?? '';
  return expandCard(rubricTemplate, {
    candidateName: candidate.name,
    intro: scored
      ? `Your scores for ${cohort.name} are saved. You can change them until the taskforce decides.`
      : `Score each criterion from 1 to 5 for ${cohort.name}. Only you and the program taskforce see these scores.`,
    facts: [
      { label: 'Role', value: [candidate.jobTitle, candidate.department].filter(Boolean).join(', ') || '—' },
      { label: 'Topics', value: topicTitles(candidate, cohort.topics) },
      { label: 'Why they want to mentor', value: candidate.motivation },
    ].map((f) => ({ label: f.label, value: shownAsTyped(f.value) })),
    formError: errors?.form ?? '',
    criteria: cohort.rubric.map((criterion) => {
      const value = values.scores[criterion.id];
      return {
        inputId: scoreInputId(criterion.id),
        title: criterion.title,
        required: `Please score ${criterion.title.toLowerCase()}.`,
        value: typeof value === 'number' || (typeof value === 'string' && /^[1-5]$/.test(value)) ? String(value) : '',
        choices: criterion.anchors.map((anchor, i) => ({ title: `${i + 1}: ${anchor}`, value: String(i + 1) })),
        error: errors?.scores[criterion.id] ?? '',
      };
    }),
    notesMax: INTERVIEW_LIMITS.notes,
    notesValue: errors?.notes ? '' : shownAsTyped(values.notes),
    notesError: errorOf('notes'),
    mentorAreasMax: INTERVIEW_LIMITS.mentorAreas,
    mentorAreasValue: errors?.mentorAreas ? '' : shownAsTyped(values.mentorAreas),
    mentorAreasError: errorOf('mentorAreas'),
    submitTitle: scored ? 'Update my scores' : 'Submit scores',
    cohortId: cohort.id,
    candidateId: candidate.personId,
  });
}
