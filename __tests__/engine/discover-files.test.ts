import fs from 'node:fs';
import path from 'node:path';
import { discoverFiles } from '../../src/engine/discover-files';
import { makeRepo } from '../helpers/cli-repo';

describe('discoverFiles', () => {
  const repoRoot = makeRepo({
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
  }).root;

  it("lists source files of every kind, sorted, and skips node_modules and .gitignore'd files at every level", () => {
    expect(discoverFiles({ repoRoot, include: ['**/*'], exclude: [] })).toEqual(['src/a.ts', 'src/b.tsx', 'src/c.d.ts', 'src/d.mts', 'src/e.cjs', 'src/nested/kept.ts', 'tests/a.test.ts']);
  });

  it('lists the component files an include names (.vue, .svelte, .astro, .mdx), and no other kind', () => {
    const root = makeRepo({ 'src/App.vue': '', 'src/Panel.svelte': '', 'src/page.astro': '', 'src/doc.mdx': '', 'src/doc.md': '', 'src/style.css': '' }).root;
    expect(discoverFiles({ repoRoot: root, include: ['src/**/*'], exclude: [] })).toEqual(['src/App.vue', 'src/Panel.svelte', 'src/doc.mdx', 'src/page.astro']);
  });

  it('applies include and exclude globs', () => {
    expect(discoverFiles({ repoRoot, include: ['src/**/*.ts'], exclude: ['**/*.d.ts'] })).toEqual(['src/a.ts', 'src/nested/kept.ts']);
  });

  it('does not follow a symlinked folder out of the repo', () => {
    const outside = makeRepo({ 'secret.ts': '' }).root;
    fs.symlinkSync(outside, path.join(repoRoot, 'src', 'linked'));
    expect(discoverFiles({ repoRoot, include: ['**/*'], exclude: [] })).not.toContain('src/linked/secret.ts');
  });
});
