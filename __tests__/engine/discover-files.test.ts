import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverFiles } from '../../src/engine/discover-files';

function repoWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-discover-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('discoverFiles', () => {
  const repoRoot = repoWith({
    '.gitignore': 'generated/\n*.gen.ts\n',
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/c.d.ts': '',
    'src/d.mts': '',
    'src/e.cjs': '',
    'src/readme.md': '',
    'src/nested/.gitignore': 'local.ts\n',
    'src/nested/local.ts': '',
    'src/nested/kept.ts': '',
    'src/x.gen.ts': '',
    'generated/out.ts': '',
    'node_modules/pkg/index.ts': '',
    'src/node_modules/inner.ts': '',
    'tests/a.test.ts': '',
  });

  it('lists source files of every kind, sorted, and skips node_modules and .gitignore\'d files at every level', () => {
    expect(discoverFiles({ repoRoot, include: ['**/*'], exclude: [] })).toEqual([
      'src/a.ts',
      'src/b.tsx',
      'src/c.d.ts',
      'src/d.mts',
      'src/e.cjs',
      'src/nested/kept.ts',
      'tests/a.test.ts',
    ]);
  });

  it('applies include and exclude globs', () => {
    expect(discoverFiles({ repoRoot, include: ['src/**/*.ts'], exclude: ['**/*.d.ts'] })).toEqual(['src/a.ts', 'src/nested/kept.ts']);
  });

  it('does not follow a symlinked folder out of the repo', () => {
    const outside = repoWith({ 'secret.ts': '' });
    fs.symlinkSync(outside, path.join(repoRoot, 'src', 'linked'));
    expect(discoverFiles({ repoRoot, include: ['**/*'], exclude: [] })).not.toContain('src/linked/secret.ts');
  });
});
