// The review page of a real dry run (phase `imports` on the embedded example) opened from
// file:// in Debian's headless Chromium through playwright-core: the file list, a diff side by
// side, the manual items, and not one request that leaves the page. `.ci/run` installs
// Chromium; playwright-core never downloads a browser of its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config/load-config';
import { runEngine } from '../../src/engine/run-engine';
import { renderReviewPage } from '../../src/reporters/html-review';
import type { RunResult } from '../../src/result/types';
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

  it('lists the manual items with location, kind and reason', async () => {
    const manual = result.files.flatMap((file) => file.findingsAfter).filter((finding) => finding.phase === 'imports' && !finding.fixable);
    expect(manual.length).toBeGreaterThan(0);
    await expectText(page, '#manual h2', `Manual items (${manual.length})`);
    const rows = await page.locator('#manual table.manual tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toHaveLength(manual.length);
    const shown = new Set(rows.map(([location, kind, reason]) => `${location}|${kind}|${reason}`));
    for (const item of manual) expect(shown).toContain(`${item.file}:${item.line}:${item.column}|${item.kind}|${item.reason ?? item.message}`);
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
