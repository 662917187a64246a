// The Microsoft 365 Agents Playground's page in real Chromium, as the browser tests drive it: the chat box, the
// Adaptive Cards the bot sends, their Action.Execute buttons, and screenshots of every page when a test fails.
import type { Browser, Locator, Page } from 'playwright-core';
import { expectVisible, TAB_WAIT_MS } from './tabPage';

/** How long to wait for the Playground to show something; the same bound as for the tab. */
export const PLAYGROUND_WAIT_MS = TAB_WAIT_MS;

/** The pages a test opened, by whom or what they show: each is kept as a screenshot when the test fails. */
export type OpenPages = Map<string, Page>;

/**
 * Runs `steps`; on failure keeps a screenshot of every page they opened in /tmp (named `<name>-failure-...png`) and names
 * each in the error. The pages are closed either way.
 */
export async function withScreenshotsOnFailure(name: string, steps: (pages: OpenPages) => Promise<void>): Promise<void> {
  const pages: OpenPages = new Map();
  try {
    await steps(pages);
  } catch (error) {
    const stamp = Date.now();
    for (const [who, page] of pages) {
      const file = `/tmp/${name}-failure-${stamp}-${who.replace(/\W+/g, '-').toLowerCase()}.png`;
      const saved = await page.screenshot({ path: file, fullPage: true }).then(
        () => true,
        () => false,
      );
      if (saved && error instanceof Error) error.message += `\nScreenshot (${who}): ${file}`;
    }
    throw error;
  } finally {
    await Promise.all([...pages.values()].map((page) => page.close()));
  }
}

/**
 * The Playground's page is a 9 MB script: on a busy two-core machine fetching and starting it has taken 20–30 s. The
 * bound only turns a hang into a clear error.
 */
const PAGE_LOAD_MS = 90_000;

/**
 * The Playground's hashed static files (its script, styles, fonts), fetched once per test file and then served to
 * every page from memory: each Playground listens on a port of its own, so the browser cache never shares them.
 */
const playgroundAssets = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();

/** Opens `url` in a page of its own (a Playground or the tab), kept in `pages` under `label` for failure screenshots. */
export async function openPage(browser: Browser, pages: OpenPages, label: string, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  pages.set(label, page);
  page.setDefaultTimeout(PLAYGROUND_WAIT_MS);
  await page.route('**/static/**', async (route) => {
    const key = new URL(route.request().url()).pathname;
    let asset = playgroundAssets.get(key);
    if (!asset) {
      const response = await route.fetch();
      // The body comes decoded: drop the headers that describe how it travelled.
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !/^(content-encoding|content-length|transfer-encoding)$/i.test(name)));
      asset = { status: response.status(), headers, body: await response.body() };
      if (response.ok()) playgroundAssets.set(key, asset);
    }
    await route.fulfill(asset);
  });
  await page.goto(url, { timeout: PAGE_LOAD_MS });
  return page;
}

/** Waits for `locator` to be visible in a Playground; otherwise fails naming what was expected and what it showed. */
export function expectInPlayground(page: Page, locator: Locator, what: string): Promise<void> {
  return expectVisible(page, locator, what, { where: 'the Playground' });
}

/** Every Adaptive Card in the page. */
export function cards(page: Page): Locator {
  return page.locator('div.ac-adaptiveCard');
}

/** Adaptive Cards rendered after `anchor` in the page, in the order they appear. */
export function cardsAfter(anchor: Locator): Locator {
  return anchor.locator('xpath=following::div[contains(concat(" ", normalize-space(@class), " "), " ac-adaptiveCard ")]');
}

/** The chat box: it has no accessible name, and the cards' inputs are textboxes too, so it is the rich-text editor. */
export function chatBox(page: Page): Locator {
  return page.locator('[role="textbox"][data-lexical-editor="true"]');
}

/** Sends `text` from the chat box; answers the message as shown in the chat, to look for the cards after it. */
export async function sendMessage(page: Page, text: string): Promise<Locator> {
  await expectInPlayground(page, chatBox(page), 'the chat box');
  await chatBox(page).fill(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
  // The chat comes before the log panel in the page, and the log panel lists the message too.
  const sent = page.getByText(text, { exact: true }).first();
  await expectInPlayground(page, sent, `the message "${text}" in the chat`);
  return sent;
}

/**
 * Clicks an Action.Execute button until `result` shows (at most three times). On a busy machine a click on a card that
 * has just arrived has been seen to send no invoke at all. Only for verbs where a second invoke changes nothing.
 */
export async function clickCardAction(page: Page, button: Locator, result: Locator, what: string): Promise<void> {
  const attempts = 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await button.click({ timeout: PLAYGROUND_WAIT_MS });
    if (attempt === attempts) break;
    const shown = await result
      .first()
      .waitFor({ state: 'visible', timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (shown || !(await button.isVisible())) break;
  }
  await expectInPlayground(page, result, what);
}
