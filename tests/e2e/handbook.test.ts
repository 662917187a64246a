// The Handbook page as people use it: real Chromium against the real service (local mode, in-memory Azurite, the sample
// org), serving the bundle that jest's globalSetup built. A participant reads it; the taskforce edits it.
import type { Browser } from 'playwright-core';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import type { HandbookJson } from '../../bot/program/handbook/api';
import { launchChromium } from '../support/browser';
import { apiAs } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab, signInAs } from '../support/tabPage';

let browser: Browser;
let service: TestService;

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

const handbook = () => apiAs<HandbookJson>(service.baseUrl, samplePersonas.employee.id, '/api/handbook');

describe('the Handbook page in Chromium', () => {
  it('lets Jordan Lee read the sections, formatted, and the questions, with nothing to edit', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/handbook' });
    await signInAs(page, 'Jordan Lee');
    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'Handbook' }), 'the page heading');
    const roles = page.getByTestId('section-roles');
    await expectVisible(page, roles.getByRole('heading', { level: 2, name: 'The roles' }), 'the roles section');
    await expectVisible(page, roles.locator('strong', { hasText: 'The mentor' }), '"The mentor" in bold');
    await expectVisible(page, page.getByRole('heading', { level: 3, name: 'What if my executive cancels?' }), 'a question people ask');
    expect(await page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a question' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Mentoring Up' }).getByRole('link', { name: 'Handbook' }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets Priya Raman edit a section as safe markdown: HTML refused with a sentence, a stale edit refused, a good one shown', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/handbook' });
    await signInAs(page, 'Priya Raman');
    const where = page.getByTestId('section-where');
    await where.getByRole('button', { name: 'Edit Where to meet' }).click();
    const text = where.getByRole('textbox', { name: /Text/ });
    await text.fill('Meet <b>here</b>.');
    await where.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page, where.getByText(/contains HTML/), 'the sentence refusing HTML');

    await text.fill('Meet in **the café** on level 1. See [the map](https://intranet.example.org/map).');
    await expectVisible(page, where.getByLabel('Preview').locator('strong', { hasText: 'the café' }), 'the preview in bold');
    await where.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page, where.locator('strong', { hasText: 'the café' }), 'the saved text in bold');
    await expect(where.getByRole('link', { name: 'the map' }).getAttribute('href')).resolves.toBe('https://intranet.example.org/map');
    const saved = (await handbook()).sections.find((s) => s.id === 'where');
    expect(saved?.markdown).toBe('Meet in **the café** on level 1. See [the map](https://intranet.example.org/map).');

    // Someone else saves while Priya edits: her save is refused and nothing of hers overwrites theirs.
    await where.getByRole('button', { name: 'Edit Where to meet' }).click();
    await apiAs(service.baseUrl, samplePersonas.taskforce.id, '/api/handbook/sections/where', {
      method: 'PUT',
      ifMatch: saved?.etag,
      body: { title: 'Where to meet', markdown: 'Changed by someone else.' },
    });
    await where.getByRole('textbox', { name: /Text/ }).fill('My late edit.');
    await where.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page, where.getByText(/Someone else changed this part of the handbook meanwhile/), 'the conflict sentence');
    expect((await handbook()).sections.find((s) => s.id === 'where')?.markdown).toBe('Changed by someone else.');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets Priya Raman add a question that Jordan then reads', async () => {
    const { page, context, pageErrors } = await openTab(browser, service.baseUrl, { query: '#/handbook' });
    await signInAs(page, 'Priya Raman');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const form = page.getByRole('region', { name: 'New question' });
    await form.getByRole('textbox', { name: /Question/ }).fill('Where do we park?');
    await form.getByRole('textbox', { name: /Answer/ }).fill('In the *staff* car park.');
    await form.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page, page.getByRole('heading', { level: 3, name: 'Where do we park?' }), 'the new question');
    expect((await handbook()).faqs.at(-1)).toMatchObject({ question: 'Where do we park?', answer: 'In the *staff* car park.' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
