/**
 * The rule for text people type into cards and tab forms. Pure: no SDK, no I/O; the tab compiles it too.
 *
 * Text is stored as typed (after Unicode normalisation) and always shown as plain text (TextRun in cards, text nodes in
 * the tab), so markdown is harmless. What is refused: HTML tags, control characters, and the invisible characters that
 * reorder or hide text (bidirectional overrides, lone surrogates).
 */
export interface TextRule {
  /** Shown in error messages, e.g. "Why you want to mentor". */
  label: string;
  max: number;
  required?: boolean;
}

export type TextCheck = { ok: true; value: string } | { ok: false; error: string };

// C0 and C1 controls except tab, line feed and carriage return; bidi embeddings, overrides and isolates; BOM/noncharacters.
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const HTML_TAG = /<\s*\/?\s*[a-z!?][^>]*>/i;

export function checkText(raw: unknown, rule: TextRule): TextCheck {
  if (raw === undefined || raw === null) raw = '';
  if (typeof raw !== 'string') return { ok: false, error: `${rule.label} must be text.` };
  if (raw.length > rule.max * 4) return { ok: false, error: tooLong(rule) };
  if (LONE_SURROGATE.test(raw) || FORBIDDEN_CHARACTERS.test(raw)) {
    return { ok: false, error: `${rule.label} contains invisible or control characters. Please type it again as plain text.` };
  }
  const value = raw.normalize('NFC').trim();
  if (rule.required && value === '') return { ok: false, error: `Please fill in ${rule.label.toLowerCase()}.` };
  if ([...value].length > rule.max) return { ok: false, error: tooLong(rule) };
  if (HTML_TAG.test(value)) return { ok: false, error: `${rule.label} cannot contain HTML tags. Please write plain text.` };
  return { ok: true, value };
}

function tooLong(rule: TextRule): string {
  return `${rule.label} is too long: please keep it under ${rule.max} characters.`;
}
