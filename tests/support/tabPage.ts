// The tab in real Chromium, as the browser tests drive it: a fresh context on the tab, waiting for what a person would
// see (failing with what the page showed instead), and the local "sign in as" picker.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** How long to wait for a page to show something before saying what was missing. */
export const TAB_WAIT_MS = 15_000;

/** How much of the page's text a failure quotes: enough to see which page it was and what it said. */
const SHOWN_CHARS = 800;

export interface OpenTab {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions in the page: any of them is a bug in the tab. */
  pageErrors: string[];
}

export interface OpenTabOptions {
  /** What follows `/tab/` in the address: `?theme=dark`, `#/cohorts`, ... */
  query?: string;
  /** The viewport; 1200 × 900 unless told (narrow widths test the phone layout). */
  width?: number;
  height?: number;
}

/**
 * The tab in a fresh browser context (its own sessionStorage, so its own sign-in). The system prefers light, so only
 * `?theme=` can darken the page.
 */
export async function openTab(browser: Browser, baseUrl: string, options: OpenTabOptions = {}): Promise<OpenTab> {
  const { query = '', width = 1200, height = 900 } = options;
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width, height } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${baseUrl}/tab/${query}`);
  return { page, context, pageErrors };
}

/** The page's text, white space folded, cut to what a failure message can quote. */
export async function shownText(page: Page): Promise<string> {
  return (
    await page
      .locator('body')
      .innerText()
      .catch(() => '')
  )
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SHOWN_CHARS);
}

export interface ExpectVisibleOptions {
  /** Names the page in the failure message; "the tab" unless told. */
  where?: string;
}

/** Waits for `locator` to be visible; otherwise fails naming what was expected and what the page showed instead. */
export async function expectVisible(page: Page, locator: Locator, what: string, options: ExpectVisibleOptions = {}): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: TAB_WAIT_MS });
  } catch {
    const where = options.where ?? 'the tab';
    throw new Error(`Expected ${where} to show ${what}, but it did not.\nURL: ${page.url()}\nThe page showed: "${await shownText(page)}"`);
  }
}

/** Uses the "sign in as" picker (local mode): searches for the person by name, picks them, and waits for the header. */
export async function signInAs(page: Page, name: string): Promise<void> {
  await expectVisible(page, page.getByRole('heading', { name: 'Sign in as' }), 'the "Sign in as" picker');
  await page.getByRole('searchbox', { name: 'Search people' }).fill(name);
  const person = page.getByRole('list', { name: 'People' }).getByRole('button', { name: new RegExp(name) });
  await expectVisible(page, person, `"${name}" in the "Sign in as" list after searching for them`);
  await person.first().click();
  await expectVisible(page, page.getByRole('banner').getByText(name), `${name} as the signed-in person in the header`);
}
