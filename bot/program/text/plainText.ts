/** Text people type, in cards and tab forms. The text rule itself is shared with the tab (bot/contract/text.ts). */
export { checkText, type TextCheck, type TextRule } from '../../contract/text';

/**
 * Text typed by a person, made safe to place in a card template's output: the card checks treat "${" as an unexpanded
 * template expression, so it is broken apart. Cards show it in TextRuns, which render no markdown.
 */
export function shownAsTyped(value: string): string {
  return value.replace(/\$\{/g, '$ {');
}

/** Comma-separated values from an Input.ChoiceSet with isMultiSelect. */
export function choiceValues(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw !== 'string' || raw.length > 2000) return undefined;
  return [
    ...new Set(
      raw
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}
