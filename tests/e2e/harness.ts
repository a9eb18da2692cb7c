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
  // CI (.ci/run) installs it and sets TEST_REQUIRE_BROWSER=1: there a missing browser is a failure
  if (process.env.TEST_REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} is required (TEST_REQUIRE_BROWSER=1) but missing`);
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

const BUILD_LOCK = path.join(ROOT, 'dist/.web-build.lock');

/**
 * Builds the console unless dist/web is newer than everything it is built from. Test files run
 * in parallel: the first one builds under a lock directory, the others wait for it and find the
 * build fresh.
 */
export async function ensureWebBuild(): Promise<void> {
  const fresh = () => {
    const sources = Math.max(...webSources().map((f) => fs.statSync(f).mtimeMs));
    return fs.existsSync(DIST_INDEX) && fs.statSync(DIST_INDEX).mtimeMs >= sources;
  };
  if (fresh()) return;
  fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (const started = Date.now(); ;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // a lock older than a build can take was left by a killed run
      if (Date.now() - fs.statSync(BUILD_LOCK).mtimeMs > 240_000)
        fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() - started > 240_000) throw new Error('timed out waiting for another web build');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (fresh()) return;
    console.log('[e2e] building the web console (npx vite build)…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', timeout: 180_000 });
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

export interface Harness {
  db: Db;
  app: App;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * Days of demo service data (chats, ratings, orders) ending today; the default 0 seeds the
   * organisation only. The full demo (90 days) takes about a minute to import, so suites ask
   * for the few days they need.
   */
  serviceDays?: number;
}

/** Starts everything; `close()` stops it and removes the temporary database. */
export async function startHarness({ serviceDays = 0 }: HarnessOptions = {}): Promise<Harness> {
  await ensureWebBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-e2e-'));
  const db = openDatabase(`sqlite:${path.join(dir, 'e2e.sqlite')}`);
  await migrateToLatest(db);
  await seedDemo(db, serviceDays > 0 ? { days: serviceDays } : { serviceData: false });
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
  // fail a step with its own message well before the test's timeout
  context.setDefaultTimeout(15_000);
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
  // sticky parts (the side menu) are drawn where the page is scrolled to
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The labels of the side menu, in order (module groups and their items). */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.locator('.ant-layout-sider .ant-menu-title-content');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((s) => s.trim());
}
