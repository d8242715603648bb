import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless. The network flags keep it from calling home: this machine's
 * network is closed and the refused connections would only slow it down.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.GENVEI_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
