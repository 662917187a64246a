/**
 * A small, safe markdown for the handbook and the orientation texts. Pure: no SDK, no I/O; the tab compiles it too.
 *
 * The subset: paragraphs, headings (#, ##, ###), bulleted and numbered lists (one level; deeper indentation is read as
 * the same level), **bold**, *italic* (or _italic_), [links](https://...) and backslash escapes. Everything else is
 * plain text. There is never raw HTML: a tag is text, and in card text it is broken up so no renderer can read it as
 * a tag. Links must be https (no credentials); any other link keeps its words and loses its address.
 *
 * Two outputs: `toCardMarkdown` gives the markdown Teams renders in Adaptive Card TextBlocks (bold, italic, lists,
 * links; headings become bold lines), rebuilt from the tree so nothing outside the subset survives; `parseMarkdown`
 * gives the tree itself, which the tab renders with React elements (no dangerouslySetInnerHTML).
 *
 * Cost is linear in the input: input past `maxChars` is cut, emphasis nests at most three deep, and every search for a
 * closing delimiter resumes from the last one (a line of ten thousand "[" stays cheap).
 */
export type Inline =
  { type: 'text'; text: string } | { type: 'bold'; children: Inline[] } | { type: 'italic'; children: Inline[] } | { type: 'link'; href: string; children: Inline[] };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };

export const MARKDOWN_LIMITS = { maxChars: 20_000, maxDepth: 3 } as const;

// Controls other than tab and line feed, direction overrides and isolates, BOM: removed before parsing.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);
const HTML_TAG = /<\s*\/?\s*[a-z!?][^>]*>/i;

/** The link address kept, or undefined: https only, no user or password, a real host. */
export function safeHref(raw: string): string | undefined {
  if (/[\s\u0000-\u001F\\]/.test(raw)) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Finds delimiters left to right, remembering the last answer so repeated searches cost nothing. */
class DelimiterFinder {
  private readonly last = new Map<string, { from: number; at: number }>();
  constructor(private readonly text: string) {}

  find(delimiter: string, from: number): number {
    const cached = this.last.get(delimiter);
    if (cached && from >= cached.from && (cached.at === -1 || cached.at >= from)) return cached.at;
    const at = this.text.indexOf(delimiter, from);
    this.last.set(delimiter, { from, at });
    return at;
  }
}

interface InlineContext {
  depth: number;
  inLink: boolean;
  dropped: string[];
}

function pushText(nodes: Inline[], text: string): void {
  if (text === '') return;
  const last = nodes[nodes.length - 1];
  if (last && last.type === 'text') last.text += text;
  else nodes.push({ type: 'text', text });
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!<>~|]/;

function parseInline(text: string, context: InlineContext): Inline[] {
  const nodes: Inline[] = [];
  const finder = new DelimiterFinder(text);
  const canNest = context.depth < MARKDOWN_LIMITS.maxDepth;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1])) {
      pushText(nodes, text[i + 1]);
      i += 2;
      continue;
    }
    if (canNest && (c === '*' || c === '_')) {
      const double = text[i + 1] === c;
      const delimiter = double ? c + c : c;
      const wordInside = c === '_' && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '');
      const close = wordInside ? -1 : finder.find(delimiter, i + delimiter.length);
      const inner = close === -1 ? '' : text.slice(i + delimiter.length, close);
      if (close !== -1 && inner.trim() !== '' && !/^\s/.test(inner) && !/\s$/.test(inner)) {
        const children = parseInline(inner, { ...context, depth: context.depth + 1 });
        nodes.push({ type: double ? 'bold' : 'italic', children });
        i = close + delimiter.length;
        continue;
      }
      pushText(nodes, delimiter);
      i += delimiter.length;
      continue;
    }
    if (c === '[' && !context.inLink) {
      const middle = finder.find('](', i + 1);
      let end = middle === -1 ? -1 : finder.find(')', middle + 2);
      // One level of parentheses inside an address, as in https://en.wikipedia.org/wiki/Triage_(medicine).
      if (end !== -1 && text.slice(middle + 2, end).includes('(')) end = finder.find(')', end + 1);
      if (middle !== -1 && end !== -1 && !text.slice(i + 1, middle).includes('[')) {
        const label = text.slice(i + 1, middle);
        const rawHref = text.slice(middle + 2, end).trim();
        const href = safeHref(rawHref);
        const children = parseInline(label, { ...context, depth: context.depth + 1, inLink: true });
        if (href) nodes.push({ type: 'link', href, children });
        else {
          context.dropped.push(rawHref);
          for (const child of children) {
            if (child.type === 'text') pushText(nodes, child.text);
            else nodes.push(child);
          }
        }
        i = end + 1;
        continue;
      }
    }
    pushText(nodes, c);
    i += 1;
  }
  return nodes;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

