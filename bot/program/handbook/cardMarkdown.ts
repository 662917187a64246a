import type { CardJson } from '../../cards/expandCard';
import { markdownForCard } from '../text/markdownSafe';

/**
 * Puts handbook and orientation markdown into an expanded card. `expandCard` escapes every bound value (people's names
 * must never become links), so text the taskforce formats is placed after expansion, into the TextBlocks the template
 * names by id, and only as markdown rebuilt by `markdownForCard` (the safe subset, https links, no HTML).
 */
export function withCardMarkdown(card: CardJson, sources: Readonly<Record<string, string>>): CardJson {
  const place = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(place);
    if (typeof node !== 'object' || node === null) return node;
    const element = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(element)) out[key] = place(value);
    const source = typeof element.id === 'string' && element.type === 'TextBlock' ? sources[element.id] : undefined;
    // "${" would read as a template expression to card tooling; "$\{" renders the same.
    if (source !== undefined) out.text = markdownForCard(source).replace(/\$\{/g, '$\\{');
    return out;
  };
  return place(card) as CardJson;
}
