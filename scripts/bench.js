#!/usr/bin/env node
// `npm run bench`: times ssot-migrate's `scan` and the dry run of every phase as whole
// processes, and in the same run on the same files the floor (list, read and search every
// file, in process) and jscodeshift's own runner with an equivalent phase-1 transform (and
// ast-grep when given), so the ratios mean something on a shared, noisy machine.
//
//   npm run bench                                  a synthetic corpus of 1,000 files
//   npm run bench -- --sizes 1000,5000,20000       other sizes
//   npm run bench -- --sizes 5000,20000 --candidates 400
//                                                  the same 400 candidate files in a growing repo
//   npm run bench -- --corpus DIR --config FILE    a real repository (see scripts/bench-corpus.md)
//   npm run bench -- --example                     the embedded example's scan, plan and dry runs,
//                                                  as multiples of `ssot-migrate --version`
//
// Options: --runs N (measured runs; default up to 3 within --budget SECONDS per row, default 10),
// --warmup N (unmeasured runs before every row; default one before the first row),
// --jscodeshift-runs N (default 1, no warm-up: the floor has warmed the file cache),
// --no-jscodeshift, --ast-grep PATH (the ast-grep binary) with --ast-grep-fix SPEC (the replacement
// specifier), --phases a,b (default: every phase), --verify (also time `run imports` with
// the type-check gate), --tool-args "…" (extra flags for every ssot-migrate command, e.g.
// "--shard 1/2"), --markdown FILE (also write the tables as Markdown), --no-cache-rows (skip the
// warm-cache scan rows). See scripts/bench-corpus.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { configTerms, readAndSearch } from './bench/floor.js';
import { hasGnuTime, measureInProcess, measureProcess } from './bench/measure.js';
import { duration, markdownTable, textTable } from './bench/report.js';
import { syntheticCorpus } from './bench/synthetic-corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'ssot-migrate.js');
const JSCODESHIFT = path.join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const TRANSFORM = path.join(ROOT, 'scripts', 'bench', 'jscodeshift-imports-transform.cjs');
/** What the synthetic consumers write to import the canonical module (they all sit two folders down). */
const SYNTHETIC_CANONICAL_SPECIFIER = '../../core/unified_manager';

