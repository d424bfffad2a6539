import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Express } from 'express';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';

/** Debian's Chromium; `.ci/run` installs it when missing. Nothing here downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where the flows leave their screenshots: the README's (test/console/screenshots) only when asked
 * with UPDATE_SCREENSHOTS=1, so an ordinary run never rewrites tracked files.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(PROJECT_ROOT, 'test', 'console', 'screenshots') : path.join(os.tmpdir(), 'foresight-console-screenshots');
fs.mkdirSync(SCREENSHOTS, { recursive: true });

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** The app on a loopback port of its own, as main.ts would serve it. */
export async function listen(app: Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A browser tab that records what a user would notice went wrong: console errors, uncaught
 * exceptions, CSP violations, and any request to anywhere but the service.
 */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  foreign: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, base: string, viewport = { width: 1366, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, baseURL: base });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) foreign.push(url);
  });
  return { page, context, errors, foreign, close: () => context.close() };
}

/** Signs in through the page, as a person would: paste the key, press the button. */
export async function signInPage(w: WatchedPage, apiKey: string): Promise<void> {
  await w.page.goto('/ui/');
  await w.page.getByLabel('API key').fill(apiKey);
  await w.page.getByRole('button', { name: 'Sign in' }).click();
  await w.page.waitForLoadState('domcontentloaded');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/**
 * Code run inside the page is given as text: this project's TypeScript has no DOM types, and the
 * page's own globals (document, window) are what it reads.
 */
export const inPage = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

/** The id (or an attribute) of the element that has the keyboard focus. */
export const focused = (page: Page, attribute = 'id') => inPage<string | null>(page, `document.activeElement ? document.activeElement.getAttribute(${JSON.stringify(attribute)}) : null`);

/** How far the page is wider than its viewport (0: no sideways scrolling). */
export const overflow = (page: Page) => inPage<number>(page, 'document.documentElement.scrollWidth - document.documentElement.clientWidth');

/** The page made no console error and loaded nothing from outside the service. */
export function expectClean(w: WatchedPage): void {
  expect(w.errors, 'console errors').toEqual([]);
  expect(w.foreign, 'requests outside the service').toEqual([]);
}
