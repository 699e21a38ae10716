#!/usr/bin/env node
// Runs every phase on a temporary copy of a real repository and checks the promises:
//   patch  – the --patch of the dry run touches exactly the files the run changes, all inside the repo
//   apply  – `git apply` of that patch on a fresh copy gives the same tree as --write, byte for byte
//   parse  – every written file parses (TypeScript compiler API, ScriptKind per extension)
//   tsc    – `tsc --noEmit -p <tsconfig>` reports no new diagnostics (count and (file, code, message)),
//            following project references: each referenced project that contains files is checked
//   after  – after --write the phase has no fixable finding left, and its manual items are the predicted ones
//   idem   – a second dry run changes nothing (no diff, no patch)
//   skip   – no file the run skipped as unparsable is valid TypeScript
// Prints a summary table; exit 1 when a check fails, 2 on bad arguments.
//
//   npm run realworld -- <repo> <config> [--tsconfig PATH] [--no-tsc] [--keep] [--phases a,b]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'ssot-migrate.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TIME = '/usr/bin/time';
const require = createRequire(import.meta.url);

const USAGE = 'usage: npm run realworld -- <repo> <config> [--tsconfig PATH] [--no-tsc] [--keep] [--phases a,b] [--tsc-timeout SECONDS]';

function fail(message) {
  process.stderr.write(`realworld: ${message} (${USAGE.replace('usage: ', 'usage: ')})\n`);
  process.exit(2);
}

// ---------- arguments ----------
function parseArgs(argv) {
  const options = { tsc: true, keep: false, tsconfig: undefined, phases: undefined, tscTimeout: 1800 };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) fail(`${arg} needs a value`);
      i++;
      return next;
    };
    if (arg === '--no-tsc') options.tsc = false;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--tsconfig') options.tsconfig = value();
    else if (arg.startsWith('--tsconfig=')) options.tsconfig = arg.slice('--tsconfig='.length);
    else if (arg === '--phases') options.phases = value().split(',').filter(Boolean);
    else if (arg === '--tsc-timeout') {
      const seconds = Number(value());
      if (!Number.isFinite(seconds) || seconds <= 0) fail('--tsc-timeout: expected a positive number of seconds');
      options.tscTimeout = seconds;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length < 2) fail(positional.length === 0 ? 'missing <repo> and <config>' : 'missing <config>');
  if (positional.length > 2) fail(`unexpected argument ${positional[2]}`);
  const [repo, config] = positional.map((p) => path.resolve(p));
  if (!fs.existsSync(repo)) fail(`<repo> ${repo} does not exist`);
  if (!fs.statSync(repo).isDirectory()) fail(`<repo> ${repo} is not a directory`);
  if (!fs.existsSync(config)) fail(`<config> ${config} does not exist`);
  if (!fs.statSync(config).isFile()) fail(`<config> ${config} is not a file`);
  try {
    JSON.parse(fs.readFileSync(config, 'utf8'));
  } catch (error) {
    fail(`<config> ${config} is not valid JSON (${error.message})`);
  }
  if (path.relative(repo, config) === '' || !path.relative(repo, config).startsWith('..')) {
    // A config inside the repo would be copied and compared like any file; that is fine, just say so.
  }
  if (options.tsconfig !== undefined) {
    const rel = path.isAbsolute(options.tsconfig) ? path.relative(repo, options.tsconfig) : options.tsconfig;
    if (rel.startsWith('..')) fail(`--tsconfig ${options.tsconfig} is outside <repo>`);
    if (!fs.existsSync(path.join(repo, rel))) fail(`--tsconfig ${options.tsconfig}: no such file in <repo>`);
    options.tsconfig = rel;
  }
  for (const [label, file] of [
    ['the CLI', BIN],
    ['the built CLI (run npm run build)', path.join(ROOT, 'dist')],
    ['typescript', TSC],
  ]) {
    if (!fs.existsSync(file)) fail(`${label} not found at ${file}`);
  }
  if (!fs.existsSync(TIME)) fail(`${TIME} not found (needed to measure peak memory)`);
  return { repo, config, ...options };
}

