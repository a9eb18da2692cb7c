/**
 * End-to-end harness: the built console (rebuilt when web/ sources are newer than
 * dist/web/index.html), the real server in-process over a temporary SQLite file with the demo
 * organisation, and headless Debian Chromium driven by playwright-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../server/app.ts';
import { migrateToLatest, openDatabase, type Db } from '../../server/db/database.ts';
import { DEMO_PASSWORD, seedDemo } from '../../server/demo/seed.ts';
import type { App } from '../../server/http.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts/screenshots');
const DIST_INDEX = path.join(ROOT, 'dist/web/index.html');

/** Whether Debian's Chromium is installed; the e2e suites are skipped (with a message) without it. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  console.warn(`[e2e] ${CHROMIUM} not found: skipping the console tests. Install it with: apt-get install -y chromium`);
  return false;
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * Every file the console is built from: web/ plus what it imports from outside (domain/,
 * the API schemas), followed through relative imports — so edits elsewhere in domain/ or
 * server/ do not force a rebuild.
 */
function webSources(): string[] {
  const seen = new Set<string>();
  const queue = listFiles(path.join(ROOT, 'web'));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g))
      queue.push(path.resolve(path.dirname(file), m[1]));
  }
  return [...seen];
}

/** Builds the console unless dist/web is newer than everything it is built from. */
export function ensureWebBuild(): void {
  const sources = Math.max(...webSources().map((f) => fs.statSync(f).mtimeMs));
  const built = fs.existsSync(DIST_INDEX) ? fs.statSync(DIST_INDEX).mtimeMs : 0;
  if (built >= sources) return;
  console.log('[e2e] building the web console (npx vite build)…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', timeout: 180_000 });
}

export interface Harness {
  db: Db;
  app: App;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts everything; `close()` stops it and removes the temporary database. */
export async function startHarness(): Promise<Harness> {
  ensureWebBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-e2e-'));
  const db = openDatabase(`sqlite:${path.join(dir, 'e2e.sqlite')}`);
  await migrateToLatest(db);
  await seedDemo(db);
  const app = await buildApp({ db, staticDir: path.join(ROOT, 'dist/web'), loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    db,
    app,
    url: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh browser context (own cookies and localStorage) signed in through the login form. */
export async function signIn(h: Harness, login: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${h.url}/`);
  await page.waitForURL(/\/login/);
  await page.getByPlaceholder('请输入账号').fill(login);
  await page.getByPlaceholder('请输入密码').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/dashboard$/);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The labels of the side menu, in order (module groups and their items). */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.locator('.ant-layout-sider .ant-menu-title-content');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((s) => s.trim());
}
