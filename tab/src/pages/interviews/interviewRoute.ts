/** Where the interviews page's hash points: `#/interviews` (the list) or `#/interviews/<cohortId>/<personId>` (one sheet). */

export function interviewHref(cohortId: string, personId: string): string {
  return `#/interviews/${encodeURIComponent(cohortId)}/${encodeURIComponent(personId)}`;
}

/** `#/interviews/<cohortId>/<personId>` names one interview; `#/interviews` is the list. */
export function parseInterviewHash(hash: string): { cohortId: string; personId: string } | undefined {
  const segments = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/').filter((s) => s.length > 0);
  if (segments[0] !== 'interviews' || segments.length < 3) return undefined;
  try {
    return { cohortId: decodeURIComponent(segments[1] ?? ''), personId: decodeURIComponent(segments[2] ?? '') };
  } catch {
    return undefined;
  }
}
