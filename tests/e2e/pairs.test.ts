// The Pairs page as the taskforce uses it: real Chromium against the real service (local mode, in-memory Azurite, the
// demo cohort), serving the bundle that jest's globalSetup built into dist/tab. Introductions go to a Bot Connector
// double, so the cards each person of a pair receives can be read.
import type { Browser, Locator, Page } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import { launchChromium } from '../support/browser';
import { cardProblems } from '../support/cardChecks';
import { ConnectorDouble } from '../support/connectorDouble';
import { apiAnswerAs, type ApiAnswer } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, shownText, signInAs, TAB_WAIT_MS } from '../support/tabPage';
import { installationUpdate, personalConversationId, post } from '../support/teamsActivities';

const screenshotDir = '/tmp';
const matchingPath = `/api/cohorts/${DEMO_COHORT_ID}/matching`;

let browser: Browser;
let service: TestService;
let connector: ConnectorDouble;

beforeAll(async () => {
  connector = await new ConnectorDouble().start();
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await connector?.stop();
});

interface Proposal {
  etag: string;
  counts: { executives: number };
  pairs: { executive: { id: string }; locked: boolean }[];
  unmatched: { executive: { id: string; name: string }; explanation: string }[];
}

/** A confirmed pair as the taskforce sees it (`GET /api/cohorts/:id/pairs`): with its score. */
interface ConfirmedPair {
  executive: { id: string; name: string };
  mentor: { id: string; name: string };
  sharedTopics: string[];
  score: number;
}

interface Applicant {
  personId: string;
  name: string;
  kind: 'mentor' | 'executive';
}

/** Calls the tab API as Priya (taskforce), outside the browser: to set the scene, or to be "someone else". */
function asPriya<T>(method: string, path: string, body?: unknown, ifMatch?: string): Promise<ApiAnswer<T>> {
  return apiAnswerAs<T>(service.baseUrl, samplePersonas.taskforce.id, path, { method, body, ifMatch });
}

/** Waits until `check` holds (the page re-renders after each answer); otherwise fails saying what never happened. */
async function waitUntil(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + TAB_WAIT_MS;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Expected ${what}, but it did not happen.\nThe page showed: "${await shownText(page)}"`);
    await page.waitForTimeout(100);
  }
}

function proposedRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Proposed pairs' }).locator('tbody tr');
}

function rowOf(page: Page, table: 'Proposed pairs' | 'Confirmed pairs', executiveId: string): Locator {
  return page.getByRole('table', { name: table }).locator(`tbody tr[data-executive-id="${executiveId}"]`);
}

/** Resolves with the answer of the next matching call whose path ends with `suffix`. */
function nextAnswer(page: Page, method: string, suffix: RegExp): Promise<number> {
  return page
    .waitForResponse((response) => response.request().method() === method && suffix.test(new URL(response.url()).pathname), { timeout: TAB_WAIT_MS })
    .then((response) => response.status());
}

/**
 * Switches to `who` through "Switch person" and the picker, opens My mentoring from the navigation, and checks their
 * pair: the partner's name and the shared topics, and no score on the page or in what the service sent the browser.
 */
async function expectMyPairShown(page: Page, who: string, pair: ConfirmedPair, role: 'mentor' | 'executive'): Promise<void> {
  const partner = role === 'mentor' ? pair.executive : pair.mentor;
  // Listening from before the switch: signing in may land straight on My mentoring, which then asks at once.
  const myPairAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/me/pair', { timeout: TAB_WAIT_MS });
  await page.getByRole('button', { name: 'Switch person' }).click();
  await signInAs(page, who);
  await page.getByRole('navigation', { name: 'Mentoring Up' }).getByRole('link', { name: 'My mentoring' }).click();
  const answer = await myPairAnswer;
  expect(answer.status()).toBe(200);
  expect(await answer.text()).not.toMatch(/score/i);

  const section = page.getByRole('region', { name: role === 'mentor' ? 'Your mentee' : 'Your mentor' });
  await expectVisible(page, section, `${who}'s pair on My mentoring`);
  await expectVisible(page, section.getByText(partner.name, { exact: true }), `${partner.name} as ${who}'s partner`);
  // Fluent's Tag has no role of its own; `fui-Tag` is its documented static class (tagClassNames.root).
  const topicTags = section.getByRole('toolbar', { name: 'Topics you share' }).locator('.fui-Tag');
  const topics = (await topicTags.allInnerTexts()).map((topic) => topic.trim());
  expect([...topics].sort()).toEqual([...pair.sharedTopics].sort());
  const shown = await section.innerText();
  expect(shown).not.toMatch(/score|points/i);
  expect(shown).not.toMatch(new RegExp(`\\b${pair.score}\\b`));
  expect(await page.getByRole('main').innerText()).not.toMatch(/score/i);
  // Their accepted application no longer says a pair is still to come.
  await expectVisible(page, page.getByText('You are paired: meet your partner above.', { exact: false }), `${who}'s application saying they are paired`);
  expect(await page.getByRole('main').innerText()).not.toContain('will pair you');
  await page.screenshot({ path: `${screenshotDir}/pairs-my-pair-${role}.png`, fullPage: true });
}