interface Parsed {
  blocks: Block[];
  droppedLinks: string[];
}

function parse(source: string): Parsed {
  const dropped: string[] = [];
  const inline = (text: string): Inline[] => parseInline(text.trim(), { depth: 0, inLink: false, dropped });
  const text = source.slice(0, MARKDOWN_LIMITS.maxChars).replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(/\t/g, ' ');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: inline(paragraph.join(' ')) });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(inline) });
    paragraph = [];
    list = undefined;
  };
  for (const line of text.split('\n')) {
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const listItem = bullet ?? numbered;
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: Math.min(3, heading[1].length) as 1 | 2 | 3, children: inline(heading[2]) });
    } else if (listItem) {
      const ordered = !!numbered;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(listItem[1]);
    } else if (list && /^\s+/.test(line)) list.items[list.items.length - 1] += ` ${line.trim()}`;
    else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return { blocks, droppedLinks: dropped };
}

/** The tree the tab renders. */
export function parseMarkdown(source: string): Block[] {
  return parse(source).blocks;
}

/** Plain text of inline nodes (for headings in cards, search indexes, and screen-reader labels). */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : plainText(n.children))).join('');
}

/** Plain text of a whole document, blocks separated by blank lines. */
export function documentText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.type === 'list' ? b.items.map(plainText).join('\n') : plainText(b.children))).join('\n\n');
}

/** Text that TextBlock markdown shows as typed: metacharacters escaped, anything tag-like broken up. */
function cardText(text: string): string {
  return text
    .replace(/[\\`*_[\]()~]/g, (c) => `\\${c}`)
    .replace(/<(?=[a-zA-Z/!?])/g, '< ')
    .replace(/^(\s*)([#>+-]|\d+[.)])/, '$1\\$2');
}

function cardInline(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return cardText(n.text);
        case 'bold':
          return `**${cardInline(n.children)}**`;
        case 'italic':
          return `_${cardInline(n.children)}_`;
        case 'link':
          return `[${cardInline(n.children)}](${n.href.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
      }
    })
    .join('');
}

/** Markdown for an Adaptive Card TextBlock, rebuilt from the tree: only the subset Teams renders, links https only. */
export function toCardMarkdown(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'heading') return `**${cardText(plainText(b.children))}**`;
      if (b.type === 'paragraph') return cardInline(b.children);
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${cardInline(item)}`).join('\n');
    })
    .join('\n\n');
}

/** Source markdown made safe for a card in one step. */
export function markdownForCard(source: string): string {
  return toCardMarkdown(parseMarkdown(source));
}

/** What a taskforce editor should fix before saving, as kind sentences (empty when the text is fine). */
export function markdownProblems(source: unknown, label: string, max: number): string[] {
  if (typeof source !== 'string') return [`${label} must be text.`];
  const problems: string[] = [];
  if (source.trim() === '') problems.push(`Please write ${label.toLowerCase()}.`);
  if ([...source].length > max) problems.push(`${label} is too long: please keep it under ${max.toLocaleString('en-US')} characters.`);
  if (HTML_TAG.test(source)) problems.push(`${label} contains HTML. Please use the simple formatting instead (**bold**, *italic*, lists, links).`);
  const text = source.slice(0, MARKDOWN_LIMITS.maxChars * 4);
  if (HAS_INVISIBLE.test(text)) problems.push(`${label} contains invisible or control characters. Please type it again as plain text.`);
  const dropped = parse(text).droppedLinks;
  if (dropped.length > 0)
    problems.push(
      `Links must start with https:// (check ${dropped
        .slice(0, 3)
        .map((d) => `“${[...d].slice(0, 40).join('')}”`)
        .join(', ')}).`,
    );
  return problems;
}
