import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');

/** Where browser suites save their screenshots (a CI artefact; not committed). */
export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'console');

/**
 * Debian's Chromium, which the tests drive with Playwright (playwright-core cannot download browsers
 * here). Throws one line naming the package when it is missing.
 */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return candidate;
}

/** Builds the console when its sources are newer than its build, so the suite tests the code as it is. */
export function buildConsole(): void {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-console.js'), '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`The console did not build:\n${build.stdout}${build.stderr}`);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile, kept off the network but for loopback: no background
 * networking, component updates, sync or QUIC (this machine's closed network refuses them all).
 */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
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
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Controls (buttons, inputs, selects, links) that a screen reader could not name. */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nameOf = (element: Element): string => {
      const labelled = element.getAttribute('aria-labelledby');
      const byId = labelled ? document.getElementById(labelled)?.textContent : '';
      const labels = (element as HTMLInputElement).labels;
      return [
        element.getAttribute('aria-label'),
        byId,
        labels ? Array.from(labels, (label) => label.textContent).join(' ') : '',
        element.tagName === 'BUTTON' || element.tagName === 'A' ? element.textContent : '',
      ]
        .filter(Boolean)
        .join(' ')
        .trim();
    };
    return Array.from(document.querySelectorAll('button, input, select, a[href]'))
      .filter((element) => !nameOf(element))
      .map((element) => element.outerHTML.slice(0, 120));
  });
}
