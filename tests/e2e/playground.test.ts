// The bot as a person meets it in the Microsoft 365 Agents Playground: real Chromium on the Playground's Teams-like
// page, the Playground posting real Bot Framework activities to the real service (local mode, in-memory Azurite).
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startPlayground, type RunningPlayground } from '../support/playground';
import { cardsAfter, chatBox, clickCardAction, expectInPlayground, openPage, sendMessage, withScreenshotsOnFailure } from '../support/playgroundPage';
import { startTestService } from '../support/service';

// Each Playground page takes tens of seconds to start on a busy machine (see PAGE_LOAD_MS in playgroundPage.ts).
jest.setTimeout(180_000);

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

it('answers "hi" with the welcome card, and its Help button with the list of commands', () =>
  withScreenshotsOnFailure('playground-e2e', async (pages) => {
    const page = await openPage(browser, pages, 'playground', playground.url);
    await expectInPlayground(page, chatBox(page), 'the chat box');
    // The signed-in user comes from .m365agentsplayground.yml.
    await expectInPlayground(page, page.getByRole('img', { name: 'Jordan Lee' }), 'Jordan Lee as the signed-in user');

    // Only cards after the "hi" just sent count: the bot may also greet when the Playground opens the chat.
    const sent = await sendMessage(page, 'hi');
    const welcome = cardsAfter(sent).filter({ hasText: 'Mentoring Up' }).last();
    await expectInPlayground(page, welcome, 'the welcome card after "hi"');
    expect(await welcome.innerText()).toContain('Jordan');
    await expectInPlayground(page, welcome.getByRole('button', { name: 'About the program' }), 'the "About the program" button');
    const help = welcome.getByRole('button', { name: 'Help', exact: true });
    await expectInPlayground(page, help, 'the "Help" button');

    const commands = cardsAfter(sent).filter({ hasText: 'Commands' }).last();
    await clickCardAction(page, help, commands, 'the card listing the commands');
    const text = await commands.innerText();
    expect(text).toMatch(/\bhelp\b/);
    expect(text).toMatch(/\babout\b/);
  }));
