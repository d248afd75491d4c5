// Driving the real VS Code workbench in headless Chromium (playwright-core + Debian's chromium).
// Selectors follow VS Code 1.100's DOM: activity-bar entries carry the container's aria-label,
// tree rows are `.monaco-list-row` with aria-level/aria-expanded, webviews are nested iframes.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { chromiumPath, testResultsDir } from './paths';
import { onCleanup } from './processes';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Workbench {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

let sharedBrowser: Promise<Browser> | undefined;

/** One Chromium per script run; closed by the cleanup handlers. */
export function getBrowser(): Promise<Browser> {
  sharedBrowser ??= chromium
    .launch({
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      // Playwright's own signal handling would exit the process on Ctrl+C before our cleanup ran.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    .then((browser) => {
      onCleanup(() => browser.close().catch(() => undefined));
      return browser;
    });
  return sharedBrowser;
}

/** Opens `url` in a fresh browser context and waits until the workbench has rendered. */
export async function launchWorkbench(url: string, opts: { viewport?: { width: number; height: number }; waitForWorkbench?: boolean } = {}): Promise<Workbench> {
  const browser = await getBrowser();
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  // tsx compiles these scripts with esbuild's keepNames, which wraps named functions in __name();
  // functions handed to page.evaluate() run in the page, where that helper must exist too.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  const page = await context.newPage();
  await page.goto(url);
  if (opts.waitForWorkbench !== false) await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return { browser, page, close: () => context.close().catch(() => undefined) };
}

/** Waits until the extension host is up and the workbench has settled enough to take input. */
export async function waitForWorkbenchReady(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
}

/**
 * Activity-bar entry (the `li`) of a view container, found by the aria-label of its link
 * ("Feature Store", or "Extensions (Ctrl+Shift+X)" when a keybinding exists).
 */
export function activityBarEntry(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar li.action-item:has(> a.action-label[aria-label^="${title}"])`).first();
}

/** Shows the "Feature Store" container in the side bar (without toggling it closed if it is open). */
export async function openFeatureStoreView(page: Page, title = 'Feature Store'): Promise<void> {
  const entry = activityBarEntry(page, title);
  await entry.waitFor({ timeout: 60_000 });
  const active = /\bchecked\b/.test((await entry.getAttribute('class')) ?? '');
  const sidebarVisible = await page.locator('.part.sidebar').isVisible();
  if (!active || !sidebarVisible) await entry.click();
  await page.locator('.part.sidebar .composite.title').filter({ hasText: new RegExp(title, 'i') }).first().waitFor({ timeout: 30_000 });
}

interface RowState {
  found: boolean;
  expanded?: 'true' | 'false' | null;
  /** The row right below is one level deeper, i.e. its children are rendered. */
  childrenShown?: boolean;
}

/**
 * Finds the row at `labels` in the side-bar trees as they are rendered right now, marks it with
 * `data-fse-row=marker` (rows are recycled DOM elements, so a mark is only good until the next
 * render) and says whether it is expanded with its children shown.
 */
async function locateRow(page: Page, labels: string[], marker: string): Promise<RowState> {
  return page.evaluate(
    ({ labels, marker }) => {
      const matches = (text: string, label: string) => text === label || text.startsWith(label + ' ') || text.startsWith(label + '(');
      const levelOf = (row: HTMLElement) => Number(row.getAttribute('aria-level') ?? '1');
      // Each side-bar pane has its own list; the path is resolved inside one of them.
      for (const list of Array.from(document.querySelectorAll('.part.sidebar .monaco-list'))) {
        const rows = Array.from(list.querySelectorAll<HTMLElement>('.monaco-list-row')).sort(
          (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
        );
        let start = 0;
        let parentLevel = 0;
        let hitIndex = -1;
        for (const label of labels) {
          hitIndex = -1;
          for (let i = start; i < rows.length; i++) {
            const level = levelOf(rows[i]);
            // Left the previous label's subtree: the path does not continue here.
            if (parentLevel > 0 && level <= parentLevel) break;
            const text = (rows[i].querySelector('.label-name')?.textContent ?? rows[i].getAttribute('aria-label') ?? '').trim();
            if (level > parentLevel && matches(text, label)) {
              hitIndex = i;
              start = i + 1;
              parentLevel = level;
              break;
            }
          }
          if (hitIndex < 0) break;
        }
        if (hitIndex >= 0) {
          const hit = rows[hitIndex];
          hit.setAttribute('data-fse-row', marker);
          const next = rows[hitIndex + 1];
          return {
            found: true,
            expanded: hit.getAttribute('aria-expanded') as 'true' | 'false' | null,
            childrenShown: !!next && levelOf(next) === levelOf(hit) + 1,
          };
        }
      }
      return { found: false };
    },
    { labels, marker },
  );
}

type RowPathArg = string | { timeoutMs?: number };

function splitRowArgs(args: RowPathArg[]): { labels: string[]; timeoutMs: number } {
  const labels = args.filter((x): x is string => typeof x === 'string');
  const options = args.find((x): x is { timeoutMs?: number } => typeof x === 'object') ?? {};
  if (labels.length === 0) throw new Error('a tree row path needs at least one label');
  return { labels, timeoutMs: options.timeoutMs ?? 30_000 };
}

async function rowNotFound(page: Page, labels: string[], what: string): Promise<Error> {
  const visible = await visibleTreeLabels(page);
  return new Error(`tree row ${labels.join(' > ')} ${what}; visible rows:\n${visible.join('\n')}`);
}

/**
 * The side-bar tree row at `labels` — a path from a root: treeRow(page, 'analytics', 'Owned',
 * 'customer-profile'). A label matches a row whose label is exactly it or starts with it followed
 * by a space or '(' (so counts in the label do not matter). The first label may be at any depth,
 * each next one must be inside the previous one's subtree. Waits for the row to appear (30 s, or
 * pass { timeoutMs } last). Use the locator right away: the tree re-renders rows as data loads.
 */
export async function treeRow(page: Page, ...args: RowPathArg[]): Promise<Locator> {
  const { labels, timeoutMs } = splitRowArgs(args);
  const marker = `row-${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await locateRow(page, labels, marker)).found) return page.locator(`[data-fse-row="${marker}"]`);
    if (Date.now() > deadline) throw await rowNotFound(page, labels, 'not found');
    await page.waitForTimeout(250);
  }
}

