// Parked jobs on the People page, as the taskforce sees them: real Chromium against the real service (local mode,
// in-memory Azurite), with jobs parked by the real scheduler.
import type { Browser, Page } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { AppError } from '../../bot/errors';
import { launchChromium } from '../support/browser';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, signInAs, TAB_WAIT_MS } from '../support/tabPage';
import { ShiftedClock } from '../support/testClock';

let browser: Browser;
let service: TestService;
const ran: string[] = [];
let healthy = false;

beforeAll(async () => {
  const clock = new ShiftedClock();
  [service, browser] = await Promise.all([startTestService({ clock: clock.now, scheduler: { maxAttempts: 1 } }), launchChromium()]);
  const scheduler = service.app.scheduler;
  scheduler.register(
    'test.nudge',
    async (job) => {
      if (!healthy) throw new AppError('Unreachable', 'Teams did not accept the card; it will be sent when someone retries.');
      ran.push(job.key);
    },
    { describe: (job) => `Meeting nudge for ${String(job.payload.pair)}` },
  );
  await scheduler.schedule('test.nudge', 'pair-1', clock.now(), { pair: 'Jordan Lee and Angela Brooks' });
  await scheduler.schedule('test.nudge', 'pair-2', clock.now(), { pair: 'Sam Okafor and Priya Raman' });
  await scheduler.runDue();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

async function itemTexts(page: Page): Promise<string[]> {
  return (await page.getByTestId('parked-jobs').locator('li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function waitForItems(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + TAB_WAIT_MS;
  while ((await page.getByTestId('parked-jobs').locator('li').count()) !== count) {
    if (Date.now() > deadline) throw new Error(`Expected ${count} parked jobs, the section showed: ${JSON.stringify(await itemTexts(page))}`);
    await page.waitForTimeout(100);
  }
}

describe('parked work on the People page', () => {
  it('shows each parked job with its sentence, and lets the taskforce retry one and drop another', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl);
    await signInAs(page, samplePersonas.taskforce.name);
    await page.getByRole('navigation', { name: 'Mentoring Up' }).getByRole('link', { name: 'People' }).click();
    const section = page.getByTestId('parked-jobs');
    await expectVisible(page, section.getByRole('heading', { name: 'Background work that keeps failing' }), 'the parked work section');
    await waitForItems(page, 2);
    await section.screenshot({ path: '/tmp/parked-jobs-list.png' });
    const items = await itemTexts(page);
    expect(items.map((text) => text.split(' Teams did')[0]).sort()).toEqual(['Meeting nudge for Jordan Lee and Angela Brooks', 'Meeting nudge for Sam Okafor and Priya Raman']);
    for (const text of items) expect(text).toContain('Teams did not accept the card; it will be sent when someone retries. Parked just now after 1 attempt Retry Drop');

    healthy = true;
    await section.getByRole('button', { name: 'Retry Meeting nudge for Jordan Lee and Angela Brooks' }).click();
    await expectVisible(page, section.getByText('“Meeting nudge for Jordan Lee and Angela Brooks” will run again in a moment.'), 'the retry confirmation');
    await waitForItems(page, 1);
    await service.app.scheduler.runDue();
    expect(ran).toEqual(['pair-1']);

    await section.getByRole('button', { name: 'Drop Meeting nudge for Sam Okafor and Priya Raman' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Drop “Meeting nudge for Sam Okafor and Priya Raman”?' });
    await expectVisible(page, dialog, 'the drop confirmation dialog');
    await dialog.getByRole('button', { name: 'Drop' }).click();
    await expectVisible(page, section.getByText('Nothing is stuck.'), 'the empty parked list');
    expect(await service.app.scheduler.get('test.nudge', 'pair-2')).toBeUndefined();
    await section.screenshot({ path: '/tmp/parked-jobs-empty.png' });

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
