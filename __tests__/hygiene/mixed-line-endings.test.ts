// In a file whose lines end differently (CRLF here, LF there), a rewritten line keeps the ending
// it had; lines printed anew take the ending of the lines they replace.
import { makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';
import { openRepo } from '../../src/cli/repo-context';
import { runEngine } from '../../src/engine/run-engine';

function newTextOf(repo: TempRepo, file: string): string {
  const { repoRoot, config } = openRepo({ repo: repo.root }, repo.root);
  const result = runEngine({ repoRoot, config, command: 'run', phases: ['imports'] });
  const changed = result.files.find((entry) => entry.file === file);
  expect(changed?.status).toBe('changed');
  return changed!.newText!;
}

/** Each line with its ending spelled out, so a failure shows which line lost its CR. */
const endings = (text: string): string[] => text.split(/(?<=\n)/).map((line) => (line.endsWith('\r\n') ? `${line.slice(0, -2)}⏎CRLF` : line.endsWith('\n') ? `${line.slice(0, -1)}⏎LF` : line));

describe('mixed line endings', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('keep a CRLF on the rewritten line of a mostly-LF file', () => {
    const input = ['// mostly LF\n', "import { WebSocketManager } from './websocket_manager';\r\n", 'export const a = new WebSocketManager();\n', 'export const b = 2;\r\n'].join('');
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': input });
    expect(endings(newTextOf(repo, 'src/a.ts'))).toEqual(
      endings(
        ['// mostly LF\n', "import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\r\n", 'export const a = new WebSocketManager();\n', 'export const b = 2;\r\n'].join(''),
      ),
    );
  });

  it('keep an LF on the rewritten line of a mostly-CRLF file', () => {
    const input = ['// mostly CRLF\r\n', "import { WebSocketManager } from './websocket_manager';\n", 'export const a = new WebSocketManager();\r\n', 'export const b = 2;\r\n'].join('');
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': input });
    const output = newTextOf(repo, 'src/a.ts');
    expect(endings(output)[1]).toMatch(/from '\.\/unified_manager';⏎LF$/);
    expect(endings(output).filter((line) => line.endsWith('⏎CRLF'))).toHaveLength(3);
  });

  it('give lines printed anew the ending of the lines they replace', () => {
    // Two imports merged into one: the merged line ends as both of them did.
    const input = [
      '// mostly LF\n',
      '// still LF\n',
      "import { WebSocketManager } from './websocket_manager';\r\n",
      "import { UnifiedWebSocketManager } from './unified_manager';\r\n",
      'export const a = [WebSocketManager, UnifiedWebSocketManager];\n',
    ].join('');
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': input });
    const output = newTextOf(repo, 'src/a.ts');
    const importLines = endings(output).filter((line) => line.startsWith('import'));
    expect(importLines.length).toBeGreaterThan(0);
    for (const line of importLines) expect(line).toMatch(/⏎CRLF$/);
    expect(
      endings(output)
        .filter((line) => !line.startsWith('import'))
        .every((line) => line.endsWith('⏎LF')),
    ).toBe(true);
  });
});
