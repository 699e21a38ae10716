// A changed file TypeScript cannot read (a Svelte or Vue component) is blocked by the gate and
// keeps its old text: the run then deletes no file it may still import.
import fs from 'node:fs';
import { makeRepo, type TempRepo } from '../helpers/cli-repo';

const PANEL = ['<script lang="ts">', "\timport { WebSocketManager } from './core/manager_alias';", '\texport let manager: WebSocketManager;', '</script>', ''].join('\n');

describe('the type-check gate and a component it cannot read', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = makeRepo({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs', types: [] }, include: ['src'] }),
      'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts', 'src/**/*.svelte'], canonical: { module: 'src/core/unified_manager.ts' } }),
      'src/core/unified_manager.ts': 'export class UnifiedWebSocketManager {\n  send(message: string): string {\n    return message;\n  }\n}\n',
      'src/core/manager_alias.ts': "export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n",
      'src/handlers.ts': "import { WebSocketManager } from './core/manager_alias';\n\nexport const managers: WebSocketManager[] = [];\n",
      'src/Panel.svelte': PANEL,
    });
  });
  afterEach(() => repo.remove());

  it('keeps the facade the blocked component still imports, and writes the rest', async () => {
    const run = await repo.run(['run', 'facades', '--write']);
    expect(run.stdout + run.stderr).toContain('src/core/manager_alias.ts: kept, not deleted: src/Panel.svelte is blocked by the type-check gate and may still import it');
    expect(repo.read('src/Panel.svelte')).toBe(PANEL);
    expect(fs.existsSync(repo.path('src/core/manager_alias.ts'))).toBe(true);
    expect(repo.read('src/handlers.ts')).toContain("from './core/unified_manager'");
  });

  it('deletes the facade once the component is written too (--no-verify)', async () => {
    await repo.run(['run', 'facades', '--write', '--no-verify']);
    expect(repo.read('src/Panel.svelte')).toContain("from './core/unified_manager'");
    expect(fs.existsSync(repo.path('src/core/manager_alias.ts'))).toBe(false);
  });
});
