// The Cohorts pages as the taskforce uses them: real Chromium against the real service (local mode, in-memory Azurite,
// the sample org and its demo cohort), serving the bundle that jest's globalSetup built into dist/tab.
import type { Browser, Locator, Page } from 'playwright-core';
import { sampleOrg, sampleRoles } from '../../bot/directory/sampleOrg';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import type { ApplicationJson } from '../../bot/program/applications/api';
import type { CohortJson } from '../../bot/program/cohorts/api';
import type { Pipeline } from '../../bot/program/pipeline/api';
import { addDays } from '../../bot/calendar/calendarTime';
import { launchChromium } from '../support/browser';
import { apiAs, type ApiRequest } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, signInAs, TAB_WAIT_MS } from '../support/tabPage';

let browser: Browser;
let service: TestService;

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** The service's own answer, read with Priya's token, to compare the page against. */
function api<T>(path: string, request?: ApiRequest): Promise<T> {
  return apiAs<T>(service.baseUrl, samplePersonas.taskforce.id, `/api/${path}`, request);
}

function applicantRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Applicants' }).locator('tbody tr');
}

function stageTile(page: Page, stage: string): Locator {
  return page.getByRole('group', { name: 'Applicants by stage' }).locator(`button[data-stage="${stage}"]`);
}

