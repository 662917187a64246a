/**
 * Where in the Cohorts page the hash points: `#/cohorts` (the list), `#/cohorts/new`, `#/cohorts/<id>` (its pipeline),
 * `#/cohorts/<id>/edit` and `#/cohorts/<id>/applicants/<personId>` (the pipeline with one applicant open).
 */
export type CohortView = { view: 'list' } | { view: 'new' } | { view: 'edit'; cohortId: string } | { view: 'pipeline'; cohortId: string; personId?: string };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseCohortView(hash: string): CohortView {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const [, id, sub, personId] = path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map(decode);
  if (!id) return { view: 'list' };
  if (id === 'new' && !sub) return { view: 'new' };
  if (sub === 'edit') return { view: 'edit', cohortId: id };
  if (sub === 'applicants' && personId) return { view: 'pipeline', cohortId: id, personId };
  return { view: 'pipeline', cohortId: id };
}

export function cohortHref(cohortId: string, sub?: 'edit'): string {
  return `#/cohorts/${encodeURIComponent(cohortId)}${sub ? `/${sub}` : ''}`;
}

export function applicantHref(cohortId: string, personId: string): string {
  return `#/cohorts/${encodeURIComponent(cohortId)}/applicants/${encodeURIComponent(personId)}`;
}
