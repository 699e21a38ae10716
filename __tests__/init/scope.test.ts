// The scope `init` writes leaves out build output, installed and vendored code, minified files
// and declaration files generated beside their JavaScript, wherever they sit; hand-written
// declaration files and the sources stay.
import { discoverFiles } from '../../src/engine/discover-files';
import { chooseScope } from '../../src/init/scope';
import { makeRepo } from '../helpers/cli-repo';

describe('init scope', () => {
  it('excludes generated, installed and vendored files at any depth, and only those', () => {
    const code = 'export const x = 1;\n';
    const repo = makeRepo({
      'src/index.ts': code,
      'src/vendor/jquery.js': code,
      'src/feature/vendors/chart.js': code,
      'src/third_party/lib.ts': code,
      'src/app.min.js': code,
      'src/build/generated.ts': code,
      'src/coverage/report.js': code,
      'packages/ui/dist/index.js': code,
      'packages/ui/node_modules/dep/index.js': code,
      'packages/ui/src/button.tsx': code,
      '.yarn/releases/yarn-4.cjs': code,
      'dist/index.js': code,
      'coverage/lcov-report/prettify.js': code,
      'lib/helpers.js': code,
      'lib/helpers.d.ts': 'export declare const x: number;\n',
      'types/globals.d.ts': 'declare const VERSION: string;\n',
    });
    try {
      const scope = chooseScope(repo.root);
      expect(scope.exclude).toEqual(['**/*.min.{js,mjs,cjs}', '**/build/**', '**/coverage/**', '**/dist/**', '**/third_party/**', '**/vendor/**', '**/vendors/**', 'lib/*.d.ts']);
      expect(discoverFiles({ repoRoot: repo.root, ...scope })).toEqual(['lib/helpers.js', 'packages/ui/src/button.tsx', 'src/index.ts', 'types/globals.d.ts']);
    } finally {
      repo.remove();
    }
  });

  it('puts Vue, Svelte and Astro components and MDX files in scope beside the sources', () => {
    const repo = makeRepo({
      'src/main.ts': 'export {};\n',
      'src/App.vue': '<script setup lang="ts"></script>\n',
      'src/Panel.svelte': '<script></script>\n',
      'src/notes.mdx': '# Notes\n',
      'site/index.astro': '---\n---\n',
      'docs/guide.mdx': '# Guide\n',
    });
    try {
      expect(chooseScope(repo.root).include).toEqual(['docs/**/*.mdx', 'site/**/*.astro', 'src/**/*.{ts,vue,svelte,mdx}']);
    } finally {
      repo.remove();
    }
  });
});
