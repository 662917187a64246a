// The Outcomes page and the surveys on My mentoring, in real Chromium against the real service (local mode, in-memory
// Azurite, the demo cohort): a mentor answers the pre survey in the tab; the taskforce reads the results (a chart with
// its table view and CSV), meetings per quarter (chart, table, CSV) and the institution-wide survey, in Teams' three themes.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import type { EosOverview } from '../../bot/program/eos/api';
import type { MeetingsPerQuarterJson } from '../../bot/program/outcomes/api';
import type { Proposal } from '../../bot/program/matching/api';
import type { CohortSurveys, MySurvey } from '../../bot/program/surveys/api';
import { launchChromium } from '../support/browser';
import { apiAs } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, signInAs } from '../support/tabPage';
import { ShiftedClock } from '../support/testClock';

const screenshotDir = '/tmp';
const priya = samplePersonas.taskforce;
const cohort = DEMO_COHORT_ID;

let browser: Browser;
let service: TestService;
const clock = new ShiftedClock();
let mentors: { id: string; name: string }[] = [];
let executives: { id: string; name: string }[] = [];
let proposal: Proposal;

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService({ clock: clock.now }), launchChromium()]);
  const matching = `/api/cohorts/${cohort}/matching`;
  const { proposal: empty } = await apiAs<{ proposal: Proposal }>(service.baseUrl, priya.id, matching);
  ({ proposal } = await apiAs<{ proposal: Proposal }>(service.baseUrl, priya.id, `${matching}/run`, { method: 'POST', body: {}, ifMatch: empty.etag }));
  mentors = proposal.pairs.map((p) => ({ id: p.mentor.id, name: p.mentor.name }));
  executives = proposal.pairs.map((p) => ({ id: p.executive.id, name: p.executive.name }));
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

async function runAllDue(): Promise<void> {
  for (let pass = 0; pass < 10; pass++) {
    const { runs, full } = await service.app.scheduler.runDue();
    if (runs.length === 0 && !full) return;
  }
}

/** Answers every open survey of the person through the API, with `score` for every question. */
async function answerAll(personId: string, score: number): Promise<void> {
  const { surveys } = await apiAs<{ surveys: MySurvey[] }>(service.baseUrl, personId, '/api/me/surveys');
  for (const survey of surveys) {
    const answers = Object.fromEntries(survey.items.map((item) => [item.id, score]));
    await apiAs(service.baseUrl, personId, `/api/me/surveys/${survey.cohortId}/${survey.round}`, { method: 'PUT', body: { answers }, ifMatch: survey.version });
  }
}

async function openOutcomes(page: Page, theme: string): Promise<void> {
  await page.goto(`${service.baseUrl}/tab/?theme=${theme}#/outcomes`);
  await expectVisible(page, page.getByRole('heading', { name: 'Outcomes', level: 1 }), `the Outcomes page in the ${theme} theme`);
}

