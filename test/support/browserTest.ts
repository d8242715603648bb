import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../src/platform/server.ts';
import { launchBrowser } from './browser.ts';
import { type DemoServer, startDemoServer } from './demoServer.ts';

/** What a browser-test file works with; `base` and `server` are there once its beforeAll has run. */
export type BrowserTest = {
  readonly base: string;
  readonly server: RunningServer;
  /** A page with the file's options that logs the app's uncaught errors: a failure shows what it saw. */
  newPage(): Promise<Page>;
  /** Signs in through the login form, as a person does, and waits to land on `next`. */
  signIn(page: Page, username: string, next: string): Promise<void>;
};

/**
 * What every browser-test file sets up the same way: a demo server of its own and a headless
 * Chromium, started before the file's tests (and before its own beforeAll, registered after this
 * call) and stopped after them.
 */
export function browserTest(label: string, pages: BrowserContextOptions): BrowserTest {
  let demo: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    demo = await startDemoServer(label);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });
  const started = () => {
    if (!demo || !browser) throw new Error(`the ${label} demo server and browser are not started yet`);
    return { demo, browser };
  };
  return {
    get base() {
      return started().demo.base;
    },
    get server() {
      return started().demo.server;
    },
    async newPage() {
      const page = await started().browser.newPage(pages);
      page.on('pageerror', (error) => console.error('page error:', error.message));
      return page;
    },
    async signIn(page, username, next) {
      const { base } = started().demo;
      await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel('Brukernavn').fill(username);
      await page.getByLabel('Passord').fill('genvei-demo');
      await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
      await page.waitForURL(`${base}${next}`);
    },
  };
}
