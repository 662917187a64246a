// One nomination end to end, as the people involved meet it: Jordan Lee nominates himself in the Microsoft 365 Agents
// Playground, his manager Sam Okafor approves on the card that arrives in his own Playground, Jordan hears the outcome,
// and the taskforce's pipeline shows him approved. Two Playground instances (one per person, each speaking as its
// config file's current user) post real Bot Framework activities to the one real service (local mode, in-memory
// Azurite); the bot's proactive messages go back to whichever Playground the person last wrote from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { launchChromium } from '../support/browser';
import { apiAnswerAs } from '../support/devApi';
import { startPlayground, type RunningPlayground } from '../support/playground';
import { cards, clickCardAction, expectInPlayground, openPage, PLAYGROUND_WAIT_MS, sendMessage, withScreenshotsOnFailure, type OpenPages } from '../support/playgroundPage';
import { writePlaygroundConfigAs } from '../support/playgroundUsers';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, signInAs } from '../support/tabPage';

const jordan = samplePersonas.employee;
const sam = samplePersonas.manager;
const priya = samplePersonas.taskforce;
/** The cohort local mode starts with (bot/program/demo/demoData.ts); Jordan has no application in it. */
const demoCohortId = 'demo';
const topic = 'Staffing and scheduling';
const why = 'Night shifts see problems nobody upstairs hears about, and I would like leaders to see one.';

// Each Playground page takes tens of seconds to start on a busy machine (see PAGE_LOAD_MS in playgroundPage.ts).
jest.setTimeout(180_000);

let browser: Browser | undefined;
let service: TestService | undefined;
let configDir: string | undefined;
const playgrounds: { jordan?: RunningPlayground; sam?: RunningPlayground } = {};

beforeAll(async () => {
  configDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'nomination-journey-'));
  // Sam's own Playground: signed in as him, with a personal chat of his own.
  const samConfig = writePlaygroundConfigAs({ name: sam.name, personalChatId: 'a:mentoring-up-personal-chat-sam-okafor', dir: configDir });
  [service, browser] = await settleAll([startTestService(), launchChromium()], ([s, b]) => Promise.all([b?.close(), s?.stop()]));
  const botEndpoint = `${service.baseUrl}/api/messages`;
  [playgrounds.jordan, playgrounds.sam] = await settleAll([startPlayground({ botEndpoint }), startPlayground({ botEndpoint, configPath: samConfig })], (started) =>
    Promise.all(started.map(async (p) => p?.stop())),
  );
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([playgrounds.jordan?.stop(), playgrounds.sam?.stop()]);
  await service?.stop();
  if (configDir) await fs.promises.rm(configDir, { recursive: true, force: true });
});

/** Like Promise.all, but when one fails the others that did start are cleaned up before the error is thrown. */
async function settleAll<T extends readonly unknown[]>(
  starts: { [K in keyof T]: Promise<T[K]> },
  cleanUp: (started: { [K in keyof T]: T[K] | undefined }) => Promise<unknown>,
): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const values = settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as { [K in keyof T]: T[K] | undefined };
  if (failure) {
    await cleanUp(values);
    throw failure.reason;
  }
  return values as unknown as T;
}

/**
 * Opens a person's Playground. Loading it sends the bot an installationUpdate and a conversationUpdate for them; the
 * welcome card that answers shows the bot has stored their conversation, so it can now reach them proactively.
 */
async function openPlayground(playground: RunningPlayground, name: string, pages: OpenPages): Promise<Page> {
  const page = await openPage(browser!, pages, name, playground.url);
  await expectInPlayground(page, page.getByRole('img', { name }), `${name}'s Playground to show them as the signed-in user`);
  await expectInPlayground(page, cards(page).filter({ hasText: 'Mentoring Up' }), `the welcome card in ${name}'s Playground`);
  return page;
}

/** The part of `GET /api/cohorts/:cohortId/pipeline` (bot/program/pipeline/pipelineRoutes.ts) this test reads. */
interface Pipeline {
  cohort: { name: string };
  applicants: { personId: string; stage: string; managerName: string | null; topics: string[] }[];
}

