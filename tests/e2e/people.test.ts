// The People page as the taskforce uses it: real Chromium against the real service (local mode, in-memory Azurite,
// the sample org), serving the bundle that jest's globalSetup built into dist/tab.
import type { Browser, Locator, Page } from 'playwright-core';
import type { Person } from '../../bot/directory/person';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { describeSchedule, relativeTime } from '../../tab/src/pages/people/describeDirectory';
import type { DirectoryStatus } from '../../bot/directory/api';
import { initialSyncView, maxQuietPolls, nextSyncView, shouldPoll, type SyncView } from '../../tab/src/pages/people/syncView';
import { launchChromium } from '../support/browser';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, signInAs, TAB_WAIT_MS } from '../support/tabPage';

const screenshotDir = '/tmp';

let browser: Browser;
let service: TestService;

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** Waits until `locator`'s text matches (the element may be re-rendered meanwhile); otherwise fails with the text it had. */
async function expectText(page: Page, locator: Locator, pattern: RegExp, what: string): Promise<void> {
  await expectVisible(page, locator, what);
  const deadline = Date.now() + TAB_WAIT_MS;
  let text = '';
  for (;;) {
    text = (await locator.innerText().catch(() => '(gone)')).replace(/\s+/g, ' ').trim();
    if (pattern.test(text)) return;
    if (Date.now() > deadline) throw new Error(`Expected ${what} to match ${pattern}, but it read: "${text}"`);
    await page.waitForTimeout(100);
  }
}

async function openPeoplePage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Mentoring Up' }).getByRole('link', { name: 'People' }).click();
  await expectVisible(page, page.getByRole('heading', { level: 1, name: 'People' }), 'the People page heading');
}

/** The value shown for one fact of the status card ("People", "Last sync", ...). */
function fact(page: Page, term: string): Locator {
  return page.getByTestId('directory-status').locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

function countIn(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

function peopleTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Everyone in the directory' });
}

/** The people table's rows as "name <mail>", in order (mail tells apart two people of the same name). */
async function rowsShown(page: Page): Promise<string[]> {
  const rows = peopleTable(page).locator('tbody tr');
  return rows.evaluateAll((elements) =>
    elements.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((cell) => (cell as unknown as { innerText: string }).innerText.trim());
      return `${cells[0]} <${cells[3]}>`;
    }),
  );
}

