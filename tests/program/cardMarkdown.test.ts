// Names from the directory and text people type reach cards as text, never as markdown: a person named like a phishing
// link stays a name, through the real flows (the nomination, the manager's approval card and its decided card, the
// outcome, the status card) and the introduction card, while ordinary names still read as written.
import { sampleOrg } from '../../bot/directory/sampleOrg';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { introductionCard } from '../../bot/program/matching/introductionCard';
import { cardProblems, liveMarkdown, markdownTexts, shownMarkdownText } from '../support/cardChecks';
import { IntakeHarness, type Card } from './intakeHarness';

const HOSTILE = '[Verify your account](https://evil.test)';
const ORDINARY = 'Zoë O’Brien-Smith *Sam* o_k';
const nominee = { ...samplePersonas.employee, name: HOSTILE };
const manager = { ...samplePersonas.manager, name: ORDINARY };

/** Every markdown place of the cards, with what renders in it and what a person reads. */
function readCards(cards: readonly Card[]): { live: string[]; shown: string } {
  const texts = cards.flatMap((card) => markdownTexts(card));
  return {
    live: texts.flatMap((text) => liveMarkdown(text).map((what) => `${what} in "${text}"`)),
    shown: texts.map(shownMarkdownText).join('\n'),
  };
}

describe('markdown in cards', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    const people = sampleOrg().map((p) => (p.id === nominee.id ? { ...p, name: nominee.name } : p.id === manager.id ? { ...p, name: manager.name } : p));
    h = await IntakeHarness.start(undefined, people);
    await h.install(manager);
    await h.install(nominee);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('shows a hostile name and an ordinary one as written, with no link or emphasis, from nomination to status', async () => {
    const cohorts = (await h.api('get', '/api/cohorts', samplePersonas.taskforce.id)).body as { cohorts: { id: string; topics: { id: string }[] }[] };
    const demo = cohorts.cohorts.find((c) => c.id === 'demo')!;
    const seen: Card[] = [];

    seen.push(...(await h.say(nominee, 'nominate')));
    const submitted = await h.click(nominee, 'nomination.submit', { cohortId: demo.id, topics: demo.topics[0].id, otherTopics: '', motivation: `I am ${HOSTILE}.`, agree: 'true' });
    seen.push(submitted.card!);
    const approvalRequest = h.cardsOf(manager).at(-1)!;
    seen.push(approvalRequest);
    const decided = await h.click(manager, 'nomination.approve', { cohortId: demo.id, nomineeId: nominee.id });
    seen.push(decided.card!);
    seen.push(h.cardsOf(nominee).at(-1)!);
    seen.push(...(await h.say(nominee, 'status')), ...(await h.say(manager, 'status')));

    for (const card of seen) expect(cardProblems(card)).toEqual([]);
    const { live, shown } = readCards(seen);
    expect(live).toEqual([]);
    // The decided card names the nominee in a TextBlock: it reads exactly as the directory has it.
    expect(shown).toContain(`You approved ${HOSTILE}’s participation`);
  });

  it('introduces a hostile or ordinary partner by name, with no link or emphasis', () => {
    const cards = [HOSTILE, ORDINARY].map(
      (name) =>
        introductionCard({ role: 'mentor', cohortName: '**Urgent** cohort', partner: { name, jobTitle: '_Chief_ [x](y)', department: '# Ops' }, sharedTopics: ['1. Night shifts'] })
          .card,
    );
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    const { live, shown } = readCards(cards);
    expect(live).toEqual([]);
    for (const written of [`Meet your mentee: ${HOSTILE}`, `Meet your mentee: ${ORDINARY}`, '**Urgent** cohort', '_Chief_ [x](y)', '# Ops', '1. Night shifts']) {
      expect(shown).toContain(written);
    }
  });
});
