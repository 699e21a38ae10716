// The repo's own formatter (prettier or biome, found and loaded from the repo, never from this
// tool's node_modules) applied to a run's changed files, so what a phase writes passes the repo's
// format check. A file the formatter did not accept before the run is left as the phase wrote it:
// formatting it would bury the phase's change in unrelated reformatting.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Module } from 'node:module';
import path from 'node:path';
import { ResolverFactory } from 'oxc-resolver';
import { SsotError } from '../errors.js';
import type { FileResult, RunResult } from '../result/types.js';
import { contentHash } from './atomic-file.js';
import { lineMapper } from './line-map.js';
import { createPatch } from './patch.js';

/** The config's `format`: find the formatter, force one, or leave files as the phases write them. */
export type FormatSetting = 'auto' | 'prettier' | 'biome' | 'none';

export type FormatterName = 'prettier' | 'biome';

/** What formatting did to a run's changed files (repo-relative paths, in the run's order). */
export interface FormattingOutcome {
  formatter: FormatterName;
  /** Set when the repo configures the formatter but has none installed: nothing was formatted, and why. */
  unavailable?: string;
  /** Formatter-clean before the run and formatted after it. */
  formatted: string[];
  /** Not formatter-clean before the run: left as the phase wrote them. */
  notCleanBefore: string[];
  /** Clean before, but the formatter failed on the phase's text: left as the phase wrote them. */
  failed: Array<{ file: string; reason: string }>;
}

export interface RepoFormatterOptions {
  repoRoot: string;
  setting: FormatSetting;
  /** The config file, named in errors about `format`. */
  configFile: string;
  /** The node binary that runs biome's launcher script (the CLI's own). */
  nodeExecutable: string;
}

interface RepoFormatter {
  name: FormatterName;
  /** False for a file the formatter leaves alone (its ignore file, or a language it has no parser for). */
  handles(file: string): Promise<boolean>;
  /** Throws when the formatter cannot format the text (it does not parse, the config is broken). */
  format(file: string, text: string): Promise<string>;
}

const PRETTIER_CONFIG_FILES = [
  '.prettierrc',
  ...['json', 'json5', 'yaml', 'yml', 'toml', 'js', 'cjs', 'mjs', 'ts', 'cts', 'mts'].map((extension) => `.prettierrc.${extension}`),
  ...['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'].map((extension) => `prettier.config.${extension}`),
];
const BIOME_CONFIG_FILES = ['biome.json', 'biome.jsonc'];

/**
 * Formats, with the repo's formatter and its config, each changed file of `result` that was
 * formatter-clean before the run: its newText, patch and findingsAfter lines are recomputed, in
 * place (as holdBackReadOnly does), before anything renders the diff or checks types. Undefined
 * when formatting is off, no formatter is configured, or no file changed.
 */
export async function formatChangedFiles(options: RepoFormatterOptions, result: RunResult): Promise<FormattingOutcome | undefined> {
  const found = findFormatter(options);
  if (!found) return undefined;
  if ('unavailable' in found) return { formatter: found.formatter, unavailable: found.unavailable, formatted: [], notCleanBefore: [], failed: [] };
  const changed = result.files.filter((file) => file.status === 'changed' && file.newText !== undefined);
  if (changed.length === 0) return undefined;
  const formatter = await found.load();
  const outcome: FormattingOutcome = { formatter: formatter.name, formatted: [], notCleanBefore: [], failed: [] };
  const replaced = new Map<FileResult, FileResult>();
  // One file after another: the output (and the order of the summary's lists) is the same every run.
  for (const file of changed) {
    const absolute = path.join(options.repoRoot, file.file);
    if (!(await formatter.handles(absolute))) continue;
    const original = textAsRead(absolute, file);
    // A file changed on disk since the run read it is refused by --write anyway.
    if (original === undefined) continue;
    if (!(await isClean(formatter, absolute, original))) {
      outcome.notCleanBefore.push(file.file);
      continue;
    }
    let text: string;
    try {
      text = await formatter.format(absolute, file.newText!);
    } catch (error) {
      outcome.failed.push({ file: file.file, reason: `${formatter.name} failed on the phase's text (${firstLine(error)})` });
      continue;
    }
    if (text === original) {
      outcome.failed.push({ file: file.file, reason: `${formatter.name} would undo the phase's change` });
      continue;
    }
    outcome.formatted.push(file.file);
    if (text !== file.newText) replaced.set(file, formatted(file, original, text));
  }
  result.files = result.files.map((file) => replaced.get(file) ?? file);
  return outcome;
}

