/**
 * Debian's Chromium driven by playwright-core (never `npx playwright install`): fixed executable,
 * headless, sandbox off (containers), no background traffic, a fresh profile per launch.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PLANMAAT_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-output/screenshots');

/** Why the browser tests cannot run here, or undefined when they can. In CI they must run. */
export function browserUnavailableReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  if (process.env.CI)
    throw new Error(`${CHROMIUM_PATH} is missing in CI: .ci/run installs the Debian package chromium`);
  return `${CHROMIUM_PATH} not found: install it with "apt-get install -y chromium" to run the browser tests`;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** One browser with a fresh profile folder (the user-data-dir), removed again on close. */
export async function launchBrowser(viewport = { width: 1440, height: 900 }): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'planmaat-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
