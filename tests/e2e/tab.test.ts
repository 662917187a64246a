// The tab as a person uses it: real Chromium against the real service (local mode, in-memory Azurite), serving the
// bundle that jest's globalSetup built into dist/tab.
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startTestService } from '../support/service';
import { expectVisible, openTab, signInAs, type OpenTab } from '../support/tabPage';

let browser: Browser;
let service: { baseUrl: string; stop(): Promise<void> };

beforeAll(async () => {
  [service, browser] = await Promise.all([startTestService(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** The tab at `width` × 800 (the header must fit narrow screens without scrolling sideways). */
function openTabAt(query = '', width = 1200): Promise<OpenTab> {
  return openTab(browser, service.baseUrl, { query, width, height: 800 });
}

function navigation(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Mentoring Up' });
}

async function navigationLabels(page: Page): Promise<string[]> {
  return (await navigation(page).getByRole('link').allInnerTexts()).map((label) => label.trim());
}

/** The relative luminance (0 black .. 1 white) of a computed rgb() colour; `what` names it when it is not one. */
function relativeLuminance(css: string, what: string): number {
  const channels = css
    .match(/\d+(\.\d+)?/g)
    ?.slice(0, 3)
    .map(Number);
  if (!channels || channels.length < 3) throw new Error(`${what} "${css}" is not an rgb() colour.`);
  const [r, g, b] = channels.map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Reads the body's computed background as the relative luminance of its rgb() colour. */
async function bodyLuminance(page: Page): Promise<{ css: string; luminance: number }> {
  const css = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  return { css, luminance: relativeLuminance(css, "The body's background colour") };
}

/**
 * The current navigation link's computed text colour and the background it is drawn on: its own, or, while that is
 * transparent, the nearest ancestor's. Also the WCAG contrast ratio between the two (1 = invisible .. 21).
 */
async function currentNavLinkColours(page: Page): Promise<{ color: string; background: string; ratio: number }> {
  const { color, background } = await page.evaluate<{ color: string; background: string }>(`(() => {
    const link = document.querySelector('nav[aria-label="Mentoring Up"] a[aria-current="page"]');
    if (!link) return { color: 'no current link', background: 'no current link' };
    const transparent = (css) => css === 'transparent' || /^rgba\\(.*,\\s*0\\)$/.test(css);
    let element = link;
    while (element.parentElement && transparent(getComputedStyle(element).backgroundColor)) element = element.parentElement;
    return { color: getComputedStyle(link).color, background: getComputedStyle(element).backgroundColor };
  })()`);
  const [lighter, darker] = [relativeLuminance(color, 'The current link colour'), relativeLuminance(background, 'Its background')].sort((a, b) => b - a);
  return { color, background, ratio: (lighter + 0.05) / (darker + 0.05) };
}

describe('the tab in Chromium, local mode', () => {
  it('signs in as the taskforce, shows the taskforce pages, and hides them after switching to an employee', async () => {
    const { page, context, pageErrors } = await openTabAt();

    await signInAs(page, 'Priya Raman');
    await expectVisible(page, navigation(page), 'the navigation for Priya Raman');
    expect(await navigationLabels(page)).toEqual(['Cohorts', 'People', 'Pairs', 'Orientation', 'Year', 'Outcomes', 'My interviews', 'My mentoring', 'Handbook']);

    await navigation(page).getByRole('link', { name: 'Pairs' }).click();
    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'Pairs' }), 'the Pairs page heading');
    await expectVisible(page, page.getByText('No pairs yet.'), 'the empty state of the Pairs page');
    expect(new URL(page.url()).hash).toBe('#/pairs');
    expect(await navigation(page).getByRole('link', { name: 'Pairs' }).getAttribute('aria-current')).toBe('page');
    // The cohort chooser names each cohort and its state without stacking brackets ("(demo) (open)").
    const cohortOptions = await page.getByRole('combobox').locator('option').allInnerTexts();
    expect(cohortOptions).toContainEqual(expect.stringMatching(/\(demo\) · open$/));
    for (const option of cohortOptions) expect(option).not.toMatch(/\)\s*\(/);

    // My interviews is in the navigation, marked current when shown; "How Mentoring Up works" explains the program.
    await navigation(page).getByRole('link', { name: 'My interviews' }).click();
    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'My interviews' }), 'the My interviews page');
    expect(await navigation(page).getByRole('link', { name: 'My interviews' }).getAttribute('aria-current')).toBe('page');
    await page.goto(`${service.baseUrl}/tab/#/program`);
    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'The program' }), 'the program page for the taskforce');
    expect(await navigation(page).locator('[aria-current="page"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Switch person' }).click();
    await signInAs(page, 'Jordan Lee');
    await expectVisible(page, page.getByText('You have not applied yet.'), 'the My mentoring empty state for Jordan Lee');
    expect(await navigationLabels(page)).toEqual(['My mentoring', 'Handbook']);

    // A taskforce page opened by address still stays closed to an employee.
    await page.goto(`${service.baseUrl}/tab/#/pairs`);
    await expectVisible(page, page.getByText('This page is for the taskforce.'), 'the taskforce-only notice for Jordan Lee');
    await expect(page.getByText('No pairs yet.').count()).resolves.toBe(0);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('paints a dark page with ?theme=dark and a light one with ?theme=default', async () => {
    const dark = await openTabAt('?theme=dark');
    const light = await openTabAt('?theme=default');
    for (const { page } of [dark, light]) {
      await expectVisible(page, page.getByRole('heading', { name: 'Sign in as' }), 'the "Sign in as" picker');
    }

    const darkBackground = await bodyLuminance(dark.page);
    const lightBackground = await bodyLuminance(light.page);
    if (darkBackground.luminance >= 0.1) {
      throw new Error(`With ?theme=dark the page background should be dark, but it is ${darkBackground.css}.`);
    }
    if (lightBackground.luminance <= 0.8) {
      throw new Error(`With ?theme=default the page background should be light, but it is ${lightBackground.css}.`);
    }

    expect([...dark.pageErrors, ...light.pageErrors]).toEqual([]);
    await Promise.all([dark.context.close(), light.context.close()]);
  });

  it('draws the current navigation link readably in the high-contrast theme, under the pointer and without it', async () => {
    const { page, context, pageErrors } = await openTabAt('?theme=contrast');
    await signInAs(page, 'Priya Raman');
    // Clicking leaves the pointer on the link: the hover state is the one a person sees right after choosing a page.
    await navigation(page).getByRole('link', { name: 'Pairs' }).click();
    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'Pairs' }), 'the Pairs page heading');
    expect(await navigation(page).getByRole('link', { name: 'Pairs' }).getAttribute('aria-current')).toBe('page');
    const hovered = await currentNavLinkColours(page);
    await page.mouse.move(5, 700);
    const resting = await currentNavLinkColours(page);

    for (const colours of [hovered, resting]) {
      expect(colours.color).not.toBe(colours.background);
      // WCAG AA for normal text; the high-contrast theme should do far better.
      if (colours.ratio < 4.5) {
        throw new Error(`The current link's text ${colours.color} on ${colours.background} has a contrast of only ${colours.ratio.toFixed(2)}:1.`);
      }
    }

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it.each([420, 320])('fits the header (navigation and "Switch person") into a %i px wide screen', async (width) => {
    const { page, context, pageErrors } = await openTabAt('', width);
    await signInAs(page, 'Priya Raman');
    await navigation(page).getByRole('link', { name: 'Pairs' }).click();
    await expectVisible(page, page.getByRole('heading', { level: 1, name: 'Pairs' }), 'the Pairs page heading');

    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    // Everything in the header is still there and inside the screen: the person, the switch button, every link.
    const switchBox = await page.getByRole('button', { name: 'Switch person' }).boundingBox();
    expect(switchBox).not.toBeNull();
    expect(switchBox!.x + switchBox!.width).toBeLessThanOrEqual(width);
    expect(await navigationLabels(page)).toEqual(['Cohorts', 'People', 'Pairs', 'Orientation', 'Year', 'Outcomes', 'My interviews', 'My mentoring', 'Handbook']);
    await page.screenshot({ path: `/tmp/tab-header-${width}.png` });

    // The switch still works at this width.
    await page.getByRole('button', { name: 'Switch person' }).click();
    await signInAs(page, 'Jordan Lee');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
