// The files a starting config puts in scope: one glob per top-level folder that holds source
// files, with only the extensions found there, so a reader sees at a glance what is migrated.
import path from 'node:path';
import { discoverFiles } from '../engine/discover-files.js';
import { EMBEDDED_EXTENSIONS, SOURCE_EXTENSIONS } from '../shared/file-extensions.js';

export interface Scope {
  include: string[];
  exclude: string[];
}

/**
 * Folders `init` leaves out wherever they are: build output and installed or vendored code is
 * generated or someone else's, and migrating it would be undone by the next build or install.
 * (node_modules and .git are never even walked.)
 */
const EXCLUDED_FOLDERS = new Set(['node_modules', '.git', '.yarn', 'dist', 'build', 'out', 'coverage', '.next', '.turbo', '.cache', 'vendor', 'vendors', 'third_party']);
const MINIFIED = /\.min\.[cm]?js$/;
const DECLARATION = /\.d\.([cm]?)ts$/;
/** Sources and the files whose code blocks are read (components, MDX), in the order a glob lists them. */
const SCOPE_EXTENSIONS = [...SOURCE_EXTENSIONS, ...EMBEDDED_EXTENSIONS];

export function chooseScope(repoRoot: string): Scope {
  const files = discoverFiles({ repoRoot, include: ['**/*'], exclude: [] });
  const present = new Set(files);
  const extensionsByFolder = new Map<string, Set<string>>();
  const excluded = new Set<string>();
  const declarations: string[] = [];
  for (const file of files) {
    const [first, ...rest] = file.split('/');
    // Files at the root are tool configs (jest.config.js) unless they are TypeScript.
    const folder = rest.length === 0 ? '' : first!;
    if (EXCLUDED_FOLDERS.has(folder)) continue;
    // A top-level folder is left out by not being included; a nested one needs an exclude.
    const nested = rest.slice(0, -1).find((part) => EXCLUDED_FOLDERS.has(part));
    if (nested) {
      excluded.add(`**/${nested}/**`);
      continue;
    }
    if (MINIFIED.test(file)) {
      excluded.add('**/*.min.{js,mjs,cjs}');
      continue;
    }
    if (DECLARATION.test(file)) {
      declarations.push(file);
      continue;
    }
    const extension = SCOPE_EXTENSIONS.find((ext) => file.endsWith(ext))?.slice(1);
    if (extension === undefined) continue;
    if (folder === '' && !extension.endsWith('ts') && !extension.endsWith('tsx')) continue;
    const extensions = extensionsByFolder.get(folder) ?? new Set<string>();
    extensions.add(extension);
    extensionsByFolder.set(folder, extensions);
  }
  // A hand-written declaration file (globals, ambient modules) is source like any other.
  for (const file of declarations.filter((declaration) => !isGeneratedDeclaration(declaration, present))) {
    const folder = file.includes('/') ? file.split('/')[0]! : '';
    const extensions = extensionsByFolder.get(folder) ?? new Set<string>();
    extensions.add(`${DECLARATION.exec(file)![1]}ts`);
    extensionsByFolder.set(folder, extensions);
  }
  const include = [...extensionsByFolder.keys()].sort().map((folder) => {
    const extensions = [...extensionsByFolder.get(folder)!].sort((a, b) => SCOPE_EXTENSIONS.indexOf(`.${a}` as never) - SCOPE_EXTENSIONS.indexOf(`.${b}` as never));
    const pattern = extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`;
    return folder === '' ? pattern : path.posix.join(folder, '**', pattern);
  });
  return {
    include: include.length > 0 ? include : ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    exclude: [...[...excluded].sort(), ...generatedDeclarations(declarations, present)],
  };
}

/**
 * `x.d.ts` beside `x.js` was generated from it (or describes it): the JavaScript is the source.
 * One pattern for all of them when every declaration file is such a twin, else one per folder
 * whose declaration files all are, else the files themselves; a hand-written `.d.ts` stays in scope.
 */
function generatedDeclarations(declarations: readonly string[], present: ReadonlySet<string>): string[] {
  const isGenerated = (file: string): boolean => isGeneratedDeclaration(file, present);
  const generated = declarations.filter(isGenerated);
  if (generated.length === 0) return [];
  if (generated.length === declarations.length) return ['**/*.d.ts'];
  const folderOf = (file: string): string => path.posix.dirname(file);
  const handWrittenFolders = new Set(declarations.filter((file) => !isGenerated(file)).map(folderOf));
  const out = new Set<string>();
  for (const file of generated) out.add(handWrittenFolders.has(folderOf(file)) ? file : path.posix.join(folderOf(file), '*.d.ts'));
  return [...out].sort();
}

function isGeneratedDeclaration(file: string, present: ReadonlySet<string>): boolean {
  const [, flavour] = DECLARATION.exec(file)!;
  return present.has(file.replace(DECLARATION, `.${flavour}js`));
}