// ---------- small helpers ----------
function sh(cmd, args, { cwd, timeoutMs, input } = {}) {
  const result = spawnSync(cmd, args, { cwd, input, encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error, signal: result.signal };
}

function git(cwd, ...args) {
  const result = sh(
    'git',
    ['-c', 'user.name=realworld', '-c', 'user.email=realworld@localhost', '-c', 'core.autocrlf=false', '-c', 'commit.gpgsign=false', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false', ...args],
    { cwd },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim() || result.stdout.trim()}`);
  return result.stdout;
}

/** Runs the CLI under /usr/bin/time: status, stdout, stderr, seconds, peak RSS in MB. */
function cli(args, scratch) {
  const timeFile = path.join(scratch, `time-${process.hrtime.bigint()}.txt`);
  const result = sh(TIME, ['-o', timeFile, '-f', '%e %M', process.execPath, BIN, ...args], { cwd: ROOT });
  let seconds = NaN;
  let peakMb = NaN;
  try {
    const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop();
    const [e, m] = last.split(' ');
    seconds = Number(e);
    peakMb = Number(m) / 1024;
  } catch {
    /* time could not write: leave NaN */
  }
  return { ...result, seconds, peakMb, args };
}

function copyTree(from, to) {
  fs.cpSync(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => {
      const base = path.basename(src);
      return base !== 'node_modules' && base !== '.git';
    },
  });
}

/** Every file under dir (relative, forward slashes), skipping .git and .ssot. */
function listFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (!rel && (entry.name === '.git' || entry.name === '.ssot')) continue;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** Differences between two trees: files only in one, and files whose bytes (or link target) differ. */
function compareTrees(a, b) {
  const filesA = listFiles(a);
  const filesB = listFiles(b);
  const setB = new Set(filesB);
  const setA = new Set(filesA);
  const diffs = [];
  for (const f of filesA) if (!setB.has(f)) diffs.push(`only in --write tree: ${f}`);
  for (const f of filesB) if (!setA.has(f)) diffs.push(`only in git-apply tree: ${f}`);
  for (const f of filesA) {
    if (!setB.has(f)) continue;
    const pa = path.join(a, f);
    const pb = path.join(b, f);
    const la = fs.lstatSync(pa);
    const lb = fs.lstatSync(pb);
    if (la.isSymbolicLink() || lb.isSymbolicLink()) {
      if (!(la.isSymbolicLink() && lb.isSymbolicLink() && fs.readlinkSync(pa) === fs.readlinkSync(pb))) diffs.push(`symlink differs: ${f}`);
      continue;
    }
    if (la.size !== lb.size || !fs.readFileSync(pa).equals(fs.readFileSync(pb))) diffs.push(`content differs: ${f}`);
    else if ((la.mode & 0o111) !== (lb.mode & 0o111)) diffs.push(`mode differs: ${f}`);
  }
  return diffs;
}

/** Files a unified git patch touches: { path, kind: 'modify'|'add'|'delete'|'rename' }. */
function patchFiles(text) {
  const files = [];
  let current;
  for (const line of text.split('\n')) {
    const header = /^diff --git a\/(.+?) b\/(.+)$/.exec(line);
    if (header) {
      current = { path: header[2], from: header[1], kind: header[1] === header[2] ? 'modify' : 'rename' };
      files.push(current);
      continue;
    }
    if (!current) {
      // A patch without `diff --git` headers: take the +++ lines.
      const plus = /^\+\+\+ b\/(.+)$/.exec(line);
      if (plus) files.push({ path: plus[1], from: plus[1], kind: 'modify' });
      continue;
    }
    if (line.startsWith('new file mode')) current.kind = 'add';
    else if (line.startsWith('deleted file mode')) current.kind = 'delete';
  }
  return files;
}

// ---------- parsing with the TypeScript compiler API ----------
const ts = require(path.join(ROOT, 'node_modules', 'typescript'));

function scriptKindOf(file) {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return ts.ScriptKind.TS;
  if (lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs')) return ts.ScriptKind.JS;
  if (lower.endsWith('.json')) return ts.ScriptKind.JSON;
  return undefined;
}

/** Parse errors of one file's text: [] when it parses; undefined when the extension is not source. */
function parseErrors(file, text) {
  const kind = scriptKindOf(file);
  if (kind === undefined) return undefined;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  return (source.parseDiagnostics ?? []).map((d) => {
    const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
    return `${file}:${line + 1}:${character + 1} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

// ---------- tsc ----------
/**
 * `tsc --noEmit` over the projects `tsconfig` stands for: itself when it contains files, and every
 * project it references (nested references and `extends` followed, as the type-check gate does).
 * When there are references, each project is checked through a config that extends it without
 * them (and without composite/incremental), so imports of the projects it references are read
 * from their sources, as an editor reads them, not from build outputs that do not exist, and no
 * .tsbuildinfo is written into the copy; that config is removed before anything else runs.
 */
async function runTsc(cwd, tsconfig, timeoutSeconds, scratch) {
  const { readTsProjects } = await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'engine', 'tsconfig-projects.js')).href);
  let projects;
  try {
    projects = readTsProjects(ts, path.resolve(cwd, tsconfig), cwd).filter((project) => project.files.size > 0);
  } catch (error) {
    return { error: error.message, seconds: NaN };
  }
  const total = { diagnostics: [], seconds: 0, projects: projects.length };
  const followed = projects.length !== 1 || (projects[0].commandLine.projectReferences ?? []).length > 0;
  for (const project of projects) {
    let checked = project.configFile;
    if (followed) {
      checked = path.join(path.dirname(project.configFile), `tsconfig.realworld-${process.pid}.json`);
      const compilerOptions = { composite: false, incremental: false, noEmit: true, rootDir: cwd };
      fs.writeFileSync(checked, JSON.stringify({ extends: project.configFile, compilerOptions, references: [] }));
    }
    try {
      const result = runTscProject(cwd, path.relative(cwd, checked), timeoutSeconds, scratch);
      if (result.error) return { error: `${path.relative(cwd, project.configFile)}: ${result.error}`, seconds: total.seconds + result.seconds };
      total.diagnostics.push(...result.diagnostics);
      total.seconds += result.seconds;
    } finally {
      if (checked !== project.configFile) fs.rmSync(checked, { force: true });
    }
  }
  return total;
}

