// The taskforce's Year page and a participant's year on My mentoring, in real Chromium against the real service (local
// mode, in-memory Azurite, the demo cohort's pairs confirmed through the API, the clock moved past quarter 1).
import type { Browser } from 'playwright-core';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import type { YearViewJson } from '../../bot/program/year/api';
import { addDays, nextWorkingDay, zonedInstant } from '../../bot/calendar/calendarTime';
import { IntakeHarness } from '../program/intakeHarness';
import { buttonData, confirmDemoPairs, lastCardWith, meetingButtonData, runJobsAt, scheduleIceBreaker, taskforceLead, type TestPair } from '../program/year/yearHarness';
import { launchChromium } from '../support/browser';
import { expectVisible, openTab, signInAs } from '../support/tabPage';

const NOTE = 'Private words about the pharmacy queue';

let browser: Browser;
let h: IntakeHarness;
let a: TestPair;
let b: TestPair;
let iceBreakerOn: string;

beforeAll(async () => {
  [h, browser] = await Promise.all([IntakeHarness.start(), launchChromium()]);
  [a, b] = await confirmDemoPairs(h);
  await runJobsAt(h, new Date());
  const year: YearViewJson = (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/year`, taskforceLead.id)).body;
  const q1 = year.year!.quarters[0];
  // Pair a's mentor acknowledges the orientation and its executive says yes to the ice breaker, on their cards.
  await h.click(a.mentor, 'orientation.acknowledge', buttonData(lastCardWith(h, a.mentor, 'orientation.acknowledge'), 'orientation.acknowledge'));
  iceBreakerOn = addDays(year.year!.startsOn, -3);
  await scheduleIceBreaker(h, iceBreakerOn);
  await h.click(a.executive, 'icebreaker.rsvp', buttonData(lastCardWith(h, a.executive, 'icebreaker.rsvp'), 'icebreaker.rsvp', 'yes'));
  // Pair a meets in quarter 1, in the executive's office, and logs it with a private note; pair b never meets.
  const held = nextWorkingDay(addDays(q1.opensOn, 10), { workingDays: [1, 2, 3, 4, 5] });
  await runJobsAt(h, zonedInstant(addDays(held, 1), '12:00', 'America/Chicago'));
  const plan = (await h.say({ id: a.mentor.id, name: a.mentor.name }, 'meetings'))[0];
  const logged = await h.click({ id: a.mentor.id, name: a.mentor.name }, 'year.log', {
    ...meetingButtonData(plan, 'year.bookForm'),
    heldOn: held,
    where: 'executive-office',
    note: NOTE,
  });
  expect(JSON.stringify(logged.card)).toContain('Meeting 1 is logged');
  await runJobsAt(h, zonedInstant(addDays(q1.closesOn, 2), '12:00', 'America/Chicago'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

describe('the Year page in Chromium', () => {
  it('shows the taskforce each pair by quarter, at-risk pairs first, orientations and ice-breaker answers, the office flag and the nudges, never a note; and edits an agenda', async () => {
    const { page, context, pageErrors } = await openTab(browser, h.baseUrl, { width: 1280 });
    await signInAs(page, 'Priya Raman');
    await page.getByRole('navigation', { name: 'Mentoring Up' }).getByRole('link', { name: 'Year' }).click();
    const rows = page.getByTestId('year-pair');
    await expectVisible(page, rows, 'the pairs of the year');
    const view: YearViewJson = (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/year`, taskforceLead.id)).body;
    expect(await rows.count()).toBe(view.pairs.length);
    // Every pair but a missed quarter 1; a held it, in the executive's office, and comes last.
    await expectVisible(page, rows.first().getByText('At risk'), 'an at-risk badge on the first row');
    const last = rows.last();
    expect(await last.innerText()).toContain(a.executive.name);
    expect(await last.getByText('At risk').count()).toBe(0);
    await expectVisible(page, last.getByText('Executive’s office'), 'the executive’s office flag on pair a');
    expect(await rows.filter({ hasText: b.executive.name }).getByText('Missed').count()).toBe(1);
    expect(await last.getByTestId('year-orientation').innerText()).toMatch(/Executive: not yet\s+Mentor: acknowledged \(version 1\)/);
    expect(await last.getByTestId('year-icebreaker').innerText()).toMatch(/Executive: yes\s+Mentor: no answer/);
    expect(await rows.filter({ hasText: b.executive.name }).getByTestId('year-icebreaker').innerText()).toMatch(/Executive: no answer\s+Mentor: no answer/);
    await expectVisible(page, page.getByText(`Ice breaker on ${iceBreakerOn}.`), 'the ice breaker’s day');
    await expectVisible(page, page.getByTestId('year-nudges').getByText(/Meeting 1: the quarter closing/), 'the quarter closing in the nudge history');
    expect(await page.locator('body').innerText()).not.toContain(NOTE);

    const title = page.getByRole('textbox', { name: 'Agenda 3: title' });
    await title.fill('Recommendations on one operational challenge');
    await page.getByRole('button', { name: 'Save the agendas' }).click();
    await expectVisible(page, page.getByText(/Saved \(version 2\)/), 'the saved agendas');
    const after: YearViewJson = (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/year`, taskforceLead.id)).body;
    expect(after.pairs[0].meetings[2].title).toBe('Recommendations on one operational challenge');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a participant their meetings, the pair’s note and their next agenda on My mentoring', async () => {
    const { page, context, pageErrors } = await openTab(browser, h.baseUrl, { width: 1280 });
    await signInAs(page, a.executive.name);
    await page.getByRole('navigation', { name: 'Mentoring Up' }).getByRole('link', { name: 'My mentoring' }).click();
    const year = page.getByTestId('my-year');
    await expectVisible(page, year.getByText(`Your meetings with ${a.mentor.name}`), 'the participant’s meetings');
    await expectVisible(page, year.getByText(NOTE, { exact: false }), 'the pair’s private note');
    await expectVisible(page, year.getByText(/Next agenda: The shadowing visit/), 'the next agenda (the shadowing visit)');
    await expectVisible(page, year.getByText(/Book meeting 2 with/), 'what waits for them');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
