// Browser contexts that notice script running where it should not: alert/confirm/prompt/print and
// writes to window.__x are reported to the test (through a binding, so a report survives navigation),
// dialogs are recorded and dismissed, CSP violations and uncaught errors are collected.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PageGlobals } from './page-globals';

export interface XssWatch {
  /** Marker calls: "alert(1) @ http://…/t/…". */
  hits: string[];
  dialogs: string[];
  cspViolations: string[];
  errors: string[];
}

export function newWatch(): XssWatch {
  return { hits: [], dialogs: [], cspViolations: [], errors: [] };
}

export function clearWatch(watch: XssWatch): void {
  for (const list of [watch.hits, watch.dialogs, watch.cspViolations, watch.errors]) list.length = 0;
}

/** Throws unless nothing ran: no marker call, no dialog, no CSP violation, no uncaught error. */
export function assertNothingRan(watch: XssWatch, where: string): void {
  assert.deepEqual(watch.hits, [], `${where}: a payload called a marker`);
  assert.deepEqual(watch.dialogs, [], `${where}: a payload opened a dialog`);
  assert.deepEqual(watch.cspViolations, [], `${where}: something tried to run and the Content-Security-Policy stopped it`);
  assert.deepEqual(watch.errors, [], `${where}: uncaught errors in the page`);
}

/**
 * Runs in every document before its own scripts. Plain JavaScript text on purpose: a compiled function
 * could carry helpers of the test's own bundler (tsx adds __name calls) that the page does not have.
 */
const instrument = `(() => {
  const report = (how) => {
    (window.__xss = window.__xss || []).push(how);
    if (typeof window.__xssReport === 'function') window.__xssReport(how).catch(() => {});
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function (...args) {
      report(name + '(' + args.map(String).join(',') + ')');
      return original.apply(window, args);
    };
  }
  Object.defineProperty(window, '__x', { configurable: false, get: () => undefined, set: (value) => report('__x=' + String(value)) });
})();`;

export interface WatchedContextOptions {
  baseUrl: string;
  /** Ignore the page's Content-Security-Policy, so only our escaping and sanitizing stand between a payload and the page. */
  bypassCsp: boolean;
  /** Block the app's scripts, so the server-rendered HTML stays as sent. */
  serverHtmlOnly?: boolean;
  viewport?: { width: number; height: number };
}

export async function watchedContext(browser: Browser, watch: XssWatch, options: WatchedContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: options.baseUrl, bypassCSP: options.bypassCsp, ...(options.viewport ? { viewport: options.viewport } : {}) });
  await context.exposeBinding('__xssReport', (source, how: string) => {
    watch.hits.push(`${how} @ ${source.page.url()}`);
  });
  await context.addInitScript({ content: instrument });
  // Nothing leaves the test server (payload images point at example.com).
  const origin = new URL(options.baseUrl).origin;
  await context.route((url) => url.origin !== origin, (route) => route.abort());
  if (options.serverHtmlOnly) await context.route((url) => url.origin === origin && /\/assets\/.*\.js$/.test(url.pathname), (route) => route.abort());
  context.on('page', (page) => watchPage(page, watch));
  return context;
}

function watchPage(page: Page, watch: XssWatch): void {
  // Hundreds of page loads: a busy machine must not turn a slow one into a failure.
  page.setDefaultTimeout(30_000);
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()} @ ${page.url()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) watch.cspViolations.push(`${message.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`${error.message} @ ${page.url()}`));
}

/** Lets late handlers fire: every image has loaded or failed, then a moment more. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from((globalThis as unknown as PageGlobals).document.images).every((image) => image.complete));
  await page.waitForTimeout(60);
}

/** Runs `work` over the items, `size` at a time. */
export async function inParallel<T>(items: readonly T[], size: number, work: (item: T, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item, worker);
      }
    }),
  );
}

/** Runs `work` over the items on `size` pages of the context at once. */
export async function inPool<T>(context: BrowserContext, items: readonly T[], size: number, work: (item: T, page: Page) => Promise<void>): Promise<void> {
  const pages = await Promise.all(Array.from({ length: Math.min(size, items.length) }, () => context.newPage()));
  await inParallel(items, pages.length, (item, worker) => work(item, pages[worker] as Page));
  await Promise.all(pages.map((page) => page.close()));
}