function runTscProject(cwd, tsconfig, timeoutSeconds, scratch) {
  const timeFile = path.join(scratch, `tsc-time-${process.hrtime.bigint()}.txt`);
  const result = sh(TIME, ['-o', timeFile, '-f', '%e %M', process.execPath, '--max-old-space-size=8192', TSC, '--noEmit', '--pretty', 'false', '-p', tsconfig], {
    cwd,
    timeoutMs: timeoutSeconds * 1000,
  });
  let seconds = NaN;
  try {
    seconds = Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ')[0]);
  } catch {
    /* ignore */
  }
  if (result.error || result.signal) return { error: result.signal ? `tsc killed (${result.signal}) after ${timeoutSeconds}s` : String(result.error), seconds };
  // tsc exits 0 (clean), 1 or 2 (diagnostics); anything printed to stderr without diagnostics is a crash.
  const diagnostics = [];
  let current;
  for (const line of result.stdout.split('\n')) {
    const located = /^(.+?)\((\d+),(\d+)\): (error|warning|message) (TS\d+): (.*)$/.exec(line);
    const global = /^(error|warning|message) (TS\d+): (.*)$/.exec(line);
    if (located) {
      current = { file: located[1], line: Number(located[2]), code: located[5], message: located[6] };
      diagnostics.push(current);
    } else if (global) {
      current = { file: '', line: 0, code: global[2], message: global[3] };
      diagnostics.push(current);
    } else if (current && line.startsWith('  ')) {
      current.message += `\n${line}`;
    }
  }
  if (diagnostics.length === 0 && result.status !== 0) return { error: `tsc exited ${result.status}: ${(result.stderr || result.stdout).trim().split('\n').slice(0, 3).join(' | ')}`, seconds };
  return { diagnostics, seconds };
}

