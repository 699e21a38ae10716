// package.json entry points mapped back to the sources they are built from: through the
// tsconfig's outDir/rootDir, or by name (dist/x.js and a root-level x.js from src/x).
import { findEntryPoints } from '../../src/init/entry-points';
import { openProject, provisionalConfig } from '../../src/init/discover-legacy';
import { chooseScope } from '../../src/init/scope';
import { makeRepo } from '../helpers/cli-repo';

function entryPointsOf(files: Record<string, string>): Array<[string, string]> {
  const repo = makeRepo(files);
  try {
    return findEntryPoints(openProject(repo.root, provisionalConfig(chooseScope(repo.root)))).map((entry) => [entry.target, entry.source]);
  } finally {
    repo.remove();
  }
}

const code = 'export const x = 1;\n';

describe('init entry points', () => {
  it('main, module, types and every exports subpath and condition, by name', () => {
    const manifest = {
      name: 'lib',
      main: './dist/index.cjs',
      module: './dist/esm/index.js',
      types: './dist/index.d.ts',
      exports: {
        '.': { import: { types: './dist/index.d.ts', default: './dist/esm/index.js' }, require: './dist/index.cjs' },
        './locale': { import: './locale.js', require: './locale.cjs' },
        './fp': ['./dist/fp.js'],
        './utils/*': './dist/utils/*.js',
        './package.json': './package.json',
        './styles.css': './dist/styles.css',
      },
    };
    expect(
      entryPointsOf({
        'package.json': JSON.stringify(manifest),
        'src/index.ts': code,
        'src/locale/index.ts': code,
        'src/fp.ts': code,
        'src/utils/a.ts': code,
      }),
    ).toEqual([
      ['./dist/fp.js', 'src/fp.ts'],
      ['./dist/esm/index.js', 'src/index.ts'],
      ['./dist/index.cjs', 'src/index.ts'],
      ['./dist/index.d.ts', 'src/index.ts'],
      ['./locale.cjs', 'src/locale/index.ts'],
      ['./locale.js', 'src/locale/index.ts'],
    ]);
  });

  it("through the tsconfig's outDir and rootDir, in each package of a workspace", () => {
    expect(
      entryPointsOf({
        'package.json': JSON.stringify({ name: 'root', private: true }),
        'packages/core/package.json': JSON.stringify({ name: 'core', exports: { '.': './out/esm/main.js', './extra': './out/esm/extra/index.js' } }),
        'packages/core/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './out/esm', rootDir: './lib-src' } }),
        'packages/core/lib-src/main.ts': code,
        'packages/core/lib-src/extra/index.ts': code,
        // A name match that the tsconfig overrules: out/esm/main.js is not built from src/main.ts.
        'packages/core/src/main.ts': code,
      }),
    ).toEqual([
      ['./out/esm/extra/index.js', 'packages/core/lib-src/extra/index.ts'],
      ['./out/esm/main.js', 'packages/core/lib-src/main.ts'],
    ]);
  });
});
