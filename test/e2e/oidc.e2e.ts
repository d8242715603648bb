import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type RunningServer, startServer } from '../../src/platform/server.ts';
import { launchBrowser } from '../support/browser.ts';
import { freePort } from '../support/formDriver.ts';
import { startTestIdp, type TestIdp } from '../support/testIdp.ts';

let idp: TestIdp;
let server: RunningServer;
let browser: Browser;
let dataDir: string;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startTestIdp({
    redirectUri: `${base}/api/auth/oidc/callback`,
    hprNumbers: { 'helene-sub': '9144900' },
  });
  dataDir = mkdtempSync(path.join(tmpdir(), 'genvei-oidc-'));
  const config = loadConfig({
    ...idp.env(),
    PORT: String(port),
    GENVEI_PUBLIC_URL: base,
    GENVEI_MODE: 'demo',
    GENVEI_DATA: dataDir,
    GENVEI_LOG_LEVEL: 'warn',
    ...(process.env.GENVEI_E2E_DATABASE_URL ? { DATABASE_URL: process.env.GENVEI_E2E_DATABASE_URL } : {}),
  });
  server = await startServer(config, (database) => seedDemo(database.db));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('OpenID Connect sign-in in a browser', () => {
  it('goes to the identity provider and comes back signed in', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.getByRole('link', { name: 'Logg inn med Test-HelseID' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('helene-sub');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole('heading', { name: 'Velkommen, Helene HelseID' }).waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('Helene HelseID');
    await page.close();
  });

  it('explains a refusal on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Sign in with Test-HelseID' }).click();
    await page.locator('input[name="login"]').fill('stranger');
    await page.locator('input[name="password"]').fill('any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no genvei account/);
    await page.close();
  });
});