// tsc's spelling suggestions depend on checking order: TS2552 "Cannot find name 'X'. Did you mean 'Y'?"
// and TS2304 "Cannot find name 'X'." are the same diagnostic for this comparison.
const diagKey = (d) => {
  const code = d.code === 'TS2552' ? 'TS2304' : d.code;
  const message = d.message.replace(/ Did you mean '[^']*'\?$/, '');
  return `${d.file}\0${code}\0${message}`;
};

/** Diagnostics of `after` that `before` does not have, as a multiset on (file, code, message). */
function newDiagnostics(before, after) {
  const counts = new Map();
  for (const d of before) counts.set(diagKey(d), (counts.get(diagKey(d)) ?? 0) + 1);
  const added = [];
  for (const d of after) {
    const n = counts.get(diagKey(d)) ?? 0;
    if (n > 0) counts.set(diagKey(d), n - 1);
    else added.push(d);
  }
  return added;
}

// ---------- findings ----------
function findingCounts(report, phase, which) {
  let fixable = 0;
  let manual = 0;
  for (const file of report.files ?? []) {
    for (const f of file[which] ?? []) {
      if (f.phase !== phase) continue;
      if (f.fixable) fixable++;
      else manual++;
    }
  }
  return { fixable, manual };
}

const findingKey = (f) => `${f.file}\0${f.kind}\0${f.message}\0${f.reason ?? ''}`;

