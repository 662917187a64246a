import { documentText, MARKDOWN_LIMITS, markdownForCard, markdownProblems, parseMarkdown, safeHref, type Block, type Inline } from '../../../../bot/program/text/markdownSafe';

function allLinks(blocks: Block[]): string[] {
  const fromInline = (nodes: Inline[]): string[] => nodes.flatMap((n) => (n.type === 'text' ? [] : [...(n.type === 'link' ? [n.href] : []), ...fromInline(n.children)]));
  return blocks.flatMap((b) => (b.type === 'list' ? b.items.flatMap(fromInline) : fromInline(b.children)));
}

function depthOf(nodes: Inline[]): number {
  return Math.max(0, ...nodes.map((n) => (n.type === 'text' ? 0 : 1 + depthOf(n.children))));
}

describe('the safe markdown tree', () => {
  it('reads headings, paragraphs, lists, bold, italic and links', () => {
    const blocks = parseMarkdown(
      '# Welcome\n\nMeet **four times**, in a *common area*.\nSee [the guide](https://intranet.example.org/guide).\n\n- One\n- Two _each_\n\n1. First\n2) Second',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Welcome' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Meet ' },
          { type: 'bold', children: [{ type: 'text', text: 'four times' }] },
          { type: 'text', text: ', in a ' },
          { type: 'italic', children: [{ type: 'text', text: 'common area' }] },
          { type: 'text', text: '. See ' },
          { type: 'link', href: 'https://intranet.example.org/guide', children: [{ type: 'text', text: 'the guide' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [
          [{ type: 'text', text: 'One' }],
          [
            { type: 'text', text: 'Two ' },
            { type: 'italic', children: [{ type: 'text', text: 'each' }] },
          ],
        ],
      },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'First' }], [{ type: 'text', text: 'Second' }]] },
    ]);
  });
  it('keeps raw HTML as text, never as an element', () => {
    const blocks = parseMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }] }]);
  });
  it('drops the address of any link that is not plain https, keeping its words', () => {
    const hostile =
      '[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) [c](http://example.org) [d](https://user:pw@example.org) [e](JAVASCRIPT:x) [f](vbscript:x) [g](//evil.example)';
    const blocks = parseMarkdown(hostile);
    expect(allLinks(blocks)).toEqual([]);
    expect(documentText(blocks)).not.toMatch(/javascript|data:|vbscript/i);
    expect(documentText(blocks)).toContain('a b c d e f g');
  });
  it('does not treat snake_case or a lone star as emphasis, and honours escapes', () => {
    expect(parseMarkdown('file_name_here and 5 * 3')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'file_name_here and 5 * 3' }] }]);
    expect(parseMarkdown('\\*not italic\\*')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '*not italic*' }] }]);
  });
  it('folds deeper list indentation into one level and continues an item on an indented line', () => {
    const blocks = parseMarkdown('- one\n    - nested\n  still nested\n- two');
    expect(blocks).toEqual([
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'nested still nested' }], [{ type: 'text', text: 'two' }]] },
    ]);
  });
  it('caps headings at level 3 and strips closing hashes', () => {
    expect(parseMarkdown('##### Deep ##')).toEqual([{ type: 'heading', level: 3, children: [{ type: 'text', text: 'Deep' }] }]);
  });
  it('removes invisible controls and direction overrides', () => {
    expect(documentText(parseMarkdown('safe\u202Etxt.exe\u0000'))).toBe('safetxt.exe');
  });
  it('nests emphasis at most three deep, however deep the input', () => {
    const deep = `${'**_'.repeat(500)}x${'_**'.repeat(500)}`;
    const [block] = parseMarkdown(deep);
    expect(block.type).toBe('paragraph');
    if (block.type === 'paragraph') expect(depthOf(block.children)).toBeLessThanOrEqual(MARKDOWN_LIMITS.maxDepth);
  });
  it('stays cheap and bounded on huge and adversarial input', () => {
    for (const huge of ['['.repeat(200_000), '*'.repeat(200_000), '[a]('.repeat(50_000), '_a'.repeat(100_000), 'a\n'.repeat(100_000), '- '.repeat(100_000)]) {
      const text = documentText(parseMarkdown(huge));
      expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMITS.maxChars);
    }
  });
});

describe('markdown for a card', () => {
  it('keeps the subset Teams renders and turns headings into bold lines', () => {
    expect(markdownForCard('## The visit\n\nBring your **badge**.\n\n- Shoes\n- ID\n\n1. Tell\n1. Go')).toBe(
      '**The visit**\n\nBring your **badge**.\n\n- Shoes\n- ID\n\n1. Tell\n2. Go',
    );
  });
  it('breaks up anything tag-like so no renderer reads it as HTML', () => {
    const card = markdownForCard('<script>alert(1)</script> and </b> and <!-- x --> but 3 < 4');
    expect(card).not.toMatch(/<[a-zA-Z/!?]/);
    expect(card).toContain('3 < 4');
  });
  it('never lets a dropped link come back as a link', () => {
    const card = markdownForCard('[click](javascript:alert(1)) and \\[x\\](javascript:y)');
    expect(card).not.toMatch(/\]\(/);
    expect(card).not.toMatch(/javascript:alert/);
  });
  it('escapes markdown characters in text so they show as typed', () => {
    expect(markdownForCard('\\*stars\\* and [brackets] and a_b')).toBe('\\*stars\\* and \\[brackets\\] and a\\_b');
    expect(markdownForCard('\\# not a heading')).toBe('\\# not a heading');
  });
  it('writes link addresses so a parenthesis cannot end them early', () => {
    expect(markdownForCard('[w](https://example.org/a_(b))')).toBe('[w](https://example.org/a_%28b%29)');
    expect(markdownForCard('[w](https://example.org\\evil)')).toBe('w');
  });
});

describe('links and problems', () => {
  it('keeps https links only', () => {
    expect(safeHref('https://example.org/x?y=1')).toBe('https://example.org/x?y=1');
    expect(safeHref('https://teams.microsoft.com/l/meetup-join/abc')).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    for (const bad of ['http://example.org', 'javascript:alert(1)', 'data:text/html,x', 'https://a b', 'https://u:p@example.org', 'ftp://example.org', 'not a url']) {
      expect(safeHref(bad)).toBeUndefined();
    }
  });
  it('tells an editor what to fix, kindly', () => {
    expect(markdownProblems('Fine **text** with [a link](https://example.org).', 'The answer', 2000)).toEqual([]);
    const problems = markdownProblems('<b>x</b> [y](http://example.org) z\u202E', 'The answer', 5);
    expect(problems).toEqual([
      'The answer is too long: please keep it under 5 characters.',
      'The answer contains HTML. Please use the simple formatting instead (**bold**, *italic*, lists, links).',
      'The answer contains invisible or control characters. Please type it again as plain text.',
      'Links must start with https:// (check “http://example.org”).',
    ]);
    expect(markdownProblems('  ', 'The answer', 10)).toEqual(['Please write the answer.']);
    expect(markdownProblems(42, 'The answer', 10)).toEqual(['The answer must be text.']);
  });
});
