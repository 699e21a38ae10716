// CRLF line endings, a UTF-8 BOM and a shebang line survive a rewrite — including the lines the
// tool prints anew (a merged multi-line import) — and so does the file mode.
import fs from 'node:fs';
import { makeRepo, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';

const BOM = '\uFEFF';
const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

// Every kind of file at once: BOM + shebang + CRLF, with imports that get merged and reprinted.
const ALL =
  BOM +
  crlf([
    '#!/usr/bin/env node',
    '// header comment',
    'import { WebSocketManager } from "./websocket_manager";',
    'import type { WebSocketManager as ManagerType } from "./websocket_manager";',
    'import { UnifiedWebSocketManager } from "./unified_manager";',
    'export { WebSocketManager as Again } from "./websocket_manager";',
    '',
    'export function make(): ManagerType {',
    '  return new WebSocketManager();',
    '}',
    'export const both = [UnifiedWebSocketManager, WebSocketManager];',
  ]);
const CRLF_ONLY = crlf([
  "import { WebSocketManager } from './websocket_manager';",
  'const lazy = require("./websocket_manager").WebSocketManager;',
  'export const a = new WebSocketManager();',
  'export const b = lazy;',
]);
const BOM_ONLY = BOM + "import { WebSocketManager } from './websocket_manager';\nexport const c = new WebSocketManager();\n";
const SHEBANG_ONLY = "#!/usr/bin/env node\nimport { WebSocketManager } from './websocket_manager';\nexport const d = new WebSocketManager();\n";

const LONE_LF = /(?<!\r)\n/;

describe('CRLF, BOM and shebang', () => {
  let repo: TempRepo;
  let write: CliResult;

  beforeAll(async () => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/all.ts': ALL, 'src/crlf.ts': CRLF_ONLY, 'src/bom.ts': BOM_ONLY, 'src/cli.ts': SHEBANG_ONLY });
    fs.chmodSync(repo.path('src/cli.ts'), 0o755);
    fs.chmodSync(repo.path('src/all.ts'), 0o755);
    write = await repo.run(['run', 'imports', '--write']);
  });
  afterAll(() => repo.remove());

  it('rewrites every file', () => {
    expect(write.status).toBe(0);
    for (const file of ['src/all.ts', 'src/crlf.ts', 'src/bom.ts', 'src/cli.ts']) {
      const text = repo.read(file);
      expect({ file, legacy: text.includes('websocket_manager') }).toEqual({ file, legacy: false });
      expect(text).toMatch(/["']\.\/unified_manager["']/);
    }
  });

  it('keeps CRLF on every line, including the lines it printed anew', () => {
    for (const file of ['src/all.ts', 'src/crlf.ts']) {
      const text = repo.read(file);
      expect({ file, loneLf: LONE_LF.test(text), loneCr: /\r(?!\n)/.test(text) }).toEqual({ file, loneLf: false, loneCr: false });
      expect(text.endsWith('\r\n')).toBe(true);
    }
  });

  it('keeps LF files LF', () => {
    for (const file of ['src/bom.ts', 'src/cli.ts']) expect(repo.read(file)).not.toMatch(/\r/);
  });

  it('keeps the BOM as the very first bytes, exactly once', () => {
    for (const file of ['src/all.ts', 'src/bom.ts']) {
      const bytes = repo.readBytes(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect([...bytes.subarray(3, 6)]).not.toEqual([0xef, 0xbb, 0xbf]);
    }
    for (const file of ['src/crlf.ts', 'src/cli.ts']) expect(repo.readBytes(file)[0]).not.toBe(0xef);
  });

  it('keeps the shebang as the first line (after the BOM)', () => {
    expect(repo.read('src/all.ts').startsWith(`${BOM}#!/usr/bin/env node\r\n// header comment\r\n`)).toBe(true);
    expect(repo.read('src/cli.ts')).toBe("#!/usr/bin/env node\nimport { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\nexport const d = new WebSocketManager();\n");
  });

  it('keeps the exact text of the untouched lines', () => {
    const text = repo.read('src/all.ts');
    // The legacy name's references take the name of the import the file already has (edited, still CRLF).
    expect(
      text.endsWith(crlf(['', 'export function make(): ManagerType {', '  return new UnifiedWebSocketManager();', '}', 'export const both = [UnifiedWebSocketManager, UnifiedWebSocketManager];'])),
    ).toBe(true);
    expect(repo.read('src/bom.ts')).toBe(`${BOM}import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\nexport const c = new WebSocketManager();\n`);
  });

  it('keeps the file mode (an executable script stays executable)', () => {
    expect(fs.statSync(repo.path('src/cli.ts')).mode & 0o777).toBe(0o755);
    expect(fs.statSync(repo.path('src/all.ts')).mode & 0o777).toBe(0o755);
  });

  it("reports locations in the file's own line numbers (the shebang line counts)", async () => {
    const fresh = makeRepo({ ...smallRepoFiles(), 'src/cli.ts': SHEBANG_ONLY });
    try {
      const scan = JSON.parse((await fresh.run(['scan', '--format', 'json'])).stdout) as { files: { file: string; findingsBefore: { phase: string; line: number }[] }[] };
      // Phase 1 counts the legacy import, phase 2 the facade it comes from: both on line 2.
      expect(scan.files.find((file) => file.file === 'src/cli.ts')!.findingsBefore.map((finding) => [finding.phase, finding.line])).toEqual([
        ['imports', 2],
        ['facades', 2],
      ]);
    } finally {
      fresh.remove();
    }
  });

  it('is idempotent on these files too', async () => {
    const again = await repo.run(['run', 'imports']);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/^diff --git/m);
  });

  it("keeps each untouched line's own ending in a file with mixed line endings", async () => {
    const mixed = "import { WebSocketManager } from './websocket_manager';\r\nconst a = 1;\nconst b = 2;\r\nexport const m = [WebSocketManager, a, b];\r\n";
    const fresh = makeRepo({ ...smallRepoFiles(), 'src/mixed.ts': mixed });
    try {
      expect((await fresh.run(['run', 'imports', '--write'])).status).toBe(0);
      expect(fresh.read('src/mixed.ts')).toBe(mixed.replace("{ WebSocketManager } from './websocket_manager'", "{ UnifiedWebSocketManager as WebSocketManager } from './unified_manager'"));
    } finally {
      fresh.remove();
    }
  });
});