function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what}: the CLI did not print JSON (${error.message}): ${text.slice(0, 200)}`, { cause: error });
  }
}

// ---------- the run ----------
async function builtPhases() {
  const mod = await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'engine', 'phases.js')).href);
  return mod.phaseIdsOf();
}

function fmtMb(mb) {
  return Number.isFinite(mb) ? `${Math.round(mb)} MB` : '?';
}
function fmtS(s) {
  return Number.isFinite(s) ? `${s.toFixed(1)} s` : '?';
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => `| ${r.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const MAX_LISTED = 15;
function listSome(items) {
  const shown = items.slice(0, MAX_LISTED).map((i) => `      ${String(i).replace(/\n/g, '\n      ')}`);
  if (items.length > MAX_LISTED) shown.push(`      … and ${items.length - MAX_LISTED} more`);
  return shown.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const built = await builtPhases();
  let phases = built;
  if (options.phases) {
    const unknown = options.phases.filter((p) => !built.includes(p));
    if (unknown.length) fail(`--phases: ${unknown.join(', ')} not built (built: ${built.join(', ')})`);
    phases = built.filter((p) => options.phases.includes(p));
  }
  if (phases.length === 0) fail('no phase to run');

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-realworld-'));
  const work = path.join(scratch, 'write'); // gets --write
  const fresh = path.join(scratch, 'apply'); // gets git apply
  const log = (message) => process.stderr.write(`realworld: ${message}\n`);
  log(`copying ${options.repo} to ${work}`);
  copyTree(options.repo, work);
  git(work, 'init', '-q');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '--allow-empty', '--no-verify', '-m', 'realworld: original');
  fs.cpSync(work, fresh, { recursive: true, verbatimSymlinks: true });
  const sourceCommit = sh('git', ['rev-parse', 'HEAD'], { cwd: options.repo });

  let tsconfig = options.tsconfig ?? (fs.existsSync(path.join(work, 'tsconfig.json')) ? 'tsconfig.json' : undefined);
  let tscNote = '';
  if (!options.tsc) tscNote = 'skipped (--no-tsc)';
  else if (!tsconfig) tscNote = 'skipped: no tsconfig.json at the root (pass --tsconfig PATH)';

  let tscBefore;
  if (options.tsc && tsconfig) {
    log(`tsc --noEmit -p ${tsconfig} (before)`);
    tscBefore = await runTsc(work, tsconfig, options.tscTimeout, scratch);
    if (tscBefore.error) {
      tscNote = `could not run before: ${tscBefore.error}`;
      tscBefore = undefined;
    } else log(`  ${tscBefore.diagnostics.length} diagnostics in ${tscBefore.projects} project(s) in ${fmtS(tscBefore.seconds)}`);
  }

  const results = [];
  const checkRows = [];
  let anyFail = false;
  const check = (phase, name, ok, detail, items = []) => {
    const status = ok === undefined ? 'SKIP' : ok ? 'PASS' : 'FAIL';
    if (ok === false) anyFail = true;
    checkRows.push([phase, name, status, detail]);
    if (ok === false && items.length) log(`FAIL ${phase} ${name}: ${detail}\n${listSome(items)}`);
  };

  for (const phase of phases) {
    const row = { phase };
    results.push(row);
    const base = ['run', phase, '--repo', work, '--config', options.config];
    const patchFile = path.join(scratch, `${phase}.patch`);

    // (1) dry run with --patch (JSON on stdout for the counts)
    log(`${phase}: dry run with --patch`);
    const dry = cli([...base, '--patch', patchFile, '--format', 'json'], scratch);
    row.dry = dry;
    if (dry.status !== 0 && dry.status !== 1) {
      check(phase, 'dry run', false, `exit ${dry.status}: ${dry.stderr.trim().split('\n')[0]}`);
      continue;
    }
    const report = parseJson(dry.stdout, `${phase} dry run`);
    const dirty = git(work, 'status', '--porcelain', '--untracked-files=all')
      .split('\n')
      .filter((l) => l && !/ \.ssot\//.test(l));
    check(phase, 'dry run writes nothing', dirty.length === 0, dirty.length ? `${dirty.length} files changed by a dry run` : 'tree unchanged', dirty);
    row.scanned = report.filesScanned;
    row.parsed = report.filesParsed;
    const changedFiles = report.files.filter((f) => f.status === 'changed' || f.status === 'deleted');
    row.changed = changedFiles.length;
    row.before = findingCounts(report, phase, 'findingsBefore');
    row.predicted = findingCounts(report, phase, 'findingsAfter');
    const skipped = report.files.filter((f) => f.status === 'skipped' || f.status === 'error');
    row.skipped = skipped.length;

    // skip: a file the tool could not handle must really be broken
    const validSkipped = [];
    for (const f of skipped) {
      const errors = parseErrors(f.file, fs.readFileSync(path.join(work, f.file), 'utf8'));
      if (errors && errors.length === 0) validSkipped.push(`${f.file}: ${f.status} (${(f.error ?? '').split('\n')[0]}) but TypeScript parses it`);
    }
    check(phase, 'skipped files are really broken', validSkipped.length === 0, `${skipped.length} skipped, ${validSkipped.length} of them valid TypeScript`, validSkipped);

    // (2) the patch touches exactly the changed files, all inside the repo
    const patchText = fs.existsSync(patchFile) ? fs.readFileSync(patchFile, 'utf8') : '';
    const touched = patchFiles(patchText);
    const problems = [];
    const expected = new Set(changedFiles.map((f) => f.file));
    const seen = new Set();
    for (const t of touched) {
      for (const p of new Set([t.path, t.from])) {
        const resolved = path.resolve(work, p);
        if (path.isAbsolute(p) || path.relative(work, resolved).startsWith('..')) problems.push(`${p}: outside the repo`);
        else if (t.kind !== 'add' && !fs.existsSync(resolved)) problems.push(`${p}: touched by the patch but not in the repo`);
        else if (t.kind === 'modify' && fs.lstatSync(resolved).isSymbolicLink()) problems.push(`${p}: a symlink`);
      }
      if (seen.has(t.path)) problems.push(`${t.path}: twice in the patch`);
      seen.add(t.path);
      if (!expected.has(t.path)) problems.push(`${t.path}: in the patch but not reported changed`);
      else {
        const reported = changedFiles.find((f) => f.file === t.path);
        if ((reported.status === 'deleted') !== (t.kind === 'delete')) problems.push(`${t.path}: reported ${reported.status}, patch says ${t.kind}`);
      }
    }
    for (const f of expected) if (!seen.has(f)) problems.push(`${f}: reported changed but not in the patch`);
    const applyCheck = patchText ? sh('git', ['apply', '--check', patchFile], { cwd: fresh }) : { status: 0, stderr: '' };
    if (applyCheck.status !== 0) problems.push(`git apply --check: ${applyCheck.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
    check(phase, 'patch touches the changed files', problems.length === 0, `${touched.length} files in patch, ${expected.size} reported`, problems);

    // (3) git apply on the fresh copy
    let applied;
    if (patchText) {
      const apply = sh('git', ['apply', '--whitespace=nowarn', patchFile], { cwd: fresh });
      applied = apply.status === 0;
      check(phase, 'git apply', applied, applied ? 'applied' : apply.stderr.trim().split('\n')[0], apply.stderr.trim().split('\n'));
    } else {
      applied = true;
      check(phase, 'git apply', true, 'empty patch');
    }

    // (4) --write on the first copy, then compare the trees byte for byte
    log(`${phase}: --write`);
    const write = cli([...base, '--write'], scratch);
    row.write = write;
    const writeOk = write.status === 0 || (write.status === 1 && skipped.length > 0);
    check(phase, '--write exit code', writeOk, `exit ${write.status}${writeOk ? '' : `: ${write.stderr.trim().split('\n')[0]}`}`);
    const treeDiffs = compareTrees(work, fresh);
    check(phase, 'git apply == --write', treeDiffs.length === 0 && applied, treeDiffs.length ? `${treeDiffs.length} files differ` : 'identical', treeDiffs);

    // what --write actually changed, per git
    const written = git(work, 'status', '--porcelain', '--untracked-files=all', '-z')
      .split('\0')
      .filter(Boolean)
      .map((l) => ({ code: l.slice(0, 2), file: l.slice(3) }))
      .filter((e) => !e.file.startsWith('.ssot/'));
    row.written = written.length;

    // (5) every written file parses (and did the original parse? then it must still)
    const parseFailures = [];
    let parsedCount = 0;
    for (const { code, file } of written) {
      if (code.includes('D')) continue;
      const text = fs.readFileSync(path.join(work, file), 'utf8');
      const errors = parseErrors(file, text);
      if (errors === undefined) continue;
      parsedCount++;
      if (errors.length === 0) continue;
      const original = sh('git', ['show', `HEAD:${file}`], { cwd: work });
      const before = original.status === 0 ? parseErrors(file, original.stdout) : [];
      if (before.length === 0) parseFailures.push(...errors.slice(0, 3));
    }
    check(phase, 'written files parse', parseFailures.length === 0, `${parsedCount} written files parsed, ${parseFailures.length} errors`, parseFailures);

    // (6) tsc before vs after
    if (tscBefore) {
      log(`${phase}: tsc --noEmit -p ${tsconfig} (after)`);
      const after = await runTsc(work, tsconfig, options.tscTimeout, scratch);
      if (after.error) check(phase, 'tsc no new diagnostics', false, after.error);
      else {
        const added = newDiagnostics(tscBefore.diagnostics, after.diagnostics);
        const removed = newDiagnostics(after.diagnostics, tscBefore.diagnostics);
        row.tsc = { before: tscBefore.diagnostics.length, after: after.diagnostics.length, seconds: after.seconds };
        check(
          phase,
          'tsc no new diagnostics',
          added.length === 0 && after.diagnostics.length <= tscBefore.diagnostics.length,
          `${tscBefore.diagnostics.length} → ${after.diagnostics.length} (${added.length} new, ${removed.length} gone)`,
          added.map((d) => `${d.file}(${d.line}): ${d.code} ${d.message}`),
        );
        tscBefore = after; // the next phase compares against this one
      }
    } else check(phase, 'tsc no new diagnostics', undefined, tscNote);

    // (7) a second run changes nothing; what is left is what the first run predicted
    log(`${phase}: second dry run`);
    const patch2 = path.join(scratch, `${phase}.second.patch`);
    const second = cli([...base, '--patch', patch2], scratch);
    row.second = second;
    const hunks = second.stdout.split('\n').filter((l) => /^(diff --git|@@ |\+\+\+ |--- a\/)/.test(l));
    const patch2Text = fs.existsSync(patch2) ? fs.readFileSync(patch2, 'utf8') : '';
    const idemOk = (second.status === 0 || second.status === 1) && hunks.length === 0 && patch2Text.trim() === '';
    check(
      phase,
      'second run changes nothing',
      idemOk,
      idemOk ? 'no diff' : `exit ${second.status}, ${patchFiles(patch2Text).length} files in the second patch`,
      patchFiles(patch2Text).map((f) => f.path),
    );
    const secondJson = cli([...base, '--format', 'json'], scratch);
    if (secondJson.status === 0 || secondJson.status === 1) {
      const again = parseJson(secondJson.stdout, `${phase} second run`);
      row.after = findingCounts(again, phase, 'findingsBefore');
      const predicted = new Set(report.files.flatMap((f) => f.findingsAfter.filter((x) => x.phase === phase)).map(findingKey));
      const actual = again.files.flatMap((f) => f.findingsBefore.filter((x) => x.phase === phase));
      const fixableLeft = actual.filter((f) => f.fixable).map((f) => `${f.file}:${f.line}:${f.column} ${f.kind}: ${f.message}`);
      const unpredicted = actual.filter((f) => !f.fixable && !predicted.has(findingKey(f))).map((f) => `${f.file}:${f.line}:${f.column} ${f.kind}: ${f.message}`);
      check(phase, 'after --write: no fixable left', fixableLeft.length === 0, `${row.after.fixable} fixable, ${row.after.manual} manual (predicted ${row.predicted.manual})`, [
        ...fixableLeft,
        ...unpredicted.map((u) => `unpredicted manual: ${u}`),
      ]);
    } else check(phase, 'after --write: no fixable left', false, `second run exit ${secondJson.status}: ${secondJson.stderr.trim().split('\n')[0]}`);

    // next phase starts from a committed tree on both sides
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '--allow-empty', '--no-verify', '-m', `realworld: ${phase}`);
  }

  // ---------- summary ----------
  const out = [];
  out.push('');
  out.push(`repo:   ${options.repo}${sourceCommit.status === 0 ? ` @ ${sourceCommit.stdout.trim()}` : ''}`);
  out.push(`config: ${options.config}`);
  out.push(`copies: ${work} (--write), ${fresh} (git apply)`);
  out.push(`tsc:    ${tscNote || `-p ${tsconfig}`}`);
  out.push('');
  const rows = [['phase', 'in scope', 'parsed', 'changed', 'skipped', 'findings before → after (fixable/manual)', 'tsc diags before → after', 'dry', 'write', '2nd run', 'peak mem']];
  for (const r of results) {
    const fa = (c) => (c ? `${c.fixable}/${c.manual}` : '?');
    rows.push([
      r.phase,
      r.scanned ?? '?',
      r.parsed ?? '?',
      r.changed ?? '?',
      r.skipped ?? '?',
      `${fa(r.before)} → ${fa(r.after)}`,
      r.tsc ? `${r.tsc.before} → ${r.tsc.after}` : '-',
      fmtS(r.dry?.seconds),
      fmtS(r.write?.seconds),
      fmtS(r.second?.seconds),
      fmtMb(Math.max(...[r.dry, r.write, r.second].filter(Boolean).map((x) => x.peakMb))),
    ]);
  }
  out.push(table(rows));
  out.push('');
  out.push(table([['phase', 'check', 'result', 'detail'], ...checkRows]));
  out.push('');
  out.push(anyFail ? 'FAIL' : 'PASS');
  process.stdout.write(`${out.join('\n')}\n`);
  if (!options.keep && !anyFail) fs.rmSync(scratch, { recursive: true, force: true });
  else process.stderr.write(`realworld: copies kept in ${scratch}\n`);
  process.exit(anyFail ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`realworld: ${error.message}\n`);
  process.exit(2);
});
