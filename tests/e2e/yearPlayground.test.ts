// The year in the Microsoft 365 Agents Playground: Jordan Lee (the Playground's user, a mentor) is paired with Angela
// Brooks; the service's clock stands in quarter 1 with meeting 1 booked for yesterday. He asks for his agenda, opens his
// plan and logs the meeting from the card, in real Chromium on the Playground's page against the real service.
import { TableClient } from '@azure/data-tables';
import type { Browser } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore } from '../../bot/program/matching/matchingStore';
import type { MyYearPlanJson } from '../../bot/program/year/api';
import { addDays, nextWorkingDay, zonedInstant } from '../../bot/calendar/calendarTime';
import { launchChromium } from '../support/browser';
import { apiAs } from '../support/devApi';
import { startPlayground, type RunningPlayground } from '../support/playground';
import { cardsAfter, chatBox, clickCardAction, expectInPlayground, openPage, sendMessage, withScreenshotsOnFailure } from '../support/playgroundPage';
import { startTestService, type TestService } from '../support/service';
import { cardAction, post } from '../support/teamsActivities';
import { ShiftedClock } from '../support/testClock';

jest.setTimeout(240_000);

const jordan = samplePersonas.employee;
const angela = samplePersonas.executive;
const snapshot = (name: string) => ({ name, jobTitle: null, department: null });

let browser: Browser;
let service: TestService;
let playground: RunningPlayground;
const clock = new ShiftedClock();

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService({ clock: clock.now }), launchChromium()]);
  // Jordan and Angela as a confirmed pair of the demo cohort, then the event the matching stage publishes on confirming.
  const table = (name: string) => TableClient.fromConnectionString(service.azurite.connectionString, name, { allowInsecureConnection: true });
  await new PairStore(table(PAIR_TABLE), table(PAIR_BY_PERSON_TABLE)).putAll([
    {
      cohortId: DEMO_COHORT_ID,
      executiveId: angela.id,
      mentorId: jordan.id,
      executive: snapshot(angela.name),
      mentor: snapshot(jordan.name),
      sharedTopics: [],
      score: 10,
      confirmedAt: clock.now().toISOString(),
      confirmedBy: samplePersonas.taskforce.id,
      override: null,
    },
  ]);
  await service.app.events.publish('pairsConfirmed', { cohortId: DEMO_COHORT_ID });
  await service.app.scheduler.runDue();
  // Into quarter 1: Angela booked meeting 1 for a day that has now passed.
  const plan = (await apiAs<{ plans: MyYearPlanJson[] }>(service.baseUrl, angela.id, '/api/me/year')).plans[0];
  const held = nextWorkingDay(addDays(plan.meetings[0].window.opensOn, 7), { workingDays: [1, 2, 3, 4, 5] });
  clock.set(zonedInstant(held, '08:00', 'America/Chicago'));
  const booking = { cohortId: DEMO_COHORT_ID, executiveId: angela.id, meeting: '1', version: '0', date: held, time: '11:00', placeKind: 'common-area', place: 'Atrium café' };
  const answer = await post(service.baseUrl, cardAction('http://127.0.0.1:9/', { id: angela.id, name: angela.name }, 'year.book', booking));
  expect(JSON.stringify(answer.body)).toContain('Meeting 1 is booked');
  clock.set(zonedInstant(addDays(held, 1), '10:00', 'America/Chicago'));
  playground = await startPlayground({ botEndpoint: `${service.baseUrl}/api/messages` });
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await service?.stop();
});

it('"agenda" shows the mentor’s questions, and the plan’s "Log it" card logs meeting 1', () =>
  withScreenshotsOnFailure('playground-year', async (pages) => {
    const page = await openPage(browser, pages, 'playground', playground.url);
    await expectInPlayground(page, chatBox(page), 'the chat box');

    const asked = await sendMessage(page, 'agenda');
    const agenda = cardsAfter(asked).filter({ hasText: 'Your agenda for meeting 1' }).last();
    await expectInPlayground(page, agenda, 'the agenda card after "agenda"');
    const agendaText = await agenda.innerText();
    expect(agendaText).toContain('Questions for you, the mentor');
    expect(agendaText).toContain('What does a normal shift or day look like for you');

    const listed = await sendMessage(page, 'meetings');
    const plan = cardsAfter(listed).filter({ hasText: 'Your meetings with' }).last();
    await expectInPlayground(page, plan, 'the plan after "meetings"');
    expect(await plan.innerText()).toContain('Booked for');
    const logForm = cardsAfter(listed).filter({ hasText: 'Log meeting 1 with' }).last();
    await clickCardAction(page, plan.getByRole('button', { name: 'Log it', exact: true }), logForm, 'the log form after "Log it"');
    const logged = cardsAfter(listed)
      .filter({ hasText: /Meeting 1 is (already )?logged/ })
      .last();
    await clickCardAction(page, logForm.getByRole('button', { name: 'Log this meeting' }), logged, 'the logged card');

    const after = (await apiAs<{ plans: MyYearPlanJson[] }>(service.baseUrl, jordan.id, '/api/me/year')).plans[0];
    expect(after.meetings[0]).toMatchObject({ status: 'held', where: 'common-area' });
  }));