/** The controls wait while a change is on its way; enabled again means the page shows the answer. */
async function settled(page: Page): Promise<void> {
  const rerun = page.getByRole('button', { name: 'Re-run (keeps locks and bans)' });
  await waitUntil(page, () => rerun.isEnabled(), 'the proposal to settle after a change');
}

describe('the Pairs page in Chromium, local mode', () => {
  it('runs matching on the demo cohort, locks a pair, bans and overrides one, re-runs, confirms, and introduces both people', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { width: 1280 });
    await signInAs(page, 'Priya Raman');
    await page.getByRole('navigation', { name: 'Mentoring Up' }).getByRole('link', { name: 'Pairs' }).click();

    // Before the first run: the empty state says who is waiting, and offers the run.
    await expectVisible(page, page.getByText('No pairs yet.'), 'the Pairs empty state before matching');
    await expectVisible(page, page.getByText(/\d+ accepted executives and \d+ accepted mentors are waiting/), 'how many people wait to be paired');
    const ran = nextAnswer(page, 'POST', /\/matching\/run$/);
    await page.getByRole('button', { name: 'Run matching' }).click();
    expect(await ran).toBe(200);
    await expectVisible(page, proposedRows(page), 'the proposed pairs after running matching');
    const proposal = (await asPriya<{ proposal: Proposal }>('GET', matchingPath)).body.proposal;
    const pairCount = proposal.pairs.length;
    expect(pairCount).toBeGreaterThanOrEqual(3);
    expect(await proposedRows(page).count()).toBe(pairCount);
    expect(await page.getByTestId('count-Matched').innerText()).toBe(`${pairCount} of ${proposal.counts.executives}`);
    await expectVisible(page, page.getByText(/points for each topic both chose/), 'the scoring formula');
    // The terse columns are explained, and each lock switch says in words whether the pair is locked.
    expect(await page.getByTestId('proposed-columns-note').innerText()).toMatch(/Chain excluded: .*report up to them.*Locked: /);
    expect(await proposedRows(page).first().getByText('Not locked', { exact: true }).count()).toBe(1);
    for (const unmatched of proposal.unmatched) {
      const item = page.getByRole('list', { name: 'Executives without a mentor' }).locator(`li[data-executive-id="${unmatched.executive.id}"]`);
      await expectVisible(page, item.getByText(unmatched.explanation), `why ${unmatched.executive.name} has no mentor`);
    }

    // Everyone accepted installs the app (so their conversation points at the connector double), except the executive of
    // the last proposed pair, whose introduction cannot be delivered.
    const pipeline = await asPriya<{ applicants: Applicant[] }>('GET', `/api/cohorts/${DEMO_COHORT_ID}/pipeline?stage=accepted`);
    expect(pipeline.status).toBe(200);
    const accepted = pipeline.body.applicants;
    const notInstalled = accepted.find((a) => a.personId === proposal.pairs[pairCount - 1].executive.id)!;
    for (const person of accepted.filter((a) => a !== notInstalled)) {
      const installed = await post(service.baseUrl, installationUpdate(connector.url, { id: person.personId, name: person.name }));
      expect(installed.status).toBe(200);
    }
    await page.screenshot({ path: `${screenshotDir}/pairs-proposal.png`, fullPage: true });

    // Lock the first pair.
    const first = proposedRows(page).first();
    const lockedExecutive = (await first.getAttribute('data-executive-id'))!;
    const lockedMentor = (await first.getAttribute('data-mentor-id'))!;
    const locked = nextAnswer(page, 'PUT', /\/matching\/lock$/);
    await first.getByRole('switch').click();
    expect(await locked).toBe(200);
    await waitUntil(page, () => rowOf(page, 'Proposed pairs', lockedExecutive).getByRole('switch').isChecked(), 'the first pair to show as locked');

    // Ban the second pair: its executive is left without a mentor, with the service's sentence saying why.
    const second = proposedRows(page).nth(1);
    const bannedExecutive = (await second.getAttribute('data-executive-id'))!;
    const bannedMentor = (await second.getAttribute('data-mentor-id'))!;
    await second.getByRole('button', { name: /^Ban this pair/ }).click();
    const banDialog = page.getByRole('dialog', { name: 'Ban this pair?' });
    await expectVisible(page, banDialog, 'the ban dialog');
    await banDialog.getByRole('textbox', { name: /Reason/ }).fill('They already work together on a project.');
    const banned = nextAnswer(page, 'POST', /\/matching\/bans$/);
    await banDialog.getByRole('button', { name: 'Ban pair' }).click();
    expect(await banned).toBe(200);
    const unmatched = page.getByRole('list', { name: 'Executives without a mentor' });
    await expectVisible(page, unmatched.locator(`li[data-executive-id="${bannedExecutive}"]`), 'the banned pair’s executive among those without a mentor');
    await expectVisible(page, page.getByRole('list', { name: 'Banned pairs' }).getByText(/They already work together/), 'the ban with its reason');

    // Placing the banned mentor back by hand breaks a rule: the check says so, and an override needs a reason.
    await unmatched
      .locator(`li[data-executive-id="${bannedExecutive}"]`)
      .getByRole('button', { name: /Choose a mentor/ })
      .click();
    const chooser = page.getByRole('dialog', { name: /Choose a mentor for/ });
    await expectVisible(page, chooser, 'the mentor picker');
    await chooser.getByRole('combobox', { name: 'Mentor' }).selectOption(bannedMentor);
    await expectVisible(page, chooser.getByText(/This pair breaks a rule/), 'the rule check warning for a banned pair');
    await expectVisible(page, chooser.getByText(/Banned by the taskforce/), 'the broken rule named');
    const override = chooser.getByRole('button', { name: 'Override and place mentor' });
    expect(await override.isDisabled()).toBe(true);
    await chooser.getByRole('textbox', { name: /Reason for the override/ }).fill('The project ended; both asked to work together.');
    await waitUntil(page, () => override.isEnabled(), 'a written reason to enable the override');
    await page.screenshot({ path: `${screenshotDir}/pairs-override.png` });
    const assigned = nextAnswer(page, 'PUT', /\/matching\/assignments\/[^/]+$/);
    await override.click();
    expect(await assigned).toBe(200);
    const placed = rowOf(page, 'Proposed pairs', bannedExecutive);
    await expectVisible(page, placed.getByText('Rule overridden'), 'the overridden pair marked in the table');
    expect(await placed.getAttribute('data-mentor-id')).toBe(bannedMentor);
    expect(await placed.getByRole('switch').isChecked()).toBe(true);

    // Re-run: the locked pair and the placed pair hold.
    await settled(page);
    const reran = nextAnswer(page, 'POST', /\/matching\/run$/);
    await page.getByRole('button', { name: 'Re-run (keeps locks and bans)' }).click();
    expect(await reran).toBe(200);
    await settled(page);
    expect(await proposedRows(page).count()).toBe(pairCount);
    expect(await rowOf(page, 'Proposed pairs', lockedExecutive).getAttribute('data-mentor-id')).toBe(lockedMentor);
    expect(await rowOf(page, 'Proposed pairs', lockedExecutive).getByRole('switch').isChecked()).toBe(true);
    expect(await rowOf(page, 'Proposed pairs', bannedExecutive).getAttribute('data-mentor-id')).toBe(bannedMentor);

    // The audit log keeps the override with its reason.
    await page.getByRole('button', { name: 'Audit log' }).click();
    await expectVisible(page, page.getByText(/by hand, overriding a rule: banned by the taskforce/), 'the override in the audit log');

    // The proposal under review in the high-contrast theme, then back to the light one (the sign-in is kept for this tab).
    for (const theme of ['contrast', 'default']) {
      await page.goto(`${service.baseUrl}/tab/?theme=${theme}#/pairs`);
      await expectVisible(page, rowOf(page, 'Proposed pairs', bannedExecutive).getByText('Rule overridden'), `the proposal in the ${theme} theme`);
      if (theme === 'contrast') await page.screenshot({ path: `${screenshotDir}/pairs-proposal-contrast.png`, fullPage: true });
    }

    // Someone else changes the proposal meanwhile: the next change here answers 409 and the page offers a reload.
    const current = await asPriya<{ proposal: Proposal }>('GET', matchingPath);
    const other = current.body.proposal.pairs.find((p) => !p.locked)!;
    expect((await asPriya('PUT', `${matchingPath}/lock`, { executiveId: other.executive.id, locked: true }, current.body.proposal.etag)).status).toBe(200);
    const stale = nextAnswer(page, 'PUT', /\/matching\/lock$/);
    await rowOf(page, 'Proposed pairs', lockedExecutive).getByRole('switch').click();
    expect(await stale).toBe(409);
    await expectVisible(page, page.getByText('Someone else changed the proposal.'), 'the conflict notice');
    await page.getByTestId('conflict').getByRole('button', { name: 'Reload' }).click();
    await waitUntil(page, () => rowOf(page, 'Proposed pairs', other.executive.id).getByRole('switch').isChecked(), "the other member's lock after reloading");
    expect(await page.getByText('Someone else changed the proposal.').count()).toBe(0);
    expect(await rowOf(page, 'Proposed pairs', lockedExecutive).getByRole('switch').isChecked()).toBe(true);

    // Teams refuses one executive's introduction (sent again below, once it takes it).
    const refusedExecutive = current.body.proposal.pairs.map((p) => p.executive.id).find((id) => ![lockedExecutive, bannedExecutive, notInstalled.personId].includes(id))!;
    const refused = accepted.find((a) => a.personId === refusedExecutive)!;
    connector.options.brokenConversations = new Set([personalConversationId({ id: refused.personId, name: refused.name })]);

    // Confirm.
    await page.getByRole('button', { name: 'Confirm pairs' }).click();
    const confirmDialog = page.getByRole('alertdialog', { name: `Confirm ${pairCount} pairs?` });
    await expectVisible(page, confirmDialog, 'the confirmation dialog');
    const confirmed = nextAnswer(page, 'POST', /\/matching\/confirm$/);
    await confirmDialog.getByRole('button', { name: 'Confirm and send introductions' }).click();
    expect(await confirmed).toBe(200);
    const confirmedRows = page.getByRole('table', { name: 'Confirmed pairs' }).locator('tbody tr');
    await expectVisible(page, confirmedRows, 'the confirmed pairs');
    expect(await confirmedRows.count()).toBe(pairCount);
    await expectVisible(page, page.getByText(`${pairCount} pairs confirmed.`), 'the confirmation notice');
    const keptNote = page.getByTestId('kept-note');
    await expectVisible(page, keptNote, 'the note naming who has not opened Mentoring Up yet');
    expect(await keptNote.innerText()).toContain(`${notInstalled.name} (executive)`);
    expect(await rowOf(page, 'Confirmed pairs', notInstalled.personId).getByText('Waiting for them').count()).toBe(1);
    const note = page.getByTestId('unreachable-note');
    await expectVisible(page, note, 'the note naming whose introduction could not be sent');
    expect(await note.innerText()).toContain(`${refused.name} (executive)`);
    expect(await rowOf(page, 'Confirmed pairs', refused.personId).getByText('Could not send').count()).toBe(1);

    // Teams takes cards again: the taskforce sends the failed introduction again from the page.
    connector.options.brokenConversations = new Set();
    const resent = nextAnswer(page, 'POST', /\/pairs\/introductions\/resend$/);
    await page.getByRole('button', { name: 'Send 1 introduction again' }).click();
    expect(await resent).toBe(200);
    await expectVisible(page, page.getByTestId('resend-outcome').getByText('1 introduction sent.'), 'what the resend did');
    await waitUntil(page, async () => (await rowOf(page, 'Confirmed pairs', refused.personId).getByText('Sent').count()) === 2, 'the resent introduction shown as sent');
    expect(await page.getByTestId('unreachable-note').count()).toBe(0);
    const lockedRow = rowOf(page, 'Confirmed pairs', lockedExecutive);
    expect(await lockedRow.getAttribute('data-mentor-id')).toBe(lockedMentor);
    expect(await lockedRow.getByText('Sent').count()).toBe(2);
    await page.screenshot({ path: `${screenshotDir}/pairs-confirmed.png`, fullPage: true });

    // Both people of the locked pair and of the overridden pair received their card, naming the other; the executive who
    // never installed the app received nothing.
    const person = (id: string): Applicant => accepted.find((a) => a.personId === id)!;
    const cardsFor = (who: Applicant, heading: string) =>
      connector.cardsIn(personalConversationId({ id: who.personId, name: who.name })).filter((card) => JSON.stringify(card).includes(heading));
    for (const [executiveId, mentorId] of [
      [lockedExecutive, lockedMentor],
      [bannedExecutive, bannedMentor],
    ]) {
      const [executive, mentor] = [person(executiveId), person(mentorId)];
      const executiveCards = cardsFor(executive, 'Meet your mentor');
      const mentorCards = cardsFor(mentor, 'Meet your mentee');
      expect(executiveCards).toHaveLength(1);
      expect(mentorCards).toHaveLength(1);
      expect(JSON.stringify(executiveCards[0])).toContain(mentor.name);
      expect(JSON.stringify(mentorCards[0])).toContain(executive.name);
      expect(cardProblems(executiveCards[0])).toEqual([]);
      expect(cardProblems(mentorCards[0])).toEqual([]);
    }
    expect(cardsFor(notInstalled, 'Meet your mentor')).toEqual([]);

    // The confirmed page in the dark and high-contrast themes.
    for (const theme of ['dark', 'contrast']) {
      await page.goto(`${service.baseUrl}/tab/?theme=${theme}#/pairs`);
      await expectVisible(page, confirmedRows, `the confirmed pairs in the ${theme} theme`);
      await page.screenshot({ path: `${screenshotDir}/pairs-confirmed-${theme}.png`, fullPage: true });
    }

    // Each person of a confirmed pair sees it on My mentoring: the mentor first, then the executive.
    await page.goto(`${service.baseUrl}/tab/?theme=default#/pairs`);
    await expectVisible(page, confirmedRows, 'the confirmed pairs in the default theme');
    const pairs = await asPriya<{ pairs: ConfirmedPair[] }>('GET', `/api/cohorts/${DEMO_COHORT_ID}/pairs`);
    expect(pairs.status).toBe(200);
    const shared = pairs.body.pairs.find((pair) => pair.sharedTopics.length > 0);
    if (!shared) throw new Error('Expected a confirmed pair with shared topics in the demo cohort, but none has any.');
    await expectMyPairShown(page, shared.mentor.name, shared, 'mentor');
    await expectMyPairShown(page, shared.executive.name, shared, 'executive');

    expect(pageErrors).toEqual([]);
    await context.close();
    // One journey through the whole page (review, confirm, resend, each person's pair): longer than one page's test.
  }, 150_000);
});
