import { createHmac } from 'node:crypto';

/**
 * The key survey answers are stored under instead of a person: HMAC-SHA256 of the person's Entra object id with the
 * program's secret, as 64 lowercase hex characters (safe as a Table storage RowKey or PartitionKey: none of / \ # ? or
 * control characters). The same person always gets the same key under one secret, so pre and post answers link; without
 * the secret the key cannot be turned back into the person, nor tested against a list of guessed ids.
 *
 * - The id is trimmed and lowercased first: Entra object ids are GUIDs, and Teams and Graph do not agree on their case.
 * - A fixed label is mixed in ("mentoring-up/survey-respondent/v1"), so the same secret used for anything else never
 *   yields these keys.
 * - The secret must be at least 32 characters with at least 8 different characters: a short or repetitive secret could
 *   be guessed, and then every key reversed by trying each person in the directory.
 */
export const MIN_SECRET_LENGTH = 32;
const MIN_DISTINCT_SECRET_CHARACTERS = 8;
const LABEL = 'mentoring-up/survey-respondent/v1';

export class PseudonymSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PseudonymSecretError';
  }
}

/** Why a secret is not good enough, or undefined when it is. */
export function secretProblem(secret: string | undefined): string | undefined {
  if (secret === undefined || secret === '') return 'The survey pseudonym secret is missing: set a random value of at least 32 characters.';
  if (secret.length < MIN_SECRET_LENGTH) return `The survey pseudonym secret is too short (${secret.length} characters): use a random value of at least ${MIN_SECRET_LENGTH}.`;
  if (new Set(secret).size < MIN_DISTINCT_SECRET_CHARACTERS) return 'The survey pseudonym secret repeats too few characters to be random: generate a new one.';
  return undefined;
}

export function pseudonymousKey(personId: string, secret: string): string {
  const problem = secretProblem(secret);
  if (problem) throw new PseudonymSecretError(problem);
  const id = personId.trim().toLowerCase();
  if (id === '') throw new RangeError('A pseudonymous key needs the person’s id.');
  return createHmac('sha256', secret).update(`${LABEL}\n${id}`, 'utf8').digest('hex');
}