/** Labels (with indentation by level, and description) of the side-bar rows currently rendered. */
export async function visibleTreeLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.part.sidebar .monaco-list-row')).map((row) => {
      const level = Number(row.getAttribute('aria-level') ?? '1');
      const label = row.querySelector('.label-name')?.textContent?.trim() ?? row.getAttribute('aria-label') ?? '';
      const description = row.querySelector('.label-description')?.textContent?.trim();
      return `${'  '.repeat(level - 1)}${label}${description ? `  — ${description}` : ''}`;
    }),
  );
}

/** Labels of the top-level rows of the side-bar trees, in order (e.g. one per AWS profile). */
export async function rootLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.part.sidebar .monaco-list-row[aria-level="1"]'))
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
      .map((row) => row.querySelector('.label-name')?.textContent?.trim() ?? ''),
  );
}

/**
 * Expands the row at `labels` and waits until its children are rendered (every node of this tree
 * shows at least one child when expanded: items, or a message/error row). Re-checks instead of
 * trusting one click: rows re-render while their data loads (a category can first render expanded,
 * then collapsed with its count), so the state is read fresh each time.
 */
export async function expandRow(page: Page, ...args: RowPathArg[]): Promise<Locator> {
  const { labels, timeoutMs } = splitRowArgs(args);
  const marker = `row-${Math.random().toString(36).slice(2)}`;
  const deadline = Date.now() + timeoutMs;
  let lastClick = 0;
  for (;;) {
    const state = await locateRow(page, labels, marker);
    const row = page.locator(`[data-fse-row="${marker}"]`);
    if (state.found && state.expanded === 'true' && state.childrenShown) return row;
    // Collapsed: click the twistie, but give a click time to take effect before clicking again.
    if (state.found && state.expanded === 'false' && Date.now() - lastClick > 2000) {
      await row.locator('.monaco-tl-twistie').click({ timeout: 5000 }).catch(() => undefined);
      lastClick = Date.now();
    }
    if (Date.now() > deadline) throw await rowNotFound(page, labels, state.found ? 'did not expand' : 'not found');
    await page.waitForTimeout(250);
  }
}

/** Clicks an entry of a row's right-click menu, e.g. rowContextMenu(page, row, 'Share Feature Group…'). */
export async function rowContextMenu(page: Page, row: Locator, label: string | RegExp): Promise<void> {
  await row.click({ button: 'right' });
  const pattern = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}`) : label;
  const item = page.locator('.context-view .monaco-menu .action-item .action-label', { hasText: pattern }).first();
  await item.waitFor({ timeout: 10_000 });
  // A menu ignores clicks in its first moments (against accidental picks), so click until it closes.
  for (let attempt = 0; attempt < 5 && (await item.isVisible()); attempt++) {
    await page.waitForTimeout(300);
    await item.click({ timeout: 5000 }).catch(() => undefined);
  }
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'detached', timeout: 5000 });
}

/** Clicks one of a row's inline action buttons (shown on hover), found by its title. */
export async function rowInlineAction(_page: Page, row: Locator, title: string): Promise<void> {
  await row.hover();
  const button = row.locator(`.actions .action-label[aria-label^="${title}"]`).first();
  await button.waitFor({ timeout: 10_000 });
  await button.click();
}

/** Runs a command by its palette title, e.g. 'Feature Store: Refresh', through F1. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
  await page.keyboard.press('F1');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }) })
    .first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

/** Picks an entry of the open QuickPick (the step after a command asked for a choice). */
export async function pickQuickItem(page: Page, label: string | RegExp): Promise<void> {
  const pattern = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}`) : label;
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: pattern }) })
    .first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

/** Types into the open InputBox / QuickPick filter and confirms with Enter. */
export async function answerInput(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(text);
  await input.press('Enter');
}

/** Full-page PNG under test-results/; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(testResultsDir, { recursive: true });
  const file = path.join(testResultsDir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * The frame of the record inspector's page. A webview is an iframe (the webview host) holding
 * another iframe with the extension's HTML; this returns whichever frame contains `#record-id`.
 */
export async function inspectorFrame(page: Page, opts: { timeoutMs?: number; selector?: string } = {}): Promise<Frame> {
  const selector = opts.selector ?? '#record-id';
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const count = await frame.locator(selector).count().catch(() => 0);
      if (count > 0) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame contains ${selector}`);
    await page.waitForTimeout(250);
  }
}

/** Text of the notification toasts currently shown (errors and infos the extension raised). */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}

/** Waits for a notification toast whose text matches, and returns its text. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
  await toast.waitFor({ timeout: timeoutMs });
  return toast.innerText();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