describe('the People page, signed in as the taskforce', () => {
  it('shows the sample org, syncs on request, lists problems, and searches and pages through everyone', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl);
    await signInAs(page, samplePersonas.taskforce.name);
    await openPeoplePage(page);

    // The status card: the sample org as loaded at start, with about 2,000 people and a full first read.
    await expectText(page, fact(page, 'Source'), /^Sample org$/, 'the directory source');
    const people = countIn(await fact(page, 'People').innerText());
    expect(people).toBeGreaterThanOrEqual(1900);
    expect(people).toBeLessThanOrEqual(2100);
    await expectText(page, fact(page, 'Last sync'), /Full read, \d+ requests?/, 'the last sync as the full first read');
    await expectText(page, fact(page, 'Roles'), /\d+ taskforce members?, \d+ executives?\s+Sample org/, 'the roles and their source');
    await expectText(page, fact(page, 'Schedule'), /Only when someone selects Sync now/, 'the schedule without Graph');

    // Problems: the table's rows are the problems the status counts, each naming the people it concerns.
    const anomalies = countIn(await fact(page, 'Problems found').innerText());
    expect(anomalies).toBeGreaterThan(0); // the sample org has a disabled account
    const problems = page.getByRole('table', { name: 'Problems in the org data' });
    await expectVisible(page, problems.getByRole('rowheader', { name: /Disabled accounts/ }), 'the disabled accounts group');
    const problemRows = problems.locator('tbody tr:has(td li)');
    expect(await problemRows.count()).toBe(Math.min(anomalies, 10));
    for (const name of await problemRows.locator('li span:first-child').allInnerTexts()) expect(name.trim()).not.toBe('');
    await page.screenshot({ path: `${screenshotDir}/people-light.png`, fullPage: true });

    // Sync now: the button is busy while the sync runs, then the last sync is the incremental round it started.
    const syncButton = page.getByRole('button', { name: 'Sync now' });
    await syncButton.click();
    await expectText(page, page.getByTestId('sync-progress'), /Sync finished/, 'the end of the sync');
    await expectText(page, fact(page, 'Last sync'), /^just now\s+.*Changes only, 1 request$/s, 'the last sync as the new incremental round');
    expect(await syncButton.isEnabled()).toBe(true);
    expect(countIn(await fact(page, 'People').innerText())).toBe(people);

    // Search by surname.
    await page.getByRole('searchbox', { name: 'Search by name or mail' }).fill('okafor');
    await expectText(page, page.getByTestId('people-summary'), /^Showing 1–1 of 1 matching “okafor”$/, 'the search summary for "okafor"');
    const sam = peopleTable(page).getByRole('row', { name: /Sam Okafor/ });
    await expectVisible(page, sam, 'Sam Okafor in the results');
    expect((await sam.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual([
      samplePersonas.manager.name,
      samplePersonas.manager.jobTitle,
      samplePersonas.manager.department,
      'sam.okafor@mdanderson.example',
    ]);

    // Paging through everyone, in name order.
    await page.getByRole('searchbox', { name: 'Search by name or mail' }).fill('');
    const everyone = new RegExp(`^Showing 1–20 of ${people.toLocaleString('en-US')}$`);
    await expectText(page, page.getByTestId('people-summary'), everyone, 'the first page of everyone');
    const firstPage = await rowsShown(page);
    expect(firstPage).toHaveLength(20);
    expect(await page.getByRole('button', { name: 'Previous' }).getAttribute('aria-disabled')).toBe('true');

    await page.getByRole('button', { name: 'Next' }).click();
    await expectText(page, page.getByTestId('people-summary'), /^Showing 21–40 of /, 'the second page');
    const secondPage = await rowsShown(page);
    expect(secondPage).toHaveLength(20);
    expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);
    expect(secondPage[0].localeCompare(firstPage[19], 'en', { sensitivity: 'base' })).toBeGreaterThanOrEqual(0);

    await page.getByRole('button', { name: 'Previous' }).click();
    await expectText(page, page.getByTestId('people-summary'), everyone, 'the first page again');
    expect(await rowsShown(page)).toEqual(firstPage);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('reads well in the dark and high-contrast themes', async () => {
    for (const theme of ['dark', 'contrast']) {
      const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: `?theme=${theme}` });
      await signInAs(page, samplePersonas.taskforce.name);
      await openPeoplePage(page);
      await expectText(page, fact(page, 'Source'), /^Sample org$/, `the directory source in the ${theme} theme`);
      await expectText(page, page.getByTestId('people-summary'), /^Showing 1–20 of /, `the people table in the ${theme} theme`);
      await page.screenshot({ path: `${screenshotDir}/people-${theme}.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
      await context.close();
    }
  });
});

describe('the People page for an org with clean data', () => {
  let clean: TestService;

  beforeAll(async () => {
    clean = await startTestService({ people: cleanOrg() });
  });

  afterAll(async () => {
    await clean?.stop();
  });

  it('says no problems were found', async () => {
    const { page, context, pageErrors } = await openTab(browser, clean.baseUrl);
    await signInAs(page, samplePersonas.taskforce.name);
    await openPeoplePage(page);

    await expectVisible(page, page.getByText('No problems found in the org data.'), 'the empty state for problems');
    await expectText(page, fact(page, 'Problems found'), /^0$/, 'no problems counted');
    await expectText(page, fact(page, 'People'), /^4$/, 'the four people of the clean org');
    await expectText(page, page.getByTestId('people-summary'), /^Showing 1–4 of 4$/, 'everyone on one page');
    await expect(page.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).resolves.toBe('true');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

/** A president, the taskforce persona reporting to them, and two of her reports: no loops, no gaps, all enabled. */
function cleanOrg(): Person[] {
  const president: Person = { id: '00000000-0000-4000-8000-0000000c1ea0', name: 'Morgan Hale', jobTitle: 'President', department: 'Office of the President', accountEnabled: true };
  const { taskforce } = samplePersonas;
  return [
    president,
    { ...taskforce, mail: 'priya.raman@clean.example', managerId: president.id, accountEnabled: true },
    { id: '00000000-0000-4000-8000-0000000c1ea1', name: 'Ana Ruiz', jobTitle: 'HR Business Partner', department: 'Human Resources', managerId: taskforce.id, accountEnabled: true },
    {
      id: '00000000-0000-4000-8000-0000000c1ea2',
      name: 'Ben Cho',
      jobTitle: 'Learning and Development Specialist',
      department: 'Human Resources',
      managerId: taskforce.id,
      accountEnabled: true,
    },
  ];
}

// The page's pure rules, beside the browser test that shows them: the branches a sample-org sync cannot reach.
describe('following a sync on the People page', () => {
  const idle: DirectoryStatus = {
    source: 'graph:contoso',
    people: 10,
    anomalies: 0,
    lastSync: { at: '2025-05-01T10:00:00.000Z', kind: 'incremental', requests: 1 },
    roles: { source: 'configured lists', taskforce: 1, executives: 2 },
  };
  const running: DirectoryStatus = { ...idle, running: { kind: 'incremental', pages: 1, people: 10, startedAt: '2025-05-01T11:00:00.000Z' } };

  function afterSyncNow(answer: DirectoryStatus): SyncView {
    const loaded = nextSyncView(initialSyncView, { type: 'loaded', status: idle });
    return nextSyncView(nextSyncView(loaded, { type: 'requesting' }), { type: 'requested', status: answer });
  }

  it('follows a requested sync through its running polls until the last sync changes', () => {
    let view = afterSyncNow(idle);
    expect(shouldPoll(view)).toBe(true);
    view = nextSyncView(view, { type: 'loaded', status: running });
    view = nextSyncView(view, { type: 'loaded', status: running });
    expect(shouldPoll(view)).toBe(true);
    view = nextSyncView(view, { type: 'loaded', status: { ...idle, lastSync: { at: '2025-05-01T11:00:05.000Z', kind: 'incremental', requests: 1 } } });
    expect(view.outcome).toBe('synced');
    expect(shouldPoll(view)).toBe(false);
  });

  it('ends with "failed" when a new error is recorded instead', () => {
    const failed = { ...idle, lastError: { at: '2025-05-01T11:00:03.000Z', message: 'Graph answered 503.' } };
    const view = nextSyncView(afterSyncNow(running), { type: 'loaded', status: failed });
    expect(view.outcome).toBe('failed');
    expect(shouldPoll(view)).toBe(false);
  });

  it('stops polling after a few quiet answers when the sync never shows itself', () => {
    let view = afterSyncNow(idle);
    for (let poll = 1; poll < maxQuietPolls; poll++) {
      view = nextSyncView(view, { type: 'loaded', status: idle });
      expect(shouldPoll(view)).toBe(true);
    }
    view = nextSyncView(view, { type: 'loaded', status: idle });
    expect(view.outcome).toBe('unknown');
    expect(shouldPoll(view)).toBe(false);
  });

  it('stops polling when the status cannot be loaded, and polls again for a sync someone else started', () => {
    const lost = nextSyncView(afterSyncNow(running), { type: 'loadFailed', message: 'Mentoring Up could not reach its service.' });
    expect(shouldPoll(lost)).toBe(false);
    expect(shouldPoll(nextSyncView(initialSyncView, { type: 'loaded', status: running }))).toBe(true);
    expect(shouldPoll(nextSyncView(initialSyncView, { type: 'loaded', status: idle }))).toBe(false);
  });

  it('says when the last sync was and how often syncs run in plain words', () => {
    const now = new Date('2025-05-01T12:00:00.000Z');
    expect(relativeTime('2025-05-01T11:59:50.000Z', now)).toBe('just now');
    expect(relativeTime('2025-05-01T12:00:20.000Z', now)).toBe('just now');
    expect(relativeTime('2025-05-01T11:55:00.000Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2025-05-01T09:00:00.000Z', now)).toBe('3 hours ago');
    expect(relativeTime('2025-04-30T12:00:00.000Z', now)).toBe('yesterday');
    expect([undefined, { everyMinutes: 60 }, { everyMinutes: 90 }, { everyMinutes: 1440 }].map(describeSchedule)).toEqual([
      'Only when someone selects Sync now',
      'Every hour',
      'Every 90 minutes',
      'Every day',
    ]);
  });
});
