// A real run of phase 2 on the embedded example, through the CLI: every file it deletes says
// why (what kind of facade, of what, and the line that shows it) in the text summary, in
// --format json and on the review page, and none of the three names the repo's absolute path.
import fs from 'node:fs';
import { copyExample, type TempRepo } from '../helpers/cli-repo';

interface JsonFile {
  file: string;
  status: string;
  deletion?: { reason: string; line?: number; evidence?: string };
}

describe('run facades: reasons everywhere, repo-relative paths only', () => {
  let repo: TempRepo;
  let json: string;
  let summary: string;
  let page: string;
  let deleted: JsonFile[];

  beforeAll(async () => {
    repo = copyExample();
    const run = await repo.run(['run', 'facades', '--format', 'json', '--no-verify', '--html', 'review.html']);
    json = run.stdout;
    summary = run.stderr;
    page = repo.read('review.html');
    deleted = (JSON.parse(json) as { files: JsonFile[] }).files.filter((file) => file.status === 'deleted');
  });

  afterAll(() => repo.remove());

  it('deletes facades, each with its reason and evidence line in the JSON', () => {
    expect(deleted.length).toBeGreaterThan(0);
    for (const file of deleted) {
      expect(file.deletion?.reason).toMatch(/^(re-export|alias|empty subclass|delegating wrapper|deprecated shim|default-export flip)( and [a-z -]+)* of \S/);
      expect(file.deletion?.line).toBeGreaterThan(0);
      expect(file.deletion?.evidence).toBeTruthy();
    }
    const subclass = deleted.find((file) => file.file === 'src/websocket_core/legacy_websocket_manager.ts');
    expect(subclass?.deletion).toEqual({
      reason: 'empty subclass of UnifiedWebSocketManager from src/websocket_core/unified_manager.ts',
      line: 4,
      evidence: 'class LegacyWebSocketManager extends UnifiedWebSocketManager {}',
    });
  });

  it('says the same in the text summary', () => {
    expect(summary).toContain(`To delete (${deleted.length}):`);
    for (const file of deleted) expect(summary).toContain(`  ${file.file}  ${file.deletion!.reason} (line ${file.deletion!.line}: ${file.deletion!.evidence})`);
    expect(summary).toMatch(/^Fixes \(\d+\):$/m);
  });

  it("and on the review page, in each deleted file's section", () => {
    for (const file of deleted) {
      const section = page.slice(page.indexOf(`data-file="${file.file}"><details open>`.replace('><', '>\n<')));
      expect(section.slice(0, 2000)).toContain('<p class="why deletion"><strong>Deleted:</strong> ' + file.deletion!.reason.replace(/&/g, '&amp;'));
    }
  });

  it('never names the absolute repo path, in the JSON or on the page', async () => {
    // A file that cannot be parsed and names a facade: its error is in the JSON too.
    repo.write('src/broken.ts', "import { LegacyWebSocketManager } from './websocket_core/legacy_websocket_manager';\nexport const = ;\n");
    const scan = (await repo.run(['scan', '--format', 'json'])).stdout;
    expect(scan).toContain('"file": "src/broken.ts"');
    for (const root of [repo.root, fs.realpathSync(repo.root)]) {
      for (const output of [json, page, scan]) expect(output).not.toContain(root);
    }
  });
});
