// The review page of a real dry run (phase `imports` on the embedded example) opened from
// file:// in Debian's headless Chromium through playwright-core: the file list, a diff side by
// side, the items grouped by kind and reason and their filters, a location link that opens
// and scrolls to its diff, the light and dark schemes, and not one request that leaves the page. `.ci/run` installs
// Chromium; playwright-core never downloads a browser of its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/load-config';
import { runEngine } from '../../src/engine/run-engine';
import { renderReviewPage } from '../../src/reporters/html-review';
import type { Finding, RunResult } from '../../src/result/types';
import { EXAMPLE } from '../helpers/cli-repo';

const CHROMIUM = '/usr/bin/chromium';

// As root on a machine with a closed network: no sandbox, and none of Chromium's own
// background connections (they are refused, many at a time, and slow the start).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Starting Chromium the first time on a cold machine can take a while.
jest.setTimeout(180_000);

/** A file whose one import moves from the legacy module to the canonical one, on the same line. */
const KNOWN_FILE = 'src/handlers/message_handler.ts';
const LEGACY_SPECIFIER = '../websocket_core/websocket_manager';
const CANONICAL_SPECIFIER = '../websocket_core/unified_manager';

describe('review page in headless Chromium', () => {
  let result: RunResult;
  let workDir: string;
  let context: BrowserContext | undefined;
  let page: Page;
  /** Every request the page tried that was not for a file:// URL. */
  const leaving: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: the review page test needs Debian's Chromium. Run the project's setup (.ci/run does it), ` +
          'or as root: apt-get update && apt-get install -y --no-install-recommends chromium',
      );
    }
    const { config } = loadConfig(EXAMPLE);
    result = runEngine({ repoRoot: EXAMPLE, config, command: 'run', phases: ['imports'] });

    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-review-page-'));
    const pagePath = path.join(workDir, 'review.html');
    fs.writeFileSync(pagePath, renderReviewPage(result, 'imports'));

    // A fresh profile in the test's own folder (playwright-core passes it as --user-data-dir).
    context = await chromium.launchPersistentContext(path.join(workDir, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      leaving.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) leaving.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (workDir && !process.env.SSOT_KEEP_TMP) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('shows the phase and the summary', async () => {
    await expectText(page, '[data-fact="phase"] dd', 'imports');
    const changed = result.files.filter((file) => file.status === 'changed' || file.status === 'deleted');
    await expectText(page, '[data-fact="files-changed"] dd', String(changed.length));
  });

  it('lists every changed file, each linking to its section', async () => {
    const expected = result.files.filter((file) => file.status === 'changed').map((file) => file.file);
    // What the example is known to give; derived from the result so the page is what is tested.
    expect(expected).toHaveLength(31);
    const listed = await page.locator('.file-list tbody tr a').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]));
    expect(listed.map(([file]) => file)).toEqual(expected);
    for (const [file, href] of listed) {
      const section = page.locator(`section.file${cssId(href!.slice(1))}`);
      expect(await section.getAttribute('data-file')).toBe(file);
    }
    expect(await page.locator('section.file').count()).toBe(31);
  });

  it("shows a known file's legacy import removed and its canonical import added, side by side", async () => {
    const section = page.locator(`section.file[data-file="${KNOWN_FILE}"]`);
    await section.scrollIntoViewIfNeeded();
    const row = section.locator('tr.change', { has: page.locator('td.code.removed', { hasText: LEGACY_SPECIFIER }) });
    expect(await row.count()).toBe(1);
    const cells = await row.locator('td').evaluateAll((tds) => tds.map((td) => ({ className: td.className, text: td.textContent })));
    expect(cells.map((cell) => cell.className)).toEqual(['num removed', 'code removed', 'num added', 'code added']);
    expect(cells[1]!.text).toContain(LEGACY_SPECIFIER);
    expect(cells[3]!.text).toContain(CANONICAL_SPECIFIER);
    expect(cells[3]!.text).not.toContain(LEGACY_SPECIFIER);

    // Drawn, not only in the DOM: red on the left, green on the right, on one line of the screen.
    const removed = row.locator('td.code.removed');
    const added = row.locator('td.code.added');
    const [removedBox, addedBox] = [await removed.boundingBox(), await added.boundingBox()];
    expect(removedBox && addedBox).toBeTruthy();
    expect(removedBox!.width).toBeGreaterThan(50);
    expect(addedBox!.x).toBeGreaterThan(removedBox!.x + removedBox!.width - 1);
    expect(Math.abs(addedBox!.y - removedBox!.y)).toBeLessThan(1);
    const colour = (cell: typeof removed): Promise<string> => cell.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await colour(removed)).toBe('rgb(255, 235, 233)');
    expect(await colour(added)).toBe('rgb(230, 255, 236)');
  });

  it('groups every item by kind and reason, with counts that add up', async () => {
    const phaseItems = (finding: Finding): boolean => finding.phase === 'imports';
    const manual = result.files.flatMap((file) => file.findingsAfter).filter((finding) => phaseItems(finding) && !finding.fixable);
    const fixed = result.files
      .filter((file) => file.status === 'changed')
      .flatMap((file) => file.findingsBefore)
      .filter((finding) => phaseItems(finding) && finding.fixable);
    expect(manual.length).toBeGreaterThan(0);
    await expectText(page, '#items h2', `Items (${manual.length + fixed.length}: ${fixed.length} fixable, ${manual.length} manual)`);
    const groups = await page.locator('#items .group').evaluateAll((elements) =>
      elements.map((group) => ({
        kind: group.getAttribute('data-kind'),
        fixable: group.getAttribute('data-fixable') === 'true',
        count: Number(group.querySelector('h3 .count')!.textContent),
        reasons: [...group.querySelectorAll('.reason-group')].map((reason) => ({ count: Number(reason.querySelector('.reason .count')!.textContent), items: reason.querySelectorAll('li').length })),
        locations: [...group.querySelectorAll('li code')].map((code) => code.textContent),
      })),
    );
    const expected = new Map<string, number>();
    for (const item of [...manual, ...fixed]) expected.set(`${item.fixable}|${item.kind}`, (expected.get(`${item.fixable}|${item.kind}`) ?? 0) + 1);
    expect(new Map(groups.map((group) => [`${group.fixable}|${group.kind}`, group.count]))).toEqual(expected);
    for (const group of groups) {
      expect(group.reasons.reduce((sum, reason) => sum + reason.count, 0)).toBe(group.count);
      for (const reason of group.reasons) expect(reason.items).toBe(reason.count);
    }
    // Manual groups come first.
    expect(groups.findIndex((group) => group.fixable)).toBe(groups.filter((group) => !group.fixable).length);
    const shown = new Set(groups.flatMap((group) => group.locations));
    for (const item of manual) expect(shown).toContain(`${item.file}:${item.line}:${item.column}`);
  });

  it('filters the items: fixable or manual, and by kind', async () => {
    const visible = (selector: string): Promise<number> => page.locator(`${selector}:visible`).count();
    const manualGroups = await page.locator('#items .group[data-fixable="false"]').count();
    const fixableGroups = await page.locator('#items .group[data-fixable="true"]').count();
    expect(manualGroups).toBeGreaterThan(0);
    expect(fixableGroups).toBeGreaterThan(0);

    await page.locator('#filter-fixable').uncheck();
    expect(await visible('#items .group[data-fixable="true"]')).toBe(0);
    expect(await visible('#items .group[data-fixable="false"]')).toBe(manualGroups);

    const fixableKind = await page.locator('#items .group[data-fixable="true"]').first().getAttribute('data-kind');
    await page.locator('#filter-fixable').check();
    expect(fixableKind).toBeTruthy();
    await page.selectOption('#filter-kind', fixableKind);
    const kinds = await page.locator('#items .group:visible').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set([fixableKind]));
    expect(await page.locator('#items-none').isHidden()).toBe(true);

    // Nothing left to show says so.
    await page.locator('#filter-fixable').uncheck();
    await page.locator('#filter-manual').uncheck();
    expect(await visible('#items .group')).toBe(0);
    expect(await page.locator('#items-none').isVisible()).toBe(true);

    await page.locator('#filter-fixable').check();
    await page.locator('#filter-manual').check();
    await page.selectOption('#filter-kind', '');
    expect(await visible('#items .group')).toBe(manualGroups + fixableGroups);
  });

  it("a location link opens its file's diff and scrolls to it", async () => {
    await page.locator('button[data-toggle="close"]').click();
    const link = page.locator('#items .group li a').last();
    const href = (await link.getAttribute('href'))!;
    const section = page.locator(`section.file${cssId(href.slice(1))}`);
    expect(await section.locator('details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await link.click();
    await page.waitForFunction((id) => (document.getElementById(id)!.querySelector('details') as HTMLDetailsElement).open, href.slice(1));
    const top = await section.evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(2);
    expect(await section.locator('table.diff').isVisible()).toBe(true);
    await page.locator('button[data-toggle="open"]').click();
  });

  it('follows the colour scheme: light, and dark when the reader prefers it', async () => {
    const colours = (): Promise<{ body: string; removed: string; text: string }> =>
      page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        removed: getComputedStyle(document.querySelector('td.code.removed')!).backgroundColor,
      }));
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await colours()).toEqual({ body: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)', removed: 'rgb(255, 235, 233)' });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await colours()).toEqual({ body: 'rgb(13, 17, 23)', text: 'rgb(230, 237, 243)', removed: 'rgb(60, 22, 24)' });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows no absolute path: not the repo root, not the example folder', async () => {
    const html = await page.content();
    expect(html).not.toContain(EXAMPLE);
    expect(html).not.toContain(path.dirname(EXAMPLE));
  });

  it('filters the file list and the sections by path', async () => {
    await page.fill('#file-filter', 'tests/unit/');
    const visible = await page.locator('.file-list tbody tr:visible').count();
    const expected = result.files.filter((file) => file.status === 'changed' && file.file.includes('tests/unit/')).length;
    expect(visible).toBe(expected);
    expect(await page.locator(`section.file[data-file="${KNOWN_FILE}"]`).isHidden()).toBe(true);
    await page.fill('#file-filter', '');
    expect(await page.locator('.file-list tbody tr:visible').count()).toBe(31);
  });

  it('made no request that left the page, and logged no error', () => {
    expect(leaving).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  expect((await page.locator(selector).first().textContent())?.trim()).toBe(text);
}

/** `#id` for an id that holds `/` and `.`, which a CSS selector must escape. */
function cssId(id: string): string {
  return '#' + id.replace(/[^A-Za-z0-9_-]/g, (character) => `\\${character}`);
}