/** The taskforce's view of a cohort's pipeline, read with a dev token of the person (local mode). */
async function pipelineAs(personId: string): Promise<Pipeline> {
  const answer = await apiAnswerAs<Pipeline>(service!.baseUrl, personId, `/api/cohorts/${demoCohortId}/pipeline`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** The tab in a page of its own, signed in as `name` with the local "sign in as" picker. */
async function openTabAs(name: string, pages: OpenPages): Promise<Page> {
  const page = await openPage(browser!, pages, `tab ${name}`, `${service!.baseUrl}/tab/`);
  await signInAs(page, name);
  return page;
}

it('takes a nomination from "nominate" to the manager\'s approval, tells the nominee, and shows it in the pipeline', () =>
  withScreenshotsOnFailure('nomination-journey', async (pages) => {
    // Sam's Playground first: the bot can only reach him once it has his conversation.
    const samPage = await openPlayground(playgrounds.sam!, sam.name, pages);
    const jordanPage = await openPlayground(playgrounds.jordan!, jordan.name, pages);

    // Jordan asks for the form and fills it in.
    await sendMessage(jordanPage, 'nominate');
    // Each card looked for below is the only one of its kind in its page.
    const form = cards(jordanPage).filter({ hasText: 'Nominate yourself to mentor an executive' }).last();
    await expectInPlayground(jordanPage, form, 'the nomination form after "nominate"');
    await form.getByRole('checkbox', { name: topic }).check();
    await form.getByRole('textbox', { name: /Why you want to mentor/ }).fill(why);
    await form.getByRole('checkbox', { name: /I agree to meet my executive four times/ }).check();

    // Submitting twice would be answered "already nominated", so this click is not repeated.
    const received = cards(jordanPage).filter({ hasText: 'Nomination received' });
    await form.getByRole('button', { name: 'Submit my nomination' }).click({ timeout: PLAYGROUND_WAIT_MS });
    await expectInPlayground(jordanPage, received, 'the "Nomination received" card in Jordan\'s Playground');
    expect(await received.first().innerText()).toContain(`We have asked ${sam.name} to approve your participation`);

    // Sam's approval card arrives in his chat, with who, the topic and the motivation.
    const approval = cards(samPage).filter({ hasText: 'your approval is needed' }).filter({ hasText: jordan.name }).last();
    await expectInPlayground(samPage, approval, "the approval card in Sam's Playground");
    const asked = await approval.innerText();
    expect(asked).toContain(topic);
    expect(asked).toContain(why);

    // The decided card replaces the request (Universal Actions); approving again would change nothing.
    const approved = cards(samPage).filter({ hasText: 'Nomination approved' });
    await clickCardAction(
      samPage,
      approval.getByRole('button', { name: 'Approve and confirm good standing' }),
      approved,
      "the approval card to show the decision in Sam's Playground",
    );
    expect(await approved.first().innerText()).toContain(`You approved ${jordan.name}’s participation`);
    await expect(samPage.getByRole('button', { name: 'Approve and confirm good standing' }).count()).resolves.toBe(0);

    // Jordan hears the outcome in his chat.
    const outcome = cards(jordanPage).filter({ hasText: 'Your manager approved your nomination' });
    await expectInPlayground(jordanPage, outcome, "the outcome in Jordan's Playground");
    expect(await outcome.first().innerText()).toContain(`${sam.name} approved your participation`);

    // The taskforce's pipeline has Jordan approved by his manager: in the data, and on the cohort's page in the tab.
    const pipeline = await pipelineAs(priya.id);
    expect(pipeline.applicants.filter((a) => a.personId === jordan.id)).toEqual([expect.objectContaining({ stage: 'managerApproved', managerName: sam.name, topics: [topic] })]);
    const tab = await openTabAs(priya.name, pages);
    await tab.getByRole('navigation', { name: 'Mentoring Up' }).getByRole('link', { name: 'Cohorts' }).click();
    await tab.getByRole('link', { name: pipeline.cohort.name }).first().click();
    const row = tab
      .getByRole('table', { name: 'Applicants' })
      .getByRole('row')
      .filter({ has: tab.getByRole('link', { name: jordan.name, exact: true }) });
    await expectVisible(tab, row, `${jordan.name}'s row in the pipeline of ${pipeline.cohort.name}`);
    const shown = await row.innerText();
    expect(shown).toContain('Manager approved');
    expect(shown).toContain(sam.name);
    expect(shown).toContain(topic);
  }));