/** The outcome for the files the run still changes: the type-check gate may have held some back since. */
export function formattingOfChanged(outcome: FormattingOutcome, result: RunResult): FormattingOutcome {
  const changed = new Set(result.files.filter((file) => file.status === 'changed').map((file) => file.file));
  return {
    ...outcome,
    formatted: outcome.formatted.filter((file) => changed.has(file)),
    notCleanBefore: outcome.notCleanBefore.filter((file) => changed.has(file)),
    failed: outcome.failed.filter(({ file }) => changed.has(file)),
  };
}

function formatted(file: FileResult, original: string, text: string): FileResult {
  const moved = lineMapper(file.newText!, text);
  return { ...file, newText: text, patch: createPatch(file.file, original, text), findingsAfter: file.findingsAfter.map((finding) => ({ ...finding, line: moved(finding.line) })) };
}

/** A file's text as the run read it, or undefined when it has changed since. */
function textAsRead(absolute: string, file: FileResult): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
  return file.sourceHash === undefined || contentHash(text) === file.sourceHash ? text : undefined;
}

/** As the formatter's own check sees it: a text it cannot parse is not clean. */
async function isClean(formatter: RepoFormatter, file: string, text: string): Promise<boolean> {
  try {
    return (await formatter.format(file, text)) === text;
  } catch {
    return false;
  }
}

type FoundFormatter = { formatter: FormatterName; load: () => Promise<RepoFormatter> } | { formatter: FormatterName; unavailable: string };

/**
 * The formatter to use. "auto" takes the one the repo configures at its root and has installed
 * (prettier first when it configures both); a forced one needs only to be installed, and is an
 * error naming the config field when it is not.
 */
function findFormatter({ repoRoot, setting, configFile, nodeExecutable }: RepoFormatterOptions): FoundFormatter | undefined {
  if (setting === 'none') return undefined;
  const locate = { prettier: () => locatePrettier(repoRoot), biome: () => locateBiome(repoRoot, nodeExecutable) };
  if (setting !== 'auto') {
    const load = locate[setting]();
    if (!load) {
      throw new SsotError(
        'FORMATTER_NOT_INSTALLED',
        `${configFile}: "format": "${setting}", but ${setting === 'prettier' ? 'prettier' : 'biome (@biomejs/biome)'} is not installed in the repo (looked for it from ${repoRoot})`,
        { file: configFile },
      );
    }
    return { formatter: setting, load };
  }
  const configured: Array<[FormatterName, string | undefined]> = [
    ['prettier', prettierConfigOf(repoRoot)],
    ['biome', BIOME_CONFIG_FILES.find((name) => fs.existsSync(path.join(repoRoot, name)))],
  ];
  let missing: FoundFormatter | undefined;
  for (const [name, config] of configured) {
    if (config === undefined) continue;
    const load = locate[name]();
    if (load) return { formatter: name, load };
    missing ??= {
      formatter: name,
      unavailable: `the repo configures ${name} (${config}) but has no ${name} installed; install it in the repo to format the changed files, or set "format": "none" in ${path.basename(configFile)}`,
    };
  }
  return missing;
}

/** The file that configures prettier at the repo root, or a "prettier" key of its package.json. */
function prettierConfigOf(repoRoot: string): string | undefined {
  const file = PRETTIER_CONFIG_FILES.find((name) => fs.existsSync(path.join(repoRoot, name)));
  if (file) return file;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    return manifest.prettier !== undefined ? 'package.json "prettier"' : undefined;
  } catch {
    return undefined;
  }
}

// Node's own module system through its Module class (under jest, `createRequire` would hand back
// jest's registry, where prettier's own dynamic imports fail): the repo's formatter loads as
// `node` would load it from the repo root.
type NodeModuleClass = {
  new (id: string): LoadingModule;
  _nodeModulePaths(folder: string): string[];
  _resolveFilename(request: string, parent: LoadingModule): string;
};
type LoadingModule = { filename: string; paths: string[]; require(id: string): unknown };
const nodeModule = Module as unknown as NodeModuleClass;

/** A module standing at the repo root's package.json, whose `require` resolves and loads from there. */
function moduleAtRoot(repoRoot: string): LoadingModule {
  const root = path.resolve(repoRoot);
  const module = new nodeModule(path.join(root, 'package.json'));
  module.filename = path.join(root, 'package.json');
  module.paths = nodeModule._nodeModulePaths(root);
  return module;
}

