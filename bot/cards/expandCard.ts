import { Template } from 'adaptivecards-templating';

export type CardJson = Record<string, unknown>;

/**
 * Expands a card template (Adaptive Cards templating language, `${...}`) with data. Templates are JSON files beside each
 * stage; data carries display values and ids only.
 */
export function expandCard(template: object, data: object): CardJson {
  return new Template(template).expand({ $root: data }) as CardJson;
}
