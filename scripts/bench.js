#!/usr/bin/env node
// `npm run bench`: times `scan` and `run imports` (dry) as whole processes against the floor
// (reading every file and searching it for the legacy names) in the same session, so the
// ratios mean something on a shared, noisy machine.
//
//   npm run bench                          synthetic corpora of 1k and 5k files
//   npm run bench -- --sizes 1000,5000,20000
//   npm run bench -- --corpus DIR --config FILE   a real repository and its config
//   npm run bench -- --runs 7
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'ssot-migrate.js');
const args = parseArgs(process.argv.slice(2));
const runs = Number(args.runs ?? 5);

const corpora = args.corpus
  ? [{ name: path.basename(args.corpus), repo: path.resolve(args.corpus), config: path.resolve(args.config ?? path.join(args.corpus, 'ssot.config.json')) }]
  : String(args.sizes ?? '1000,5000')
      .split(',')
      .map(Number)
      .map((size) => ({ name: `synthetic-${size}`, ...generateCorpus(size) }));

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${runs} runs after 1 warm-up, medians`);
for (const corpus of corpora) {
  const files = listSources(corpus.repo);
  const terms = legacyTerms(corpus.config);
  const floor = measure(() => readAndSearch(files, terms));
  const scan = measureProcess(['scan', '--repo', corpus.repo, '--config', corpus.config, '--format', 'json']);
  const dryRun = measureProcess(['run', 'imports', '--repo', corpus.repo, '--config', corpus.config, '--format', 'json']);
  console.log(`\n${corpus.name}: ${files.length} files, ${(files.reduce((sum, file) => sum + fs.statSync(file).size, 0) / 1e6).toFixed(1)} MB`);
  console.log(row('what', 'wall median', 'min', 'max', 'cpu', 'peak RSS', '× floor'));
  console.log(row('floor: read + search every file (in process)', ms(floor.median), ms(floor.min), ms(floor.max), '', '', '1.0'));
  for (const [name, result] of [['ssot-migrate scan', scan], ['ssot-migrate run imports (dry)', dryRun]]) {
    console.log(row(name, ms(result.median), ms(result.min), ms(result.max), ms(result.cpu), `${(result.rss / 1024).toFixed(0)} MB`, (result.median / floor.median).toFixed(1)));
  }
}

function row(...cells) {
  const widths = [46, 12, 8, 8, 8, 10, 8];
  return cells.map((cell, index) => (index === 0 ? String(cell).padEnd(widths[index]) : String(cell).padStart(widths[index]))).join(' ');
}

function ms(value) {
  return value === undefined ? '' : `${value.toFixed(0)} ms`;
}

function measure(work) {
  work();
  const times = [];
  for (let index = 0; index < runs; index++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(times);
}

/** Whole-process timing through /usr/bin/time: wall, user+system CPU, peak RSS. */
function measureProcess(commandArgs) {
  const once = () => {
    const start = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, bin, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`ssot-migrate ${commandArgs.join(' ')} failed:\n${result.stderr}`);
    const [user, system, rss] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
    return { wall, cpu: (user + system) * 1000, rss };
  };
  once();
  const samples = Array.from({ length: runs }, once);
  const summary = summarise(samples.map((sample) => sample.wall));
  const middle = samples.find((sample) => sample.wall === summary.median) ?? samples[0];
  return { ...summary, cpu: middle.cpu, rss: Math.max(...samples.map((sample) => sample.rss)) };
}

function summarise(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

function readAndSearch(files, terms) {
  let hits = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (terms.some((term) => text.includes(term))) hits++;
  }
  return hits;
}

function listSources(directory) {
  const found = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...listSources(full));
    else if (/\.[cm]?[jt]sx?$/.test(entry.name)) found.push(full);
  }
  return found;
}

function legacyTerms(configFile) {
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  const modules = [...(config.legacy ?? []).map((entry) => entry.module), ...(config.moves ?? []).map((move) => move.from.module)];
  return modules.map((module) => path.basename(module).replace(/\.[cm]?[jt]sx?$/, ''));
}

/**
 * A deterministic service of `size` files: one canonical manager, three facades, a barrel, and
 * consumers of which about 8% import a legacy path, 2% go through the barrel, the rest unrelated.
 */
function generateCorpus(size) {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-bench-${size}-`));
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  };
  let seed = size;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  write('src/core/unified_manager.ts', 'export class UnifiedWebSocketManager {\n  send(userId: string, message: unknown): void {\n    void userId;\n    void message;\n  }\n}\nexport function createWebSocketManager(userId: string): UnifiedWebSocketManager {\n  void userId;\n  return new UnifiedWebSocketManager();\n}\n');
  write('src/core/websocket_manager.ts', "import { UnifiedWebSocketManager } from './unified_manager';\nexport const WebSocketManager = UnifiedWebSocketManager;\nexport type WebSocketManager = UnifiedWebSocketManager;\nexport function getWebSocketManager(): UnifiedWebSocketManager {\n  return new UnifiedWebSocketManager();\n}\n");
  write('src/core/manager_alias.ts', "export { UnifiedWebSocketManager as ManagerAlias } from './unified_manager';\n");
  write('src/core/index.ts', "export * from './unified_manager';\n");
  const body = (index) => `\nexport function handler${index}(input: string): string {\n  // Format the payload for user ${index}.\n  const parts = input.split(',').map((part) => part.trim());\n  return parts.filter(Boolean).join(';');\n}\n`.repeat(4);
  for (let index = 0; index < size - 4; index++) {
    const folder = `src/feature_${index % 40}/sub_${index % 7}`;
    const roll = random();
    let imports = "import { format } from 'node:util';\n";
    if (roll < 0.05) imports += "import { WebSocketManager, getWebSocketManager } from '../../core/websocket_manager';\nimport { createWebSocketManager } from '../../core/unified_manager';\nexport const managers = [new WebSocketManager(), getWebSocketManager(), createWebSocketManager('u')];\n";
    else if (roll < 0.08) imports += "import { ManagerAlias } from '../../core/manager_alias';\nexport const manager = new ManagerAlias();\n";
    else if (roll < 0.1) imports += "import { UnifiedWebSocketManager } from '../../core';\nexport const manager = new UnifiedWebSocketManager();\n";
    else if (roll < 0.15) imports += "import { createWebSocketManager } from '../../core/unified_manager';\nexport const manager = createWebSocketManager('u');\n";
    write(`${folder}/module_${index}.ts`, `${imports}export const label${index} = format('%s', ${index});\n${body(index)}`);
  }
  const config = path.join(repo, 'ssot.config.json');
  fs.writeFileSync(config, JSON.stringify({
    include: ['src/**/*.ts'],
    canonical: { module: 'src/core/unified_manager.ts' },
    legacy: [
      { module: 'src/core/websocket_manager.ts', exports: { WebSocketManager: 'UnifiedWebSocketManager', getWebSocketManager: null } },
      { module: 'src/core/manager_alias.ts', exports: { ManagerAlias: 'UnifiedWebSocketManager' } },
    ],
  }, null, 2));
  return { repo, config };
}

function parseArgs(argv) {
  const parsed = {};
  for (let index = 0; index < argv.length; index++) {
    const match = argv[index].match(/^--([^=]+)(?:=(.*))?$/);
    if (match) parsed[match[1]] = match[2] ?? argv[++index];
  }
  return parsed;
}
