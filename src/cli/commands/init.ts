// `ssot-migrate init`: with --canonical, lists the modules that compete with the canonical one
// (with their evidence) and writes a starting config; without it, suggests canonical modules
// and writes nothing, because which module survives is the user's decision, not a guess.
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../../config/load-config.js';
import { writeAtomically } from '../../engine/atomic-file.js';
import { isInside, toPosix } from '../../engine/paths.js';
import { EXIT, SsotError } from '../../errors.js';
import { findCandidateClusters } from '../../init/candidates.js';
import { checkStartingConfig } from '../../init/check-config.js';
import { discoverLegacy, openProject, provisionalConfig } from '../../init/discover-legacy.js';
import { findEntryPoints } from '../../init/entry-points.js';
import { renderCandidates, renderDiscovery } from '../../init/render-listing.js';
import { chooseScope } from '../../init/scope.js';
import { buildStartingConfig, configText } from '../../init/starting-config.js';
import { buildBarrelConfig, listBarrels, renderBarrels } from '../../init/barrel-listing.js';
import { configSchema } from '../../config/schema.js';
import type { CliIo } from '../io.js';

export interface InitOptions {
  repo?: string;
  config?: string;
  canonical?: string;
  /** Find the barrels and write a config that has phase 2 flatten them (with --canonical: as well). */
  barrels?: boolean;
  force: boolean;
  dryRun: boolean;
}

/** The JSON Schema this package ships, found from the bin script (bin/ → package root), as the bin finds package.json. */
function packageSchema(): string | undefined {
  try {
    return path.join(path.dirname(fs.realpathSync(process.argv[1] ?? '')), '..', 'schema', 'ssot.config.schema.json');
  } catch {
    return undefined;
  }
}
const INSTALLED_SCHEMA = path.join('node_modules', 'ssot-migrate', 'schema', 'ssot.config.schema.json');

export function initCommand(options: InitOptions, io: CliIo): number {
  const repoRoot = path.resolve(io.cwd, options.repo ?? '.');
  if (!fs.existsSync(repoRoot) || !fs.statSync(repoRoot).isDirectory()) {
    throw new SsotError('REPO_NOT_FOUND', `${repoRoot}: not a directory (from --repo)`);
  }
  const target = options.config ? path.resolve(io.cwd, options.config) : path.join(repoRoot, CONFIG_FILE_NAME);
  const scope = chooseScope(repoRoot);
  const repoFlag = options.repo && options.repo !== '.' ? ` --repo ${options.repo}` : '';
  const command = `ssot-migrate init${repoFlag}`;

  if (options.canonical === undefined && !options.barrels) {
    const project = openProject(repoRoot, provisionalConfig(scope));
    io.stdout.write(renderCandidates(findCandidateClusters(project), command));
    const barrels = listBarrels(project, findEntryPoints(project)).length;
    if (barrels > 0)
      io.stdout.write(`
${barrels} module${barrels === 1 ? ' only re-exports' : 's only re-export'} (barrels): ${command} --barrels writes a config that flattens them, with no canonical module.
`);
    return EXIT.clean;
  }

  // Refuse before the work, so the answer is immediate and nothing is touched.
  if (!options.force && !options.dryRun && fs.existsSync(target)) {
    throw new SsotError('CONFIG_EXISTS', `${target}: a config already exists; init does not overwrite it`, { file: target });
  }
  if (options.canonical === undefined) return writeBarrelConfig(repoRoot, target, scope, options, io, repoFlag);
  let project = openProject(repoRoot, provisionalConfig(scope, options.canonical));
  const canonical = project.resolveConfigModule(options.canonical, '--canonical');
  if (!canonical.isFile) {
    throw new SsotError('MODULE_NOT_FOUND', `--canonical: "${options.canonical}" is not a file of the repo ${repoRoot}; init reads the canonical module's source`);
  }
  if (!project.files.includes(canonical.key)) {
    scope.include.push(canonical.key);
    project = openProject(repoRoot, provisionalConfig(scope, options.canonical));
  }

  const discovery = discoverLegacy(project, canonical.key);
  const config = buildStartingConfig(discovery, scope, schemaReference(repoRoot, target), findEntryPoints(project));
  if (options.barrels) config.facades.discover = 'barrels';
  const text = configText(config);
  checkStartingConfig(repoRoot, text, target);

  io.stdout.write(renderDiscovery(discovery));
  const kept = config.facades.keep.length;
  const summary = `${config.legacy.length} legacy module${config.legacy.length === 1 ? '' : 's'}, ${config.facades.modules.length} facade${config.facades.modules.length === 1 ? '' : 's'}${kept > 0 ? `, ${kept} package entry point${kept === 1 ? '' : 's'} kept` : ''}`;
  const relative = toPosix(path.relative(io.cwd, target));
  const shown = relative && !relative.startsWith('..') ? relative : target;
  if (options.dryRun) {
    io.stdout.write(`\n${shown} (not written, --dry-run; ${summary}):\n${text}`);
    return EXIT.clean;
  }
  writeAtomically(target, text);
  io.stdout.write(`\nwrote ${shown}: ${summary}. Review it, then: ssot-migrate scan${repoFlag}${options.config ? ` --config ${options.config}` : ''}\n`);
  return EXIT.clean;
}