const args = parseArgs(process.argv.slice(2));
if (args.help) {
  // The header comment of this file is the usage.
  const header = fs
    .readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.startsWith('//'));
  console.log(header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const runs = Number(args.runs ?? 3);
// Without --runs, a row stops after the run that takes it past the budget, so the default bench
// stays quick while the tool is slow and gets its 3 runs once it is fast.
const budgetMs = args.budget !== undefined ? Number(args.budget) * 1000 : args.runs === undefined ? 10000 : Infinity;
// One warm-up (file cache, first-run effects) before the first ssot-migrate row; --warmup N before every row.
const warmupEach = args.warmup === undefined ? undefined : Number(args.warmup);
const jscodeshiftRuns = Number(args['jscodeshift-runs'] ?? 1);
const toolArgs = args['tool-args'] ? String(args['tool-args']).split(/\s+/).filter(Boolean) : [];
const markdown = [];

if (args.example) {
  benchExample();
  process.exit(0);
}

const phases = args.phases ? String(args.phases).split(',') : await registeredPhases();
const corpora = args.corpus
  ? [{ name: path.basename(path.resolve(args.corpus)), repo: path.resolve(args.corpus), config: path.resolve(args.config ?? path.join(args.corpus, 'ssot.config.json')) }]
  : String(args.sizes ?? '1000')
      .split(',')
      .map(Number)
      .map((size) => syntheticCorpus({ size, candidates: args.candidates === undefined ? undefined : Number(args.candidates) }));

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at start`;
console.log(`machine: ${machine}`);
console.log(
  `phases: ${phases.join(', ')}; up to ${runs} runs per row${Number.isFinite(budgetMs) ? ` (none started after ${budgetMs / 1000} s)` : ''}, after ${warmupEach ?? 1} warm-up${warmupEach === undefined ? ' of the first row' : 's'} (jscodeshift: ${jscodeshiftRuns} run${jscodeshiftRuns === 1 ? '' : 's'}); wall time median [min–max]${hasGnuTime ? '; CPU = user+sys of the median run, RSS = peak of the largest process' : '; /usr/bin/time missing: no CPU or RSS'}`,
);
markdown.push(`Machine: ${machine}.`, '');

const summaries = [];
for (const corpus of corpora) summaries.push(benchCorpus(corpus));
if (summaries.length > 1) printGrowth(summaries);
if (args.markdown) {
  fs.writeFileSync(args.markdown, `${markdown.join('\n')}\n`);
  console.log(`\nMarkdown tables written to ${args.markdown}`);
}

function benchCorpus(corpus) {
  const terms = configTerms(corpus.config, corpus.repo);
  const floor = measureInProcess(() => readAndSearch(corpus.repo, terms.legacy), { runs: Math.max(runs, 5) });
  const { files, bytes, mentioning } = floor.value;
  const heading = `${corpus.name}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${mentioning} mention ${terms.legacy.join(' / ')}`;
  console.log(`\n${heading}`);

  const rows = [{ what: 'floor: list, read and search every file (in process)', ...floor }];
  const tool = (what, commandArgs, options = {}) => {
    const warmup = warmupEach ?? (rows.length === 1 ? 1 : 0);
    const result = measureProcess(process.execPath, [BIN, ...commandArgs, '--repo', corpus.repo, '--config', corpus.config, ...toolArgs], {
      runs,
      warmup,
      budgetMs,
      label: `ssot-migrate ${commandArgs.join(' ')}`,
      ...options,
    });
    const parsed = /parsed (\d+) candidate files?/.exec(result.stderr)?.[1];
    rows.push({ what: parsed === undefined ? what : `${what} [${parsed} parsed]`, ...result });
    process.stdout.write('.');
    return result;
  };
  const scan = tool('ssot-migrate scan', ['scan', '--format', 'json']);
  if (supportsCache() && !args['no-cache-rows']) warmCacheRows(corpus, tool);
  for (const phase of phases) tool(`ssot-migrate run ${phase} (dry, diff)`, ['run', phase, '--no-verify']);
  if (args.verify) tool('ssot-migrate run imports (dry, with the type-check gate)', ['run', 'imports', '--verify']);

  let jscodeshift;
  if (!args['no-jscodeshift']) {
    const canonical = corpus.name.startsWith('synthetic') ? 'unified_manager' : terms.canonical;
    const shift = (what, extra) => {
      const result = measureProcess(
        process.execPath,
        [JSCODESHIFT, '-t', TRANSFORM, '--dry', '--silent', '--parser=tsx', '--extensions=ts,tsx', `--legacy=${terms.legacy.join(',')}`, `--canonical=${canonical}`, ...extra, corpus.repo],
        { runs: jscodeshiftRuns, warmup: 0, label: 'jscodeshift' },
      );
      const row = { what, ...result };
      rows.push(row);
      process.stdout.write('.');
      return row;
    };
    jscodeshift = shift('jscodeshift runner, same rewrite (--dry)', []);
    shift('jscodeshift runner, transform returns early without the specifier', ['--early=1']);
  }
  if (args['ast-grep']) {
    const replacement = args['ast-grep-fix'] ?? (corpus.name.startsWith('synthetic') ? SYNTHETIC_CANONICAL_SPECIFIER : terms.canonical);
    const result = measureProcess(path.resolve(args['ast-grep']), ['scan', '--inline-rules', astGrepRules(terms.legacy, replacement), corpus.repo], {
      runs,
      warmup: warmupEach ?? 1,
      budgetMs,
      label: 'ast-grep',
    });
    rows.push({ what: 'ast-grep scan with the rewrite as a fix (all threads)', ...result });
  }
  process.stdout.write('\n');

  const table = rows.map((row) => ({ ...row, xFloor: row.median / floor.median, speedupOverJscodeshift: jscodeshift && row !== jscodeshift ? jscodeshift.median / row.median : undefined }));
  console.log(textTable(table));
  markdown.push(`**${heading}**`, '', markdownTable(table), '');
  return { corpus, files, floor, scan, rows };
}

/**
 * Warm-cache scans: one after nothing changed, one after a one-file edit (the file is edited
 * before each run and restored at the end).
 */
function warmCacheRows(corpus, tool) {
  // One warm-up at least: it writes the cache the measured runs read.
  tool('ssot-migrate scan, warm cache, nothing changed', ['scan', '--format', 'json', '--cache'], { warmup: Math.max(1, warmupEach ?? 1) });
  const edited = firstCandidate(corpus);
  if (!edited) return;
  const original = fs.readFileSync(edited, 'utf8');
  let edits = 0;
  try {
    tool('ssot-migrate scan, warm cache, one file edited', ['scan', '--format', 'json', '--cache'], {
      warmup: Math.max(1, warmupEach ?? 1),
      before: () => fs.writeFileSync(edited, `${original}\n// bench edit ${++edits}\n`),
    });
  } finally {
    fs.writeFileSync(edited, original);
  }
}

function firstCandidate(corpus) {
  const terms = configTerms(corpus.config, corpus.repo).legacy;
  const stack = [corpus.repo];
  while (stack.length > 0) {
    const folder = stack.pop();
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? 1 : -1))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (/\.tsx?$/.test(entry.name) && terms.some((term) => fs.readFileSync(full, 'utf8').includes(term))) return full;
    }
  }
  return undefined;
}

