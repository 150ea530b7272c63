/** Vitest global setup: build the web app once so the server serves the current code. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { browserUnavailableReason, SCREENSHOT_DIR } from './browser.ts';

export default async function setup(): Promise<void> {
  if (browserUnavailableReason()) return;
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const root = path.resolve(import.meta.dirname, '../../apps/web');
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'error' });
}
