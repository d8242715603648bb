import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { freePort } from '../support/formDriver.ts';

let server: ChildProcess;
let base: string;
let browser: Browser;
let dataDir: string;
let secondsToHealth: number;

/** `npm start` exactly as the README says, on an empty data directory. */
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'genvei-start-'));
  const port = await freePort();
  base = `http://localhost:${port}`;
  const started = Date.now();
  server = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), GENVEI_DATA: dataDir, GENVEI_MODE: '', DATABASE_URL: '' },
    detached: true,
    stdio: 'ignore',
  });
  for (;;) {
    if (Date.now() - started > 30_000) throw new Error('npm start did not answer /health within 30 s');
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  secondsToHealth = (Date.now() - started) / 1000;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await new Promise((resolve) => server?.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(
  page: Page,
  username: string,
  labels: { username: string; password: string; submit: string },
) {
  await page.getByLabel(labels.username).fill(username);
  await page.getByLabel(labels.password).fill('genvei-demo');
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

describe('npm start on a fresh data directory', () => {
  it('answers /health within 30 seconds, seeded and ready', async () => {
    expect(secondsToHealth).toBeLessThan(30);
    console.log(`npm start answered /health after ${secondsToHealth.toFixed(1)} s`);
    expect(await fetch(`${base}/ready`).then((r) => r.json())).toEqual({
      status: 'ready',
      database: 'pglite',
    });
  });

  it('lets a demo user sign in in Norwegian, and in English', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nb');
    await signIn(page, 'rekvirent', { username: 'Brukernavn', password: 'Passord', submit: 'Logg inn' });
    await page.getByRole('heading', { name: 'Velkommen, Kari Onkolog' }).waitFor();
    expect(await page.getByRole('navigation').textContent()).toContain('Analysekatalog');
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-home-nb.png') });
    await page.getByRole('button', { name: 'Logg ut' }).click();

    await page.getByRole('button', { name: 'English' }).click();
    await signIn(page, 'patolog', { username: 'Username', password: 'Password', submit: 'Sign in' });
    await page.getByRole('heading', { name: 'Welcome, Per Patolog' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('navigation').textContent()).toContain('Molecular tumour board');
    await page.close();
  });

  it('shows a wrong password as an error on the form, in the language the reader switches to', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.getByLabel('Brukernavn').fill('rekvirent');
    await page.getByLabel('Passord').fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Feil brukernavn eller passord.');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong username or password.');
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.close();
  });

  it("gives the privacy officer the audit page, with a patient's reads and an intact chain", async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByRole('button', { name: 'Norsk' }).click();
    await signIn(page, 'personvern', { username: 'Brukernavn', password: 'Passord', submit: 'Logg inn' });
    await page.getByRole('link', { name: 'Tilgangslogg' }).click();
    await page.getByLabel('Brukernavn').fill('rekvirent');
    await page.getByRole('button', { name: 'Søk' }).click();
    const rows = page.getByTestId('audit-results').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.first().textContent()).toContain('login');
    await page.getByRole('button', { name: 'Kontroller hasjkjeden' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Loggen er intakt/);
    await page.screenshot({ path: path.join(tmpdir(), 'genvei-audit-nb.png'), fullPage: true });
    await page.close();
  });
});