/** The same rewrite as an ast-grep rule per language: a string in an import or export that names a legacy module. */
function astGrepRules(legacy, replacement) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = `^['"](?:.*/)?(?:${legacy.map(escape).join('|')})(?:\\.[cm]?[jt]sx?)?['"]$`;
  return ['TypeScript', 'Tsx']
    .map((language) =>
      [
        `id: legacy-import-${language.toLowerCase()}`,
        `language: ${language}`,
        'rule:',
        '  kind: string',
        `  regex: ${JSON.stringify(pattern)}`,
        '  inside: { any: [ { kind: import_statement }, { kind: export_statement } ] }',
        `fix: ${JSON.stringify(`'${replacement}'`)}`,
      ].join('\n'),
    )
    .join('\n---\n');
}

/** Cost growth between consecutive sizes: what the floor grew by, against what each tool row grew by. */
function printGrowth(results) {
  const lines = ['', 'Growth between sizes (median wall time; CPU of the median run):'];
  for (let index = 1; index < results.length; index++) {
    const before = results[index - 1];
    const after = results[index];
    lines.push(`  ${before.corpus.name} → ${after.corpus.name} (${before.files} → ${after.files} files):`);
    for (const row of after.rows) {
      const base = before.rows.find((candidate) => stripParsed(candidate.what) === stripParsed(row.what));
      if (!base) continue;
      const signed = (delta) => `${delta < 0 ? '−' : '+'}${duration(Math.abs(delta))}`;
      const cpu = row.cpu !== undefined && base.cpu !== undefined ? `; CPU ${duration(base.cpu)} → ${duration(row.cpu)} (${signed(row.cpu - base.cpu)})` : '';
      lines.push(
        `    ${stripParsed(row.what).padEnd(66)} ${duration(base.median).padStart(9)} → ${duration(row.median).padStart(9)}  (${signed(row.median - base.median)}, ×${(row.median / base.median).toFixed(2)})${cpu}`,
      );
    }
  }
  console.log(lines.join('\n'));
  markdown.push(...lines.map((line) => line.replace(/^ {4}/, '    ')), '');
}

function stripParsed(what) {
  return what.replace(/ \[\d+ parsed\]$/, '');
}

/**
 * The commands a person runs first, on a copy of the embedded example (110 files), each against
 * the floor of starting the CLI at all (`--version`) in the same session: on a shared machine the
 * multiple of the floor's CPU time means more than seconds.
 */
function benchExample() {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-bench-example-'));
  fs.cpSync(path.join(ROOT, 'examples', 'websocket-core'), copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
  // The type-check gate reads the example's type definitions (node, jest) from this package.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const commands = [['--version'], ['scan'], ['plan'], ['run', 'imports'], ['run', 'imports', '--no-verify'], ['run', 'signatures', '--no-verify']];
  const rows = [];
  try {
    for (const [index, command] of commands.entries()) {
      const result = measureProcess(process.execPath, [BIN, ...command, '--repo', copy, ...toolArgs], {
        runs,
        warmup: warmupEach ?? (index === 0 ? 1 : 0),
        budgetMs,
        label: `ssot-migrate ${command.join(' ')}`,
      });
      const what = `ssot-migrate ${command.join(' ')}${command[0] === 'run' ? ' (dry)' : ''}`;
      rows.push({ what, ...result });
      process.stdout.write('.');
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
  process.stdout.write('\n');
  const floor = rows[0];
  // CPU where GNU time measures it (less disturbed by other processes than wall time), else wall.
  const table = rows.map((row) => ({ ...row, xFloor: floor.cpu !== undefined && row.cpu !== undefined ? row.cpu / floor.cpu : row.median / floor.median }));
  const heading = `examples/websocket-core (node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end), × floor = ${floor.cpu !== undefined ? 'CPU (user+sys)' : 'wall time'} against \`--version\``;
  console.log(`\n${heading}\n${textTable(table)}`);
  markdown.push(`**${heading}**`, '', markdownTable(table), '');
  if (args.markdown) fs.writeFileSync(args.markdown, `${markdown.join('\n')}\n`);
}

/** The phases, read from the registry the CLI uses. */
async function registeredPhases() {
  try {
    const { PHASES } = await import(path.join(ROOT, 'dist', 'transforms', 'index.js'));
    return PHASES.map((entry) => entry.id);
  } catch (error) {
    console.error(`cannot read the phase registry (${error.message}); run \`npm run build\` first`);
    process.exit(2);
  }
}

function supportsCache() {
  const help = spawnSync(process.execPath, [BIN, 'scan', '--help'], { encoding: 'utf8' });
  return /--cache\b/.test(help.stdout ?? '');
}

function parseArgs(argv) {
  const parsed = {};
  for (let index = 0; index < argv.length; index++) {
    const match = /^--(no-)?([^=]+)(?:=(.*))?$/.exec(argv[index]);
    if (!match) continue;
    const [, negated, name, inline] = match;
    if (negated) parsed[`no-${name}`] = true;
    else if (inline !== undefined) parsed[name] = inline;
    else if (name === 'tool-args') parsed[name] = argv[++index] ?? '';
    else if (['verify'].includes(name) || argv[index + 1] === undefined || argv[index + 1].startsWith('--')) parsed[name] = true;
    else parsed[name] = argv[++index];
  }
  return parsed;
}
