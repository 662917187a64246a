import { z } from 'zod';
import { checkText, type TextRule } from './text';

/**
 * The building blocks of request schemas. Each field carries the kind sentence a person reads when it is wrong, so a
 * refused request says which field and why ("Please fill in the cohort name.", "The program year must be a year such
 * as 2025."). A field built without one still names itself (`firstProblem`).
 */

function textField(rule: TextRule, raw: string | undefined, ctx: z.RefinementCtx): string {
  const check = checkText(raw, rule);
  if (check.ok) return check.value;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: check.error });
  return z.NEVER;
}

/** Text a person types, required: plain text (bot/contract/text.ts), trimmed, 1 to `max` characters. */
export function text(label: string, max: number) {
  return z
    .string({ required_error: `Please fill in ${label.toLowerCase()}.`, invalid_type_error: `${label} must be text.` })
    .transform((raw, ctx) => textField({ label, max, required: true }, raw, ctx));
}

/** Text a person may leave out ('' when missing). */
export function optionalText(label: string, max: number) {
  return z
    .string({ invalid_type_error: `${label} must be text.` })
    .optional()
    .transform((raw, ctx) => textField({ label, max }, raw, ctx));
}

/** Ids of people, cohorts and the like; `message` says what to choose. */
export function id(message: string) {
  return z.string({ required_error: message, invalid_type_error: message }).min(1, message).max(100, message);
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { errorMap: () => ({ message }) });
}

export function yesNo(message: string) {
  return z.boolean({ required_error: message, invalid_type_error: message });
}

export function wholeNumber(message: string, min: number, max: number) {
  return z.number({ required_error: message, invalid_type_error: message }).int(message).min(min, message).max(max, message);
}

/** A whole number in a query string ("?limit=20"). */
export function wholeNumberInQuery(message: string, min: number, max: number) {
  return z.coerce.number({ invalid_type_error: message }).int(message).min(min, message).max(max, message);
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, YYYY-MM-DD, that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function calendarDate(message: string) {
  return z.string({ required_error: message, invalid_type_error: message }).refine(isCalendarDate, message);
}

/** An object body; a body that is not a JSON object is refused with one sentence. */
export function fields<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape, { invalid_type_error: 'Please send the request as a JSON object.' });
}

const TYPE_WORDS: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/**
 * The first problem of a refused request as one sentence: the field's own sentence, or one that names the field for a
 * field defined without one.
 */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Please check the request and try again.';
  const own = issue.code === z.ZodIssueCode.custom || issue.message !== z.defaultErrorMap(issue, { data: undefined, defaultError: '' }).message;
  if (own) return issue.message;
  const field = issue.path.length > 0 ? `The field \`${issue.path.join('.')}\`` : 'The request';
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.path.length === 0) return 'Please send the request as a JSON object.';
      return issue.received === 'undefined' ? `${field} is missing.` : `${field} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    case z.ZodIssueCode.invalid_enum_value:
      return `${field} must be one of ${issue.options.join(', ')}.`;
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return `${field} is too long: please keep it under ${String(issue.maximum)} characters.`;
      return issue.type === 'array' ? `${field} has too many items.` : `${field} is too large.`;
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return `${field} is too short.`;
      return issue.type === 'array' ? `${field} needs more items.` : `${field} is too small.`;
    default:
      return `${field} is not valid.`;
  }
}
