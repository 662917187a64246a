import * as AC from 'adaptivecards';

/**
 * Checks a card the way Teams would see it: parsed and validated by the Adaptive Cards SDK, plus what the SDK does not
 * report (STACK-NOTES): version at most 1.5, every Action.Execute has a verb, ids unique, Images have a url.
 * Returns the problems; an empty list means the card is fine.
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (typeof card !== 'object' || card === null) return ['card is not an object'];
  const json = card as Record<string, unknown>;
  if (json.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  const version = typeof json.version === 'string' ? Number(json.version) : NaN;
  if (!Number.isFinite(version)) problems.push('version is missing');
  else if (version > 1.5) problems.push(`version ${String(json.version)} is above 1.5 (Teams supports up to 1.5)`);
  if (JSON.stringify(card).includes('${')) problems.push('an unexpanded template expression is left');

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);

  const ids = new Set<string>();
  walk(json, (node) => {
    if (typeof node.id === 'string') {
      if (ids.has(node.id)) problems.push(`duplicate id ${node.id}`);
      ids.add(node.id);
    }
    if (node.type === 'Action.Execute' && (typeof node.verb !== 'string' || node.verb === '')) problems.push('Action.Execute without verb');
    if (node.type === 'Image' && typeof node.url !== 'string') problems.push('Image without url');
  });
  return problems;
}

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((child) => walk(child, visit));
  }
}

/**
 * The text of every place where Teams renders markdown (a TextBlock's text, a Fact's title and value), as written in
 * the card: escapes included.
 */
export function markdownTexts(card: unknown): string[] {
  const texts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts as Record<string, unknown>[]) for (const key of ['title', 'value']) if (typeof fact[key] === 'string') texts.push(fact[key]);
    }
  });
  return texts;
}

/** Markup that would render (a link, emphasis, code) in a markdown text: anything not escaped with a backslash. */
export function liveMarkdown(text: string): string[] {
  const found: string[] = [];
  if (/(?<!\\)\]\(/.test(text)) found.push('a link');
  if (/(?<!\\)[*_~`]/.test(text)) found.push('emphasis or code');
  if (/(?<!\\)</.test(text)) found.push('an autolink or HTML');
  return found;
}

/** What a person reads: the text with CommonMark's backslash escapes resolved. */
export function shownMarkdownText(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
