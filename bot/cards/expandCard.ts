import { Template } from 'adaptivecards-templating';

export type CardJson = Record<string, unknown>;

/**
 * Expands a card template (Adaptive Cards templating language, `${...}`) with data. Templates are JSON files beside each
 * stage; data carries display values and ids only.
 *
 * Data is always plain text. Teams renders markdown in a TextBlock's `text` and a Fact's `title` and `value`, so a
 * person named `[Verify your account](https://evil.test)` would become a link: every value bound into those places is
 * escaped here, whoever builds the card. Markdown written in the template itself stays markdown. (TextRuns render no
 * markdown and are left as they are.)
 */
export function expandCard(template: object, data: object): CardJson {
  const expanded = new Template(markBoundText(template)).expand({ $root: withoutMarks(data) }) as CardJson;
  return escapeMarked(expanded) as CardJson;
}

/** Escapes what CommonMark (and Teams) would read as markup, so the text shows as typed. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~]/g, '\\$&')
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

// Private-use characters around each bound value in markdown places, found again after expansion.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;
const MARKED = /\uE000([^\uE000\uE001]*)\uE001/g;

/** A copy of the template with every `${...}` in a markdown place wrapped in the marks. */
function markBoundText(node: unknown, inMarkdownPlace = false): unknown {
  if (typeof node === 'string') return inMarkdownPlace ? markExpressions(node) : node;
  if (Array.isArray(node)) return node.map((child) => markBoundText(child));
  if (typeof node !== 'object' || node === null) return node;
  const element = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(element)) {
    const markdownPlace = (element.type === 'TextBlock' && key === 'text') || (key === 'facts' && element.type === 'FactSet');
    if (key === 'facts' && markdownPlace && Array.isArray(value)) {
      out[key] = value.map((fact) => markFact(fact));
    } else {
      out[key] = markBoundText(value, markdownPlace);
    }
  }
  return out;
}

function markFact(fact: unknown): unknown {
  if (typeof fact !== 'object' || fact === null) return fact;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fact)) out[key] = (key === 'title' || key === 'value') && typeof value === 'string' ? markExpressions(value) : value;
  return out;
}

/** `Hello ${name}!` -> `Hello <OPEN>${name}<CLOSE>!`, minding braces inside the expression. */
function markExpressions(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    if (start < 0) break;
    let depth = 0;
    let end = start + 1;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    if (end >= text.length) break;
    out += `${text.slice(i, start)}${OPEN}${text.slice(start, end + 1)}${CLOSE}`;
    i = end + 1;
  }
  return out + text.slice(i);
}

/** Data with the marks taken out of every string, so no value can end or fake a marked span. */
function withoutMarks(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(MARKS, '');
  if (Array.isArray(value)) return value.map(withoutMarks);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withoutMarks(child)]));
}

function escapeMarked(value: unknown): unknown {
  if (typeof value === 'string') return value.includes(OPEN) ? value.replace(MARKED, (_match, bound: string) => escapeMarkdown(bound)).replace(MARKS, '') : value;
  if (Array.isArray(value)) return value.map(escapeMarked);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, escapeMarked(child)]));
}
