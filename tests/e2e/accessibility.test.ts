// Every page of the tab, as each role sees it, scanned with axe-core in real Chromium against the real service (local
// mode, the sample org and its demo cohort). A critical or serious violation fails the test, naming the page, the rule
// and the elements.
import type { Browser, Page } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import type { MyMentoring, Pipeline } from '../../bot/program/pipeline/api';
import { launchChromium } from '../support/browser';
import { apiAs } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, signInAs, TAB_WAIT_MS } from '../support/tabPage';

interface AxeNode {
  target: string[];
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

let browser: Browser;
let service: TestService;

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** Moderate rules counted too: headings that skip a level mislead people who move through a page by its headings. */
const ALSO_COUNTED = new Set(['heading-order']);

/** Waits for the page's heading and for its data (no "Loading…" left), then runs axe on the whole document. */
async function violationsOn(page: Page, what: string): Promise<string[]> {
  await expectVisible(page, page.getByRole('heading', { level: 1 }), `the heading of ${what}`);
  // Scripts run in the page, written as strings (the service's TypeScript has no DOM types).
  await page.waitForFunction(`!document.body.innerText.includes('Loading')`, undefined, { timeout: TAB_WAIT_MS });
  if (!(await page.evaluate<boolean>(`'axe' in window`))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  // Fluent eases colours between states (a button enabled as its data arrives) and fades drawers in: a scan taken
  // mid-motion would measure a colour the page never rests on. The contrast that counts is the settled one.
  await page.evaluate(`(() => {
    if (document.getElementById('no-transitions')) return;
    const style = document.createElement('style');
    style.id = 'no-transitions';
    style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
    document.head.appendChild(style);
  })()`);
  // Motion that is not CSS (a drawer fading in through the Web Animations API) runs to its end first; endless ones
  // (a spinner) are left alone.
  await page.evaluate(
    `Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)))`,
  );
  // Fluent's focus traps add hidden, focusable sentinels (data-tabster-dummy) by design: they are not our markup.
  const violations = await page.evaluate<AxeViolation[]>(
    `window.axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] }).then((result) => result.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || ALSO_COUNTED.has(v.id))
    .map((v) => `${what}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join(' | ')}`);
}

async function visit(page: Page, hash: string, what: string): Promise<string[]> {
  await page.goto(`${service.baseUrl}/tab/${hash}`);
  return violationsOn(page, what);
}

describe('accessibility of every tab page (axe-core: no critical or serious violation, no skipped heading level)', () => {
  it('the taskforce pages', async () => {
    const priya = samplePersonas.taskforce.id;
    const pipeline = await apiAs<Pipeline>(service.baseUrl, priya, '/api/cohorts/demo/pipeline');
    const applicant = pipeline.applicants[0];
    if (!applicant) throw new Error('The demo cohort should have applicants.');
    const mine = await apiAs<MyMentoring>(service.baseUrl, priya, '/api/me/mentoring');
    const interview = mine.interviewsToDo[0];
    if (!interview) throw new Error('Priya should have an interview to score in the demo cohort.');

    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/cohorts' });
    await expectVisible(page, page.getByRole('heading', { name: 'Sign in as' }), 'the "Sign in as" picker');
    const found: string[] = [];
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    await signInAs(page, 'Priya Raman');
    found.push(...(await violationsOn(page, 'Cohorts')));
    for (const [hash, what] of [
      ['#/cohorts/new', 'the new cohort form'],
      ['#/cohorts/demo/edit', 'the cohort edit form'],
      ['#/cohorts/demo', 'the pipeline'],
      [`#/cohorts/demo/applicants/${applicant.personId}`, 'the pipeline with an applicant open'],
      ['#/people', 'People'],
      ['#/pairs', 'Pairs'],
      ['#/orientation', 'Orientation'],
      ['#/year', 'Year'],
      ['#/outcomes', 'Outcomes'],
      ['#/handbook', 'Handbook'],
      ['#/interviews', 'My interviews'],
      [`#/interviews/${interview.cohortId}/${interview.candidateId}`, 'an interview sheet'],
      ['#/my', 'My mentoring'],
      ['#/program', 'The program'],
    ]) {
      found.push(...(await visit(page, hash, what)));
    }

    // The applicant drawer open, then the address changes: the page behind it must not stay hidden from screen readers.
    await page.goto(`${service.baseUrl}/tab/#/cohorts/demo/applicants/${applicant.personId}`);
    await expectVisible(page, page.getByRole('dialog'), 'the applicant drawer');
    await page.evaluate(`window.location.hash = '#/people'`);
    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'People' }), 'the People page after the drawer');
    await page.waitForFunction(`document.getElementById('root')?.getAttribute('aria-hidden') !== 'true'`, undefined, { timeout: TAB_WAIT_MS });
    found.push(...(await violationsOn(page, 'People after the applicant drawer')));

    expect(found).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
    // Sixteen pages, each loaded and scanned in full: longer than one page's test.
  }, 200_000);

  it('the pages of an employee and of an executive', async () => {
    const found: string[] = [];
    for (const [name, pages] of [
      ['Jordan Lee', ['#/my', '#/program', '#/handbook']],
      ['Angela Brooks', ['#/my', '#/program', '#/handbook']],
    ] as const) {
      const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/my' });
      await signInAs(page, name);
      for (const hash of pages) found.push(...(await visit(page, hash, `${hash} for ${name}`)));
      expect(pageErrors).toEqual([]);
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
