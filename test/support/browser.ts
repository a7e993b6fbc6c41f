// Browser tests' shared parts: the built server as a real process on a fresh data dir (with its one-time
// setup link), Debian's Chromium flags, and small locator helpers.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { scratchDir } from './databases';
import { freePort } from './processes';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  setupLink: string;
  dataDir: string;
}

/** `env` adds to or overrides the server's environment (say, a higher RATE_LIMIT_PER_MINUTE for a busy test). */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const entry = path.join(root, 'dist', 'server', 'main.js');
  assert.ok(fs.existsSync(entry), 'dist/server/main.js is missing: run `node scripts/build.mjs` first');
  assert.ok(fs.existsSync(path.join(root, 'dist', 'web', 'index.html')), 'dist/web is missing: run `node scripts/build.mjs` first');
  const dataDir = fs.mkdtempSync(path.join(scratchDir, 'hearth-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...process.env, HEARTH_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000; // generous: a busy machine boots the embedded database slowly
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    const link = /https?:\/\/\S+\/setup\?token=\S+/.exec(output)?.[0];
    const isHealthy = await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false);
    if (link && isHealthy) return { child, baseUrl, setupLink: link, dataDir };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy with a setup link within 90 s:\n${output}`);
}

export function stopServer(running: RunningServer): Promise<void> {
  const { child } = running;
  const done = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
  return done.then(() => fs.rmSync(running.dataDir, { recursive: true, force: true }));
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' });
  return locator;
}

/** A new page whose script errors and CSP violations are collected in `errors` (the test asserts it stays empty). */
export async function watchedPage(context: BrowserContext, errors: string[], timeoutMs = 10_000): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Uncaught/i.test(message.text())) errors.push(message.text());
  });
  return page;
}

/** Signs up through the web form (guidelines read and accepted) and waits for the welcome. */
export async function signUpInBrowser(page: Page, username: string, displayName: string): Promise<void> {
  await page.goto('/signup');
  await visible(page.getByRole('heading', { name: 'Create your account', level: 1 }));
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByLabel('Display name').fill(displayName);
  await page.getByText('Read the community guidelines').click();
  await page.getByLabel('I accept the community guidelines').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await visible(page.getByRole('heading', { name: `Welcome, ${displayName}`, level: 1 }));
}

export function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The built server on a fresh data dir plus a headless Chromium; close() stops both and removes the dir. */
export async function startBrowserSession(env: Record<string, string> = {}): Promise<BrowserSession> {
  assert.ok(fs.existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (install Debian's chromium package or set CHROMIUM_PATH)`);
  const server = await startServer(env);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return {
    server,
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      await stopServer(server);
    },
  };
}