interface PrettierApi {
  resolveConfig(file: string, options: { editorconfig: boolean }): Promise<Record<string, unknown> | null>;
  resolveConfigFile(file: string): Promise<string | null>;
  getFileInfo(file: string, options: { ignorePath: string[]; plugins: unknown[]; resolveConfig: false }): Promise<{ ignored: boolean; inferredParser: string | null }>;
  format(text: string, options: Record<string, unknown>): Promise<string>;
}

function locatePrettier(repoRoot: string): (() => Promise<RepoFormatter>) | undefined {
  const root = moduleAtRoot(repoRoot);
  let entry: string;
  try {
    entry = nodeModule._resolveFilename('prettier', root);
  } catch {
    return undefined;
  }
  return () => Promise.resolve(prettierFormatter(repoRoot, root.require(entry) as PrettierApi));
}

/**
 * Prettier as its CLI runs in the repo: the config resolved for each file (with .editorconfig),
 * .gitignore and .prettierignore at the root honoured, and the config's plugins loaded from where
 * the config is (prettier itself would look for them from the process's working directory).
 */
function prettierFormatter(repoRoot: string, prettier: PrettierApi): RepoFormatter {
  const ignorePath = ['.gitignore', '.prettierignore'].map((name) => path.join(repoRoot, name)).filter((file) => fs.existsSync(file));
  const resolver = new ResolverFactory({ conditionNames: ['node', 'import'], mainFields: ['module', 'main'] });
  const options = async (file: string): Promise<Record<string, unknown>> => {
    let config: Record<string, unknown> | null;
    let configFile: string | null;
    try {
      config = await prettier.resolveConfig(file, { editorconfig: true });
      configFile = await prettier.resolveConfigFile(file);
    } catch (error) {
      throw new SsotError('FORMATTER_FAILED', `${path.relative(repoRoot, file)}: prettier cannot read its config (${firstLine(error)})`);
    }
    const from = configFile ? path.dirname(configFile) : repoRoot;
    const plugins = ((config?.plugins ?? []) as unknown[]).map((plugin) => {
      if (typeof plugin !== 'string' || path.isAbsolute(plugin) || plugin.startsWith('.')) return plugin;
      const resolved = resolver.sync(from, plugin);
      if (!resolved.path) {
        throw new SsotError('FORMATTER_FAILED', `${path.relative(repoRoot, configFile ?? repoRoot) || '.'}: names the prettier plugin "${plugin}", which is not installed in the repo`);
      }
      return resolved.path;
    });
    return { ...config, plugins, filepath: file };
  };
  return {
    name: 'prettier',
    async handles(file) {
      const { plugins } = await options(file);
      const info = await prettier.getFileInfo(file, { ignorePath, plugins: plugins as unknown[], resolveConfig: false });
      return !info.ignored && info.inferredParser !== null;
    },
    async format(file, text) {
      return prettier.format(text, await options(file));
    },
  };
}

function locateBiome(repoRoot: string, nodeExecutable: string): (() => Promise<RepoFormatter>) | undefined {
  // Found as Node finds a package (the node_modules folders from the root up), by its manifest,
  // whose `bin` names the script that runs the platform's binary.
  for (const folder of moduleAtRoot(repoRoot).paths) {
    const manifestFile = path.join(folder, '@biomejs', 'biome', 'package.json');
    if (!fs.existsSync(manifestFile)) continue;
    const { bin } = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { bin?: string | Record<string, string> };
    const script = typeof bin === 'string' ? bin : bin?.biome;
    if (!script) return undefined;
    const binary = path.join(path.dirname(manifestFile), script);
    return () => Promise.resolve(biomeFormatter(repoRoot, binary, nodeExecutable));
  }
  return undefined;
}

/**
 * Biome through its CLI (its JS API is a separate, experimental package): `biome format
 * --stdin-file-path` reads the repo's biome.json for that path and prints the formatted text. For
 * a path its config ignores it prints the text as it came and says so on stderr.
 */
function biomeFormatter(repoRoot: string, binary: string, nodeExecutable: string): RepoFormatter {
  const format = (file: string, text: string): Promise<{ stdout: string; stderr: string }> => runWithInput(nodeExecutable, [binary, 'format', `--stdin-file-path=${file}`], repoRoot, text);
  return {
    name: 'biome',
    handles: async (file) => !/\bis ignored\b/.test((await format(file, '')).stderr),
    format: async (file, text) => (await format(file, text)).stdout,
  };
}

function runWithInput(command: string, args: string[], cwd: string, input: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const output = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      if (code === 0) resolve(output);
      else reject(new Error(output.stderr.trim() || `exited with ${code}`));
    });
    child.stdin.end(input);
  });
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