describe('Outcomes: surveys answered in the tab, results and the institution-wide survey in three themes', () => {
  it('lets the taskforce add a question before the pre survey opens; confirming the pairs opens it and fixes the questions', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/outcomes' });
    await signInAs(page, priya.name);
    const editor = page.getByTestId('survey-items-editor');
    await expectVisible(page, editor, 'the questions editor');
    await editor.getByRole('button', { name: 'Add a question' }).click();
    await editor.getByRole('textbox', { name: 'Question 7' }).fill('I know where to take an idea for improving my area.');
    await editor.getByRole('checkbox', { name: 'Executives' }).last().uncheck();
    await editor.getByRole('button', { name: 'Save the questions' }).click();
    await expectVisible(page, editor.getByRole('textbox', { name: 'Question 7' }), 'the saved questions');
    const saved = await apiAs<CohortSurveys>(service.baseUrl, priya.id, `/api/cohorts/${cohort}/surveys`);
    expect(saved.items.at(-1)).toEqual({ id: 'q1', text: 'I know where to take an idea for improving my area.', roles: ['mentor'] });

    await apiAs(service.baseUrl, priya.id, `/api/cohorts/${cohort}/matching/confirm`, { method: 'POST', body: {}, ifMatch: proposal.etag });
    await runAllDue();
    await page.reload();
    await expectVisible(page, page.getByText('Questions (fixed: the pre survey has opened)'), 'the questions fixed once the pre survey opened');
    expect(await page.getByTestId('survey-items-editor').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets a mentor answer the pre survey on My mentoring, one labelled choice per point', async () => {
    const mentor = mentors[0];
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/my' });
    await signInAs(page, mentor.name);
    const form = page.getByTestId('my-survey');
    await expectVisible(page, form, 'the pre survey on My mentoring');
    const { surveys } = await apiAs<{ surveys: MySurvey[] }>(service.baseUrl, mentor.id, '/api/me/surveys');
    const [survey] = surveys;
    for (const item of survey.items) {
      const group = form.getByRole('radiogroup', { name: item.text });
      expect(await group.getByRole('radio').count()).toBe(5);
      await group.getByRole('radio', { name: 'Disagree', exact: true }).check();
    }
    await form.getByRole('button', { name: 'Send my answers' }).click();
    await expectVisible(page, form.getByText('Thank you: your answers are saved.'), 'the saved message');
    const after = await apiAs<{ surveys: MySurvey[] }>(service.baseUrl, mentor.id, '/api/me/surveys');
    expect(after.surveys[0].answers).toEqual(Object.fromEntries(survey.items.map((item) => [item.id, 2])));
    await expectVisible(page, form.getByRole('button', { name: 'Change my answers' }), 'the button to change the answers');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the taskforce favorability before and after (chart, table and CSV), hidden small groups, and the survey waves', async () => {
    for (const mentor of mentors.slice(1)) await answerAll(mentor.id, 2);
    for (const executive of executives.slice(0, 3)) await answerAll(executive.id, 2);
    const { rounds } = await apiAs<CohortSurveys>(service.baseUrl, priya.id, `/api/cohorts/${cohort}/surveys`);
    clock.set(new Date(Date.parse(rounds[1].opensAt) + 60_000));
    await runAllDue();
    for (const mentor of mentors) await answerAll(mentor.id, 4);
    for (const executive of executives.slice(0, 3)) await answerAll(executive.id, 5);
    const eos = await apiAs<EosOverview>(service.baseUrl, priya.id, '/api/eos');
    await apiAs(service.baseUrl, priya.id, '/api/eos/import', {
      method: 'POST',
      ifMatch: eos.etag,
      body: {
        csv: 'question,wave date,respondents,percent favorable\nLeaders are aware of the challenges employees face,2024-05-01,15000,45\nLeaders are aware of the challenges employees face,2025-05-01,15200,52\n',
      },
    });

    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '?theme=default#/outcomes' });
    await signInAs(page, priya.name);
    for (const theme of ['default', 'dark', 'contrast']) {
      await openOutcomes(page, theme);
      const results = page.getByRole('table', { name: 'Survey results per question and role' });
      await expectVisible(page, results.getByText('I feel valued.'), `the mentors' results in the ${theme} theme`);
      await expectVisible(page, results.getByText('Fewer than 5 people answered, so results are not shown.'), `the executives' hidden results in the ${theme} theme`);
      expect(await page.getByTestId('result-hidden').count()).toBe(4);
      const chart = page.getByTestId('chart-survey-favorability');
      await expectVisible(page, chart.locator('svg rect').first(), `the favorability chart's bars in the ${theme} theme`);
      await expectVisible(page, page.getByTestId('chart-institution-survey-waves').locator('svg path').first(), `the survey waves chart in the ${theme} theme`);
      await expectVisible(page, page.getByRole('cell', { name: 'Yes' }).first(), `the waves' change judged in the ${theme} theme`);
      const meetingsChart = page.getByTestId('chart-meetings-per-quarter');
      await expectVisible(page, meetingsChart.locator('svg rect').first(), `the meetings per quarter chart's bars in the ${theme} theme`);
      await page.screenshot({ path: `${screenshotDir}/outcomes-${theme}.png`, fullPage: true });
      await meetingsChart.getByRole('tab', { name: 'Table' }).click();
      const quarterRows = meetingsChart.getByRole('table', { name: 'Meetings per quarter: held, missed and still open' }).getByRole('row');
      await expectVisible(page, quarterRows.last(), `the meetings per quarter table in the ${theme} theme`);
      expect(await quarterRows.count()).toBe(5);
    }

    // The chart's table view and its CSV hold the same figures.
    const chart = page.getByTestId('chart-survey-favorability');
    await chart.getByRole('tab', { name: 'Table' }).click();
    const table = chart.getByRole('table', { name: 'Favorability before and after, per question and role' });
    await expectVisible(page, table.getByRole('row', { name: /I feel valued\. Mentors \d+ 0 100 100/ }), 'the favorability table view');
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('survey-favorability.csv');
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Question,Who,People,Before (% favorable),After (% favorable),Change (points)');
    expect(csv).toContain(`I feel valued.,Mentors,${mentors.length},0,100,100`);

    // Meetings per quarter: the table view and the CSV show what the service counted (one meeting per pair a quarter).
    const counted = await apiAs<MeetingsPerQuarterJson>(service.baseUrl, priya.id, `/api/cohorts/${cohort}/outcomes/meetings`);
    expect(counted.quarters).toHaveLength(4);
    for (const q of counted.quarters) expect(q.held + q.missed + q.open).toBe(proposal.pairs.length);
    expect(counted.quarters[0].missed).toBe(proposal.pairs.length); // nobody logged a meeting; the post survey opens after quarter 1 closed
    const meetingsChart = page.getByTestId('chart-meetings-per-quarter');
    const quarterTable = meetingsChart.getByRole('table', { name: 'Meetings per quarter: held, missed and still open' });
    for (const q of counted.quarters) {
      const name = `Quarter ${q.quarter} ${q.opensOn} ${q.closesOn} ${q.held} ${q.missed} ${q.open}`;
      await expectVisible(page, quarterTable.getByRole('row', { name }), `the row of quarter ${q.quarter}`);
    }
    const [meetingsDownload] = await Promise.all([page.waitForEvent('download'), meetingsChart.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(meetingsDownload.suggestedFilename()).toBe('meetings-per-quarter.csv');
    const meetingsCsv = await readFile((await meetingsDownload.path()) ?? '', 'utf8');
    expect(meetingsCsv).toBe(
      ['Quarter,From,To,Held,Missed,Still open', ...counted.quarters.map((q) => `Quarter ${q.quarter},${q.opensOn},${q.closesOn},${q.held},${q.missed},${q.open}`), ''].join(
        '\r\n',
      ),
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets an executive log what they learned; the taskforce publishes it and sends it in chat (asking first); the mentor reads it on My mentoring', async () => {
    const executive = executives[0];
    const note = 'The night porters cover two wards at once.';
    const asExecutive = await openTab(browser, service.baseUrl, { query: '#/my' });
    await signInAs(asExecutive.page, executive.name);
    const log = asExecutive.page.getByTestId('my-learnings');
    await expectVisible(asExecutive.page, log, "the executive's log on My mentoring");
    await log.getByRole('textbox', { name: 'What you learned' }).fill(note);
    await log.getByRole('checkbox', { name: 'The taskforce may share this with my cohort, with my name' }).check();
    await log.getByRole('button', { name: 'Save the note' }).click();
    await expectVisible(asExecutive.page, log.getByText('shared with the taskforce'), 'the note saved as shared');
    expect(asExecutive.pageErrors).toEqual([]);
    await asExecutive.context.close();

    const asTaskforce = await openTab(browser, service.baseUrl, { query: '?theme=dark#/outcomes' });
    await signInAs(asTaskforce.page, priya.name);
    const entry = asTaskforce.page.getByRole('listitem').filter({ hasText: note });
    await expectVisible(asTaskforce.page, entry, 'the shared note on the Outcomes page');
    await entry.getByRole('button', { name: 'Publish to the cohort' }).click();
    await expectVisible(asTaskforce.page, entry.getByRole('button', { name: 'Unpublish' }), 'the note published');
    // Sending it in chat asks first, with the number of people.
    const people = mentors.length + executives.length;
    const panel = asTaskforce.page.getByTestId('send-learnings');
    await expectVisible(asTaskforce.page, panel.getByText('1 published entry not sent to the cohort in chat yet.'), 'the entry waiting to be sent');
    await panel.getByRole('button', { name: 'Send to the cohort in chat' }).click();
    const dialog = asTaskforce.page.getByRole('alertdialog', { name: `Send to ${people} people?` });
    await expectVisible(asTaskforce.page, dialog, 'the question before sending');
    await dialog.getByRole('button', { name: `Send to ${people} people` }).click();
    await expectVisible(asTaskforce.page, panel.getByText(`Sending 1 entry to ${people} people in chat.`), 'the entry sent');
    await expectVisible(asTaskforce.page, panel.getByText('Every published entry has been sent to the cohort in chat.', { exact: false }), 'nothing left to send');
    expect(await panel.getByRole('button', { name: 'Send to the cohort in chat' }).isDisabled()).toBe(true);
    expect(asTaskforce.pageErrors).toEqual([]);
    await asTaskforce.context.close();

    const asMentor = await openTab(browser, service.baseUrl, { query: '#/my' });
    await signInAs(asMentor.page, mentors[1].name);
    await expectVisible(
      asMentor.page,
      asMentor.page.getByTestId('you-said-we-did').getByText(`${executive.name} learned: ${note}`),
      "the published note on the mentor's My mentoring",
    );
    expect(asMentor.pageErrors).toEqual([]);
    await asMentor.context.close();
  });
});
