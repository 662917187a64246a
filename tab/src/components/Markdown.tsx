import { Fragment, type ReactElement, type ReactNode } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { parseMarkdown, type Block, type Inline } from '../../../bot/contract/markdown';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, lineHeight: tokens.lineHeightBase300 },
  block: { margin: 0 },
  heading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL },
});

/**
 * The handbook's safe markdown (bot/contract/markdown.ts) as React elements: the parser's tree, never HTML,
 * so nothing the text holds can become a tag. Links are https only and open outside the tab.
 */
export function Markdown({ source }: { source: string }): ReactElement {
  const styles = useStyles();
  const blocks = parseMarkdown(source);
  const tagOf = headingTags(blocks);
  return <div className={styles.root}>{blocks.map((block, i) => renderBlock(block, i, styles, tagOf))}</div>;
}

type HeadingTag = 'h3' | 'h4' | 'h5';

/**
 * Inside a page whose sections are h2, the text's own headings start at h3 and never skip a level, whatever marks the
 * author used: the levels the text uses, in order, become h3, h4, h5 (a text of `##` and `####` reads as h3 and h4).
 */
function headingTags(blocks: readonly Block[]): (level: number) => HeadingTag {
  const levels: number[] = [...new Set(blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : [])))].sort((a, b) => a - b);
  return (level) => (['h3', 'h4', 'h5'] as const)[levels.indexOf(level)] ?? 'h5';
}

function renderBlock(block: Block, key: number, styles: ReturnType<typeof useStyles>, tagOf: (level: number) => HeadingTag): ReactElement {
  switch (block.type) {
    case 'heading': {
      const Tag = tagOf(block.level);
      return (
        <Tag key={key} className={styles.heading}>
          {renderInlines(block.children)}
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p key={key} className={styles.block}>
          {renderInlines(block.children)}
        </p>
      );
    case 'list': {
      const Tag = block.ordered ? 'ol' : 'ul';
      return (
        <Tag key={key} className={styles.list}>
          {block.items.map((item, i) => (
            <li key={i}>{renderInlines(item)}</li>
          ))}
        </Tag>
      );
    }
  }
}

function renderInlines(nodes: readonly Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'bold':
        return <strong key={i}>{renderInlines(node.children)}</strong>;
      case 'italic':
        return <em key={i}>{renderInlines(node.children)}</em>;
      case 'link':
        return (
          <Link key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInlines(node.children)}
          </Link>
        );
    }
  });
}
