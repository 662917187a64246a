// The browser tests run on a machine without any system Chromium: the packaged one (@sparticuz/chromium) is unpacked
// from node_modules and renders the tab, fonts included. The system's browsers are hidden from the resolver here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../support/browser';
import { resolveChromium } from '../support/chromium';
import { startTestService, type TestService } from '../support/service';
import { expectVisible, openTab } from '../support/tabPage';

const noSystemBrowser = { env: { PATH: '/nonexistent' }, systemCandidates: [] } as const;

let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});

afterAll(async () => {
  await service?.stop();
});

describe('choosing the browser', () => {
  it('uses the packaged Chromium when neither CHROMIUM_PATH nor a system browser is there, and it renders the tab', async () => {
    const resolved = await resolveChromium(noSystemBrowser);
    expect(resolved.source).toBe('npm package');
    expect(resolved.executablePath).toContain(path.join('node_modules', '.cache', 'mentoring-up-chromium'));

    const browser = await launchChromium(noSystemBrowser);
    try {
      const { page, context, pageErrors } = await openTab(browser, service.baseUrl);
      const heading = page.getByRole('heading', { name: 'Sign in as' });
      await expectVisible(page, heading, 'the "Sign in as" picker in the packaged Chromium');
      // Text is laid out with real glyphs (a browser without fonts draws nothing, or boxes of zero width).
      const box = await heading.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(50);
      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('prefers CHROMIUM_PATH, then a system browser, and refuses a CHROMIUM_PATH that is not there', async () => {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'chromium-choice-'));
    try {
      const fake = path.join(dir, 'chromium');
      await fs.promises.writeFile(fake, '#!/bin/sh\n', { mode: 0o755 });
      await expect(resolveChromium({ env: { CHROMIUM_PATH: fake }, systemCandidates: [] })).resolves.toMatchObject({ source: 'CHROMIUM_PATH', executablePath: fake });
      await expect(resolveChromium({ env: {}, systemCandidates: [path.join(dir, 'missing'), fake] })).resolves.toMatchObject({ source: 'system', executablePath: fake });
      await expect(resolveChromium({ env: { CHROMIUM_PATH: path.join(dir, 'missing') } })).rejects.toThrow(/CHROMIUM_PATH/);
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  });
});
