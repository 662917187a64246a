// The taskforce's Orientation page in real Chromium against the real service: who has read their orientation (with a
// reminder), and scheduling the ice breaker, for the demo cohort once its pairs are confirmed through the API.
import type { Browser } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import type { CohortIceBreaker } from '../../bot/program/icebreaker/api';
import type { Proposal } from '../../bot/program/matching/api';
import type { CohortOrientation } from '../../bot/program/orientation/api';
import { addDays } from '../../bot/calendar/calendarTime';
import { launchChromium } from '../support/browser';
import { apiAs } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, signInAs } from '../support/tabPage';

let browser: Browser;
let service: TestService;
const priya = samplePersonas.taskforce.id;
const api = <T>(path: string, request?: Parameters<typeof apiAs>[3]) => apiAs<T>(service.baseUrl, priya, path, request);

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
  const base = `/api/cohorts/${DEMO_COHORT_ID}/matching`;
  const { proposal } = await api<{ proposal: Proposal }>(base);
  const run = await api<{ proposal: Proposal }>(`${base}/run`, { method: 'POST', body: {}, ifMatch: proposal.etag });
  await api(`${base}/confirm`, { method: 'POST', body: {}, ifMatch: run.proposal.etag });
  for (let full = true; full;) full = (await service.app.scheduler.runDue()).full;
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('the Orientation page in Chromium', () => {
  it('shows Priya Raman who has not read their orientation, reminds them, and schedules the ice breaker', async () => {
    const orientation = await api<CohortOrientation>(`/api/cohorts/${DEMO_COHORT_ID}/orientation`);
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/orientation' });
    await signInAs(page, 'Priya Raman');
    const panel = page.getByTestId('orientation');
    await expectVisible(page, panel.getByText(`Mentors: 0 of ${orientation.counts.mentor.total} have read theirs`), 'the mentors still to read');
    const waiting = orientation.people.length;
    await panel.getByRole('button', { name: `Remind ${waiting} people` }).click();
    await expectVisible(page, panel.getByText(`Reminder sent to ${waiting} people.`), 'the reminder sent');

    const iceBreaker = page.getByTestId('icebreaker');
    const date = addDays(orientation.yearStartsOn, -3);
    await iceBreaker.getByLabel('Date').fill(date);
    await iceBreaker.getByLabel('Start time').fill('12:00');
    await iceBreaker.getByLabel('Place').fill('Atrium café');
    await iceBreaker.getByRole('button', { name: 'Schedule and invite' }).click();
    await expectVisible(page, iceBreaker.getByText(/^Scheduled for/), 'the scheduled ice breaker');
    await expectVisible(page, iceBreaker.getByText(`No answer yet ${waiting}`), 'the answers so far');
    const saved = await api<CohortIceBreaker>(`/api/cohorts/${DEMO_COHORT_ID}/icebreaker`);
    expect(saved.iceBreaker).toMatchObject({ date, time: '12:00', place: 'Atrium café', revision: 1 });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
