// What the first page of the tab costs a person on a phone: the JavaScript transferred (compressed) from opening the tab
// to the taskforce's first page, measured in Chromium. Pages are chunks of their own, loaded when first shown.
import type { Browser, Response } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, signInAs } from '../support/tabPage';

const FIRST_PAGE_JS_BUDGET = 300 * 1024;

let browser: Browser;
let service: TestService;

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

interface Transferred {
  url: string;
  bytes: number;
  encoding: string | undefined;
}

it(`loads the first page with less than ${FIRST_PAGE_JS_BUDGET / 1024} KB of compressed JavaScript`, async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const scripts: Promise<Transferred>[] = [];
  page.on('response', (response: Response) => {
    if (!/javascript/.test(response.headers()['content-type'] ?? '')) return;
    scripts.push((async () => ({ url: response.url(), bytes: (await response.request().sizes()).responseBodySize, encoding: response.headers()['content-encoding'] }))());
  });
  await page.goto(`${service.baseUrl}/tab/`);
  await signInAs(page, 'Priya Raman');
  await expectVisible(page, page.getByRole('heading', { level: 1, name: 'Cohorts' }), 'the Cohorts page');

  const loaded = await Promise.all(scripts);
  const total = loaded.reduce((sum, script) => sum + script.bytes, 0);
  expect(loaded.map((script) => [script.url, script.encoding])).toEqual(loaded.map((script) => [script.url, expect.stringMatching(/^(br|gzip)$/)]));
  if (total >= FIRST_PAGE_JS_BUDGET) {
    throw new Error(`The first page transferred ${(total / 1024).toFixed(0)} KB of JavaScript:\n${loaded.map((s) => `  ${(s.bytes / 1024).toFixed(1)} KB ${s.url}`).join('\n')}`);
  }
  // Only the first page's chunk came: the other pages wait until they are opened.
  expect(loaded.some((script) => /CohortsPage-/.test(script.url))).toBe(true);
  expect(loaded.filter((script) => /(PairsPage|PeoplePage|InterviewsPage)-/.test(script.url))).toEqual([]);
  await context.close();
});
