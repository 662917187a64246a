// "My mentoring" and the interviewer's rubric as people use them: real Chromium against the real service (local mode,
// in-memory Azurite, the sample org and its demo cohort), serving the bundle that jest's globalSetup built into dist/tab.
import type { Browser, Locator, Page } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import type { MyMentoring, Pipeline } from '../../bot/program/pipeline/api';
import { launchChromium } from '../support/browser';
import { apiAs } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, signInAs } from '../support/tabPage';

let browser: Browser;
let service: TestService;

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** The service's own answer for `personId`, to compare the page against. */
function api<T>(personId: string, path: string): Promise<T> {
  return apiAs<T>(service.baseUrl, personId, `/api/${path}`);
}

function section(page: Page, testId: string): Locator {
  return page.getByTestId(testId);
}

describe('My mentoring in Chromium', () => {
  it('shows Jordan Lee the open cohort and how to nominate, and Angela Brooks how to apply', async () => {
    const jordan = await openTab(browser, service.baseUrl, { query: '#/my' });
    await signInAs(jordan.page, 'Jordan Lee');
    const open = section(jordan.page, 'open-cohort');
    await expectVisible(jordan.page, open.getByRole('heading', { name: 'You have not applied yet.' }), 'the invitation to apply');
    await expectVisible(jordan.page, open.getByText(/Mentoring Up \d{4} \(demo\) are open until/), 'the open demo cohort and its closing day');
    await expectVisible(jordan.page, open.getByText('nominate', { exact: true }), 'the "nominate" command to type in chat');
    expect(await open.getByText('apply', { exact: true }).count()).toBe(0);
    expect(await section(jordan.page, 'approvals').count()).toBe(0);

    const angela = await openTab(browser, service.baseUrl, { query: '#/my' });
    await signInAs(angela.page, 'Angela Brooks');
    const invite = section(angela.page, 'open-cohort');
    await expectVisible(angela.page, invite.getByText('apply', { exact: true }), 'the "apply" command for an executive');
    expect(await invite.getByText('nominate', { exact: true }).count()).toBe(0);

    expect([...jordan.pageErrors, ...angela.pageErrors]).toEqual([]);
    await Promise.all([jordan.context.close(), angela.context.close()]);
  });

  it('shows Sam Okafor the nomination waiting for his approval, and why he cannot nominate himself', async () => {
    const mine = await api<MyMentoring>(samplePersonas.manager.id, 'me/mentoring');
    const waiting = mine.approvalsWaiting[0];
    if (!waiting) throw new Error('The demo cohort should have a nomination waiting for Sam Okafor.');
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/my' });
    await signInAs(page, 'Sam Okafor');

    const approvals = section(page, 'approvals');
    await expectVisible(page, approvals.getByRole('heading', { name: `Approvals waiting for you (${mine.approvalsWaiting.length})` }), 'the approvals section');
    await expectVisible(page, approvals.getByText(waiting.nomineeName), `${waiting.nomineeName}, the nominee waiting for Sam`);
    await expectVisible(page, approvals.getByText(/Open your chat with Mentoring Up to approve/), 'where to approve');
    await expectVisible(page, section(page, 'open-cohort').getByText(/cannot nominate yourself while you have direct reports/), 'why Sam cannot nominate himself');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a nominee their own application in plain words', async () => {
    const pipeline = await api<Pipeline>(samplePersonas.taskforce.id, 'cohorts/demo/pipeline?stage=managerApproved');
    // A nominee whose name picks exactly one person in the "sign in as" search.
    let nominee: Pipeline['applicants'][number] | undefined;
    for (const row of pipeline.applicants) {
      const found = (await (await fetch(`${service.baseUrl}/api/dev/people?search=${encodeURIComponent(row.name)}`)).json()) as { people: unknown[] };
      if (found.people.length === 1) {
        nominee = row;
        break;
      }
    }
    if (!nominee) throw new Error('The demo cohort should have an approved nominee with a name of their own.');
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/my' });
    await signInAs(page, nominee.name);

    const applications = section(page, 'applications');
    await expectVisible(page, applications.getByText(nominee.stageLabel), `the status "${nominee.stageLabel}"`);
    await expectVisible(page, applications.getByText(/A member of the taskforce will invite you to a short interview/), 'what happens next');
    expect(await section(page, 'open-cohort').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets Priya Raman score an interview assigned to her, and only read one assigned to someone else', async () => {
    const mine = await api<MyMentoring>(samplePersonas.taskforce.id, 'me/mentoring');
    const toScore = mine.interviewsToDo.find((interview) => !interview.scored);
    if (!toScore) throw new Error('The demo cohort should give Priya Raman an interview to score.');
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/my' });
    await signInAs(page, 'Priya Raman');

    const interviews = section(page, 'interviews');
    await expectVisible(page, interviews.getByRole('link', { name: toScore.candidateName }), 'the interview to score');
    await interviews.getByRole('link', { name: toScore.candidateName }).click();
    const form = page.getByRole('form', { name: `Rubric for ${toScore.candidateName}` });
    await expectVisible(page, form, 'the rubric form');

    // Submitting with a criterion left unscored says which; then every criterion gets a 4.
    await form.getByRole('button', { name: 'Submit scores' }).click();
    await expectVisible(page, page.getByText('Some criteria have no score.'), 'the missing scores');
    const groups = form.getByRole('radiogroup');
    const criteria = await groups.count();
    expect(criteria).toBeGreaterThan(0);
    for (let i = 0; i < criteria; i++) await groups.nth(i).getByRole('radio', { name: /^4 · / }).check();
    await form.getByRole('textbox', { name: 'Areas they would mentor on' }).fill('Staffing and scheduling');
    await form.getByRole('button', { name: 'Submit scores' }).click();
    await expectVisible(page, page.getByText(/Scores saved\./), 'the confirmation that the scores were saved');

    const sheet = await api<{ interview: { scores: Record<string, number>; mentorAreas: string } }>(
      samplePersonas.taskforce.id,
      `cohorts/${toScore.cohortId}/interviews/${toScore.candidateId}`,
    );
    expect(Object.values(sheet.interview.scores)).toEqual(Array.from({ length: criteria }, () => 4));
    expect(sheet.interview.mentorAreas).toBe('Staffing and scheduling');

    // An interview assigned to another member of the taskforce opens read-only, with the reason.
    const pipeline = await api<Pipeline>(samplePersonas.taskforce.id, 'cohorts/demo/pipeline?stage=interviewed');
    const others = pipeline.applicants.find((row) => row.interviewerId !== null && row.interviewerId !== samplePersonas.taskforce.id);
    if (!others) throw new Error('The demo cohort should have an interview scored by another member of the taskforce.');
    await page.goto(`${service.baseUrl}/tab/#/interviews/demo/${others.personId}`);
    await expectVisible(page, page.getByText(`${others.interviewerName} interviews ${others.name}, so only they can score.`), 'the read-only reason');
    await expectVisible(page, page.getByTestId('scores'), 'their scores, read-only');
    expect(await page.getByRole('radiogroup').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