describe('the Cohorts pages in Chromium, as Priya Raman (taskforce)', () => {
  it('lists the demo cohort, opens its pipeline with counts and rows, filters by stage, and accepts an interviewed mentor', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl);
    await signInAs(page, 'Priya Raman');
    const before = await api<Pipeline>('cohorts/demo/pipeline');

    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'Cohorts' }), 'the Cohorts page');
    const demoCard = page.getByTestId('cohort-card').filter({ hasText: before.cohort.name });
    await expectVisible(page, demoCard.getByText('Open', { exact: true }), 'the demo cohort with an "Open" badge');
    await demoCard.getByRole('link', { name: 'Pipeline' }).click();

    await expectVisible(page, page.getByRole('heading', { level: 1, name: before.cohort.name }), 'the pipeline heading');
    expect(new URL(page.url()).hash).toBe('#/cohorts/demo');
    await expectVisible(page, applicantRows(page), 'the applicants table');
    const total = before.countsByKind.mentor + before.countsByKind.executive;
    expect(await applicantRows(page).count()).toBe(total);
    expect((await stageTile(page, 'interviewed').innerText()).replace(/\s+/g, ' ')).toBe(`${before.counts.interviewed} Interviewed`);
    expect((await stageTile(page, 'accepted').innerText()).replace(/\s+/g, ' ')).toBe(`${before.counts.accepted} Accepted`);
    await expectVisible(page, page.getByTestId('flags').getByRole('button', { name: /Re-send approval request/ }), 'the nominations waiting on a manager');

    // Filtering by a stage leaves only that stage's rows; the counts stay those of the whole cohort.
    await stageTile(page, 'interviewed').click();
    await expectVisible(page, page.getByText(`Showing ${before.counts.interviewed} of ${total}`), 'the filtered row count');
    expect(await stageTile(page, 'interviewed').getAttribute('aria-pressed')).toBe('true');
    expect(await applicantRows(page).count()).toBe(before.counts.interviewed);
    const interviewed = before.applicants.filter((row) => row.stage === 'interviewed');
    for (const row of interviewed) await expectVisible(page, applicantRows(page).getByRole('link', { name: row.name }), `${row.name} in the filtered table`);

    // The applicant's details, with the interview's scores in view, then the decision.
    const candidate = interviewed[0];
    await applicantRows(page).getByRole('link', { name: candidate.name }).click();
    const drawer = page.getByRole('dialog');
    await expectVisible(page, drawer.getByRole('heading', { name: candidate.name }), `the details of ${candidate.name}`);
    await expectVisible(page, drawer.getByTestId('scores'), 'the interview scores');
    await expectVisible(page, drawer.getByText('Why they want to mentor'), 'the answers of the application');
    await drawer.getByRole('button', { name: 'Accept' }).click();
    await expectVisible(page, drawer.getByText(`${candidate.name} is accepted.`), 'the confirmation of the decision');
    await expectVisible(page, drawer.getByTestId('applicant-stage').getByText('Accepted'), 'the stage "Accepted" in the details');

    const after = await api<{ application: ApplicationJson }>(`cohorts/demo/applications/${candidate.personId}`);
    expect(after.application.stage).toBe('accepted');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'hidden', timeout: TAB_WAIT_MS });
    await expectVisible(page, page.getByText(`Showing ${before.counts.interviewed - 1} of ${total}`), 'one interviewed applicant fewer');
    expect((await stageTile(page, 'accepted').innerText()).replace(/\s+/g, ' ')).toBe(`${before.counts.accepted + 1} Accepted`);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('assigns an interviewer to an approved nominee from the taskforce picker', async () => {
    const pipeline = await api<Pipeline>('cohorts/demo/pipeline?stage=managerApproved');
    const nominee = pipeline.applicants.find((row) => row.interviewerId === null);
    if (!nominee) throw new Error('The demo cohort should have an approved nominee without an interviewer.');
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: `#/cohorts/demo/applicants/${nominee.personId}` });
    await signInAs(page, 'Priya Raman');

    // A taskforce colleague of Priya's in the sample org, as the People page lists them.
    const org = sampleOrg();
    const colleagueId = sampleRoles(org).taskforce.find((id) => id !== samplePersonas.taskforce.id);
    const interviewer = org.find((p) => p.id === colleagueId)?.name;
    if (!interviewer) throw new Error('The sample org should have a taskforce colleague for Priya.');
    const drawer = page.getByRole('dialog');
    await expectVisible(page, drawer.getByText('Not assigned yet'), `${nominee.name} without an interviewer`);
    await drawer.getByRole('combobox').click();
    await page.getByRole('option', { name: new RegExp(interviewer) }).click();
    await drawer.getByRole('button', { name: 'Assign' }).click();
    await expectVisible(page, drawer.getByText(`${interviewer} will interview ${nominee.name}`), 'the confirmation of the assignment');

    const after = await api<{ application: ApplicationJson }>(`cohorts/demo/applications/${nominee.personId}`);
    expect(after.application.interviewerName).toBe(interviewer);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('asks before announcing, saying how many people it will message, and sends nothing when cancelled', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/cohorts' });
    await signInAs(page, 'Priya Raman');
    const { recipients } = await api<{ recipients: number }>('cohorts/demo/announcement');
    const directory = service.app.directory();
    expect(recipients).toBe(directory.all().filter((p) => p.accountEnabled && !directory.hasDirectReports(p.id)).length);
    const people = `${recipients.toLocaleString('en-US')} people`;
    const announceButton = page.getByRole('button', { name: 'Announce to eligible employees' });
    await expectVisible(page, announceButton, 'the announce button of the open demo cohort');

    await announceButton.click();
    const dialog = page.getByRole('alertdialog', { name: `Announce to ${people}?` });
    await expectVisible(page, dialog, 'the question naming how many people');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: TAB_WAIT_MS });
    expect((await api<{ announcement: unknown }>('cohorts/demo/announcement')).announcement).toBeNull();

    await announceButton.click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: `Send to ${people}` })
      .click();
    await expectVisible(page, page.getByTestId('announcement'), 'the announcement under way');
    expect((await api<{ announcement: { total: number } }>('cohorts/demo/announcement')).announcement.total).toBe(recipients);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('creates a cohort from the form with the default rubric, lists it, and refuses to overwrite a newer edit', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/cohorts' });
    await signInAs(page, 'Priya Raman');
    await page.getByRole('link', { name: 'New cohort' }).click();

    const form = page.getByRole('form', { name: 'Cohort' });
    await expectVisible(page, form.getByRole('button', { name: 'Candor and constructiveness' }), 'the default rubric in the form');
    await form.getByRole('button', { name: 'Create cohort' }).click();
    await expectVisible(page, form.getByText('Give the cohort a name.'), 'the message beside the empty name');

    await form.getByRole('textbox', { name: 'Name' }).fill('Mentoring Up 2031 pilot');
    await form.getByRole('spinbutton', { name: 'Program year' }).fill('2031');
    await form.getByRole('textbox', { name: 'Topic 1' }).fill('Night shift realities');
    await form.getByRole('button', { name: 'Add topic' }).click();
    await form.getByRole('textbox', { name: 'Topic 2' }).fill('Supplies at the bedside');
    await form.getByRole('button', { name: 'Create cohort' }).click();

    const card = page.getByTestId('cohort-card').filter({ hasText: 'Mentoring Up 2031 pilot' });
    await expectVisible(page, card.getByText('Draft', { exact: true }), 'the new cohort listed as a draft');
    const created = (await api<{ cohorts: CohortJson[] }>('cohorts')).cohorts.find((c) => c.name === 'Mentoring Up 2031 pilot');
    expect(created?.topics.map((t) => t.title)).toEqual(['Night shift realities', 'Supplies at the bedside']);
    expect(created?.rubric.map((c) => c.id)).toContain('candor');

    // Someone else saves while the form is open: saving answers 409 and the form offers to reload their version.
    await card.getByRole('link', { name: 'Edit' }).click();
    const name = form.getByRole('textbox', { name: 'Name' });
    await expectVisible(page, name, 'the edit form');
    await api(`cohorts/${created!.id}`, {
      method: 'PUT',
      body: { name: 'Mentoring Up 2031', programYear: 2031, opensOn: created!.opensOn, closesOn: created!.closesOn, topics: created!.topics },
      ifMatch: created!.etag,
    });
    await name.fill('Mentoring Up 2031 renamed here');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page, page.getByText('Someone else changed this cohort.'), 'the conflict message');
    await page.getByRole('button', { name: 'Reload' }).click();
    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'Edit Mentoring Up 2031', exact: true }), 'the cohort as the other person saved it');
    expect(await name.inputValue()).toBe('Mentoring Up 2031');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
  it('sets when the mentoring year starts, and shows the year read-only once the pairs are confirmed', async () => {
    const demo = await api<CohortJson>('cohorts/demo');
    expect(demo.year).toBeNull();
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/cohorts/demo/edit' });
    await signInAs(page, 'Priya Raman');
    const form = page.getByRole('form', { name: 'Cohort' });
    const start = form.getByLabel('Mentoring year starts on');
    await expectVisible(page, start, 'the start of the year in the form');
    await expectVisible(page, form.getByText(`${demo.defaultYearStartsOn} if they were confirmed today`), 'the default start in the hint');
    await start.fill(demo.closesOn);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page, form.getByText('The year must start after applications close.'), 'the message beside the start');
    const startsOn = addDays(demo.closesOn, 10);
    await start.fill(startsOn);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page, page.getByTestId('cohort-card').first(), 'the cohort list after saving');
    expect((await api<CohortJson>('cohorts/demo')).yearStartsOn).toBe(startsOn);

    // The pairs are confirmed: the start is fixed, and the form shows the year it gives.
    const matching = await api<{ proposal: { etag: string } }>('cohorts/demo/matching');
    const run = await api<{ proposal: { etag: string } }>('cohorts/demo/matching/run', { method: 'POST', body: {}, ifMatch: matching.proposal.etag });
    await api('cohorts/demo/matching/confirm', { method: 'POST', body: {}, ifMatch: run.proposal.etag });
    const confirmed = await api<CohortJson>('cohorts/demo');
    expect(confirmed.year?.startsOn).toBe(startsOn);
    await page.getByTestId('cohort-card').filter({ hasText: demo.name }).getByRole('link', { name: 'Edit' }).click();
    await expectVisible(page, page.getByTestId('cohort-year').getByText(`The mentoring year runs from ${startsOn} to ${confirmed.year!.endsOn}`), 'the confirmed year');
    expect(await start.getAttribute('readonly')).not.toBeNull();
    expect(await start.inputValue()).toBe(startsOn);
    expect(await page.getByTestId('cohort-year').innerText()).toContain(`The end-of-year survey opens on ${confirmed.year!.postSurveyOpensOn}`);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
