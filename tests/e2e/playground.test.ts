// The bot as a person meets it in the Microsoft 365 Agents Playground: real Chromium on the Playground's Teams-like
// page, the Playground posting real Bot Framework activities to the real service (local mode, in-memory Azurite).
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startPlayground, type RunningPlayground } from '../support/playground';
import { startTestService } from '../support/service';

/** How long to wait for the page to show something before saying what was missing. */
const waitMs = 15_000;

let browser: Browser;
let service: { baseUrl: string; stop(): Promise<void> };
let playground: RunningPlayground;

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
  playground = await startPlayground({ botEndpoint: `${service.baseUrl}/api/messages` });
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await service?.stop();
});

/** Adaptive Cards rendered after `anchor` in the page, in the order they appear. */
function cardsAfter(anchor: Locator): Locator {
  return anchor.locator('xpath=following::div[contains(concat(" ", normalize-space(@class), " "), " ac-adaptiveCard ")]');
}

/** Waits for `locator` to be visible; otherwise fails naming what was expected and what the page showed instead. */
async function expectVisible(page: Page, locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: waitMs });
  } catch {
    const shown = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 800);
    throw new Error(`Expected the Playground to show ${what}, but it did not.\nThe page showed: "${shown}"`);
  }
}

/** Runs `steps` on a fresh page; on failure keeps a screenshot in /tmp and names it in the error. */
async function onPlaygroundPage(steps: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(playground.url);
    await steps(page);
  } catch (error) {
    const screenshot = `/tmp/playground-e2e-failure-${Date.now()}.png`;
    const saved = await page.screenshot({ path: screenshot, fullPage: true }).then(() => true, () => false);
    if (saved && error instanceof Error) error.message += `\nScreenshot: ${screenshot}`;
    throw error;
  } finally {
    await page.close();
  }
}

/**
 * Clicks an Action.Execute button until `result` shows (at most three times). On a busy machine a click on a card that
 * has just arrived has been seen to send no invoke at all; clicking again is safe because the verbs clicked here only
 * show a card.
 */
async function clickCardAction(page: Page, button: Locator, result: Locator, what: string): Promise<void> {
  const attempts = 3;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await button.click({ timeout: waitMs });
    if (attempt === attempts) break;
    const shown = await result.first().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    if (shown || !(await button.isVisible())) break;
  }
  await expectVisible(page, result, what);
}

it('answers "hi" with the welcome card, and its Help button with the list of commands', () =>
  onPlaygroundPage(async (page) => {
    const chatBox = page.getByRole('textbox');
    await expectVisible(page, chatBox, 'the chat box');
    // The signed-in user comes from .m365agentsplayground.yml.
    await expectVisible(page, page.getByRole('img', { name: 'Jordan Lee' }), 'Jordan Lee as the signed-in user');

    await chatBox.fill('hi');
    await page.getByRole('button', { name: 'Send Message' }).click();

    // Only cards after the "hi" just sent count: the bot may also greet when the Playground opens the chat.
    const sent = page.getByText('hi', { exact: true }).first();
    await expectVisible(page, sent, 'the message "hi" in the chat');
    const welcome = cardsAfter(sent).filter({ hasText: 'Mentoring Up' }).last();
    await expectVisible(page, welcome, 'the welcome card after "hi"');
    expect(await welcome.innerText()).toContain('Jordan');
    await expectVisible(page, welcome.getByRole('button', { name: 'About the program' }), 'the "About the program" button');
    const help = welcome.getByRole('button', { name: 'Help', exact: true });
    await expectVisible(page, help, 'the "Help" button');

    const commands = cardsAfter(sent).filter({ hasText: 'Commands' }).last();
    await clickCardAction(page, help, commands, 'the card listing the commands');
    const text = await commands.innerText();
    expect(text).toMatch(/\bhelp\b/);
    expect(text).toMatch(/\babout\b/);
  }));
