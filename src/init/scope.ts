// The files a starting config puts in scope: one glob per top-level folder that holds source
// files, with only the extensions found there, so a reader sees at a glance what is migrated.
import path from 'node:path';
import { discoverFiles } from '../engine/discover-files.js';
import { SOURCE_EXTENSIONS } from '../shared/file-extensions.js';

export interface Scope {
  include: string[];
  exclude: string[];
}

// Build output is generated from the sources; migrating it would be undone by the next build.
const GENERATED_FOLDERS = new Set(['dist', 'build', 'out', 'coverage', '.next', '.turbo', '.cache']);

export function chooseScope(repoRoot: string): Scope {
  const files = discoverFiles({ repoRoot, include: ['**/*'], exclude: [] });
  const extensionsByFolder = new Map<string, Set<string>>();
  let declarationFiles = false;
  for (const file of files) {
    if (file.endsWith('.d.ts')) {
      declarationFiles = true;
      continue;
    }
    const [first, ...rest] = file.split('/');
    // Files at the root are tool configs (jest.config.js) unless they are TypeScript.
    const folder = rest.length === 0 ? '' : first!;
    if (GENERATED_FOLDERS.has(folder)) continue;
    const extension = SOURCE_EXTENSIONS.find((ext) => file.endsWith(ext))!.slice(1);
    if (folder === '' && !extension.endsWith('ts') && !extension.endsWith('tsx')) continue;
    const extensions = extensionsByFolder.get(folder) ?? new Set<string>();
    extensions.add(extension);
    extensionsByFolder.set(folder, extensions);
  }
  const include = [...extensionsByFolder.keys()].sort().map((folder) => {
    const extensions = [...extensionsByFolder.get(folder)!].sort((a, b) => SOURCE_EXTENSIONS.indexOf(`.${a}` as never) - SOURCE_EXTENSIONS.indexOf(`.${b}` as never));
    const pattern = extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`;
    return folder === '' ? pattern : path.posix.join(folder, '**', pattern);
  });
  return {
    include: include.length > 0 ? include : ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    exclude: declarationFiles ? ['**/*.d.ts'] : [],
  };
}
