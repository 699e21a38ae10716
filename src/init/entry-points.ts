// The package's public entry points, as source files: what package.json `main`, `module`,
// `types`, `browser` and `exports` (every subpath and condition) name is usually build output
// (`./dist/index.js`, `./locale.js` published from the build folder), so each target is mapped
// back to the repo file it is built from. `init` writes them to `facades.keep`: an entry point
// that only re-exports is the package's API, not a facade to remove.
import fs from 'node:fs';
import path from 'node:path';
import { parseTsconfig } from 'get-tsconfig';
import type { ProjectServices } from '../phase-api/define-phase.js';
import { EXTENSION_AT_END, SOURCE_EXTENSIONS } from '../shared/file-extensions.js';

export interface EntryPoint {
  /** The package.json that names it, repo-relative. */
  manifest: string;
  /** The target as package.json writes it (`./dist/index.js`). */
  target: string;
  /** The repo file it is built from (`src/index.ts`). */
  source: string;
}

/** Leading folders a build writes to; a target under one is looked for under src/ and the package root. */
const BUILD_FOLDERS = new Set(['dist', 'lib', 'build', 'out', 'esm', 'cjs', 'es', 'umd', 'types', 'typings', 'module', 'commonjs']);
const MANIFEST_FIELDS = ['main', 'module', 'types', 'typings', 'browser', 'exports'] as const;

export function findEntryPoints(project: ProjectServices): EntryPoint[] {
  const files = new Set(project.files);
  const roots = new Set<string>(['']);
  for (const file of project.files) {
    const info = project.packageOf(file);
    if (info) roots.add(info.root);
  }
  const found = new Map<string, EntryPoint>();
  for (const root of [...roots].sort()) {
    const manifest = root ? `${root}/package.json` : 'package.json';
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(project.readFile(manifest) ?? 'null') as Record<string, unknown>;
    } catch {
      continue;
    }
    if (!fields || typeof fields !== 'object') continue;
    const outputs = buildOutput(project.repoRoot, root);
    for (const target of targetsOf(fields)) {
      const source = sourceOf(target, root, files, outputs);
      if (source && !found.has(`${manifest}\0${target}`)) found.set(`${manifest}\0${target}`, { manifest, target, source });
    }
  }
  return [...found.values()].sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
}

/** Every file path the manifest's entry fields name, `exports` walked through subpaths, conditions and fallbacks. */
function targetsOf(fields: Record<string, unknown>): string[] {
  const targets: string[] = [];
  const collect = (value: unknown, key?: string): void => {
    if (key === './package.json') return;
    if (typeof value === 'string') {
      // A pattern (`./*`) names no one file; package.json and styles are no modules.
      if (!value.includes('*') && !/\.(json|css|scss|less|wasm|node)$/.test(value)) targets.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => collect(item));
    else if (value && typeof value === 'object') for (const [subKey, item] of Object.entries(value)) collect(item, subKey);
  };
  for (const field of MANIFEST_FIELDS) {
    const value = fields[field];
    // `browser` may also be a map of replacements, which names no entry point.
    if (field === 'browser' && typeof value !== 'string') continue;
    collect(value);
  }
  return [...new Set(targets)];
}

interface BuildOutput {
  /** Package-relative outDir and rootDir of the package's tsconfig, when it sets them. */
  outDir: string;
  rootDir: string | undefined;
}

function buildOutput(repoRoot: string, root: string): BuildOutput[] {
  const outputs: BuildOutput[] = [];
  for (const name of ['tsconfig.build.json', 'tsconfig.json']) {
    const file = path.join(repoRoot, root, name);
    if (!fs.existsSync(file)) continue;
    try {
      const options = parseTsconfig(file).compilerOptions ?? {};
      const relative = (folder: string): string =>
        path.posix.normalize(
          path
            .relative(path.join(repoRoot, root), path.resolve(path.dirname(file), folder))
            .split(path.sep)
            .join('/'),
        );
      if (options.outDir) outputs.push({ outDir: relative(options.outDir), rootDir: options.rootDir ? relative(options.rootDir) : undefined });
    } catch {
      // A tsconfig that does not parse maps nothing; the names still do.
    }
  }
  return outputs;
}

/** The repo file `target` is built from, or undefined when none is found. */
function sourceOf(target: string, root: string, files: ReadonlySet<string>, outputs: readonly BuildOutput[]): string | undefined {
  const inPackage = path.posix.normalize(target.replace(/^\.\//, ''));
  if (inPackage.startsWith('..')) return undefined;
  const bases: string[] = [inPackage];
  // By the tsconfig: outDir/x.js is built from rootDir/x.ts.
  for (const { outDir, rootDir } of outputs) {
    if (inPackage === outDir || inPackage.startsWith(`${outDir}/`)) {
      const rest = inPackage.slice(outDir.length + 1);
      for (const from of rootDir !== undefined ? [rootDir] : ['src', '.']) bases.push(path.posix.join(from, rest));
    }
  }
  // By name: dist/esm/x.js or a root-level x.js published from the build folder, from src/x.
  const parts = inPackage.split('/');
  while (parts.length > 1 && BUILD_FOLDERS.has(parts[0]!)) parts.shift();
  bases.push(path.posix.join('src', ...parts), parts.join('/'));

  for (const base of bases) {
    const withoutExtension = base.replace(EXTENSION_AT_END, '');
    const candidates = [
      ...(EXTENSION_AT_END.test(base) && !/\.d\.[cm]?ts$/.test(base) ? [base] : []),
      ...SOURCE_EXTENSIONS.map((extension) => `${withoutExtension}${extension}`),
      ...SOURCE_EXTENSIONS.map((extension) => `${withoutExtension}/index${extension}`),
    ];
    for (const candidate of candidates) {
      const file = root ? path.posix.join(root, candidate) : path.posix.normalize(candidate);
      if (files.has(file)) return file;
    }
  }
  return undefined;
}
