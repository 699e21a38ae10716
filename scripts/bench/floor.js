// The floor every tool pays: list the TypeScript files, read each one and search it for the
// legacy specifiers. Measured in process, so it holds no Node start-up and no module loading.
import fs from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(?:ts|tsx|mts|cts)$/;

/** Every .ts/.tsx/.mts/.cts file under `directory`, node_modules and .git excluded, sorted. */
export function listSources(directory) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE.test(entry.name)) found.push(full);
    }
  };
  walk(directory);
  return found.sort();
}

/** Lists and reads every file and counts those that mention a term: what the floor costs. */
export function readAndSearch(directory, terms) {
  let files = 0;
  let bytes = 0;
  let mentioning = 0;
  for (const file of listSources(directory)) {
    const text = fs.readFileSync(file, 'utf8');
    files++;
    bytes += text.length;
    if (terms.some((term) => text.includes(term))) mentioning++;
  }
  return { files, bytes, mentioning };
}

/**
 * What names a module in a specifier: a package specifier whole ("@scope/pkg"), a repo file by its
 * name without extension ("websocket_manager"), an index file by its folder.
 */
export function specifierTerm(module, repo) {
  const isRepoFile = /\.[cm]?[jt]sx?$/.test(module) || fs.existsSync(path.join(repo, module));
  if (!isRepoFile) return module;
  const base = path.basename(module).replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.basename(path.dirname(module)) : base;
}

/** The legacy terms and the canonical term of a config (legacy modules and moved symbols' modules). */
export function configTerms(configFile, repo) {
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  const legacyModules = [...(config.legacy ?? []).map((entry) => entry.module), ...(config.moves ?? []).map((move) => move.from.module)];
  return {
    legacy: [...new Set(legacyModules.map((module) => specifierTerm(module, repo)))],
    canonical: specifierTerm(config.canonical.module, repo),
  };
}