/** `init --barrels` without a canonical module: the barrels, most imported first, and a config of `facades.discover: "barrels"`. */
function writeBarrelConfig(repoRoot: string, target: string, scope: ReturnType<typeof chooseScope>, options: InitOptions, io: CliIo, repoFlag: string): number {
  const project = openProject(repoRoot, configSchema.parse({ include: scope.include, exclude: scope.exclude, facades: { discover: 'barrels' } }));
  const entryPoints = findEntryPoints(project);
  const barrels = listBarrels(project, entryPoints);
  const text = configText(buildBarrelConfig(scope, schemaReference(repoRoot, target), entryPoints));
  checkStartingConfig(repoRoot, text, target);
  io.stdout.write(renderBarrels(barrels));
  const relative = toPosix(path.relative(io.cwd, target));
  const shown = relative && !relative.startsWith('..') ? relative : target;
  const removable = barrels.filter((barrel) => !barrel.entryPoint).length;
  const handedOn = barrels.filter((barrel) => barrel.handedOnBy).length;
  const staying = handedOn > 0 ? ` (${handedOn === removable ? (removable === 1 ? 'it stays' : 'all stay') : `${handedOn} stay`} as an entry point hands ${handedOn === 1 ? 'it' : 'them'} on)` : '';
  const summary = `facades.discover "barrels": ${removable} barrel${removable === 1 ? '' : 's'} to flatten${staying}, ${barrels.length - removable} entry point${barrels.length - removable === 1 ? '' : 's'} kept`;
  if (options.dryRun) {
    io.stdout.write(`\n${shown} (not written, --dry-run; ${summary}):\n${text}`);
    return EXIT.clean;
  }
  writeAtomically(target, text);
  io.stdout.write(`\nwrote ${shown}: ${summary}. Review it, then: ssot-migrate run facades${repoFlag}${options.config ? ` --config ${options.config}` : ''}\n`);
  return EXIT.clean;
}

/**
 * "$schema" for editors: the installed package's schema when the repo has it in node_modules,
 * else this package's own when the repo and the package are one tree (an example, a monorepo);
 * none otherwise, rather than a path into a temporary npx cache.
 */
function schemaReference(repoRoot: string, target: string): string | undefined {
  const from = path.dirname(target);
  const installed = path.join(repoRoot, INSTALLED_SCHEMA);
  const own = packageSchema();
  const packageRoot = own ? path.dirname(path.dirname(own)) : undefined;
  const ownApplies = own !== undefined && packageRoot !== undefined && fs.existsSync(own) && (isInside(packageRoot, repoRoot) || isInside(repoRoot, packageRoot));
  const candidate = fs.existsSync(installed) ? installed : ownApplies ? own : undefined;
  if (!candidate) return undefined;
  const relative = toPosix(path.relative(from, candidate));
  return relative.startsWith('.') ? relative : `./${relative}`;
}
