#!/usr/bin/env node
// `npm run demo`: the whole migration on a temporary copy of the embedded example. Scan and plan,
// then each phase in order: its dry run, --write, a commit, and a type-check and test run of the
// copy. At the end the per-thread isolation test, which documents the shared-manager bug, is
// enabled and passes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples', 'websocket-core');
const bin = path.join(root, 'bin', 'ssot-migrate.js');
const PHASES = ['imports', 'facades', 'signatures', 'factories'];

const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-demo-'));
fs.cpSync(example, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
// The copy borrows this package's TypeScript, jest and type definitions.
fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
fs.writeFileSync(path.join(copy, '.gitignore'), 'node_modules\n');

const step = (title) => process.stdout.write(`\n\x1b[1m== ${title}\x1b[0m\n`);
const run = (command, args, { allowFailure = false, quiet = false } = {}) => {
  process.stdout.write(`$ ${[command, ...args].map((part) => part.replace(root, '.').replace(copy, '<copy>')).join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: copy, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (result.status !== 0 && !allowFailure) {
    process.stderr.write(`demo: the step above failed (exit ${result.status}); the copy is at ${copy}\n`);
    process.exit(1);
  }
  return result.status;
};
const git = (...args) => spawnSync('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.com', ...args], { cwd: copy, stdio: 'ignore' });
const typeCheckAndTest = () => {
  run('node', [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(copy, 'tsconfig.json'), '--noEmit']);
  run('node', [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--rootDir', copy, '--silent']);
};

// Until phase 4 the isolation test is `test.failing` (it documents the bug); after it, it must pass.
const isolation = path.join(copy, 'tests', 'integration', 'thread_isolation.test.ts');
function enableIsolationTest() {
  fs.writeFileSync(isolation, fs.readFileSync(isolation, 'utf8').replace('test.failing(', 'test('));
}

git('init', '-q');
git('add', '-A');
git('commit', '-qm', 'websocket-core before the migration');

step('What is left to migrate (scan)');
run('node', [bin, 'scan', '--repo', copy], { allowFailure: true });
step('The plan');
run('node', [bin, 'plan', '--repo', copy]);

PHASES.forEach((phase, index) => {
  step(`Phase ${index + 1}, ${phase}: the dry run (nothing is written; the diff is saved to .ssot/${phase}.patch)`);
  // The diff itself is long: it is in the patch file; the summary and manual items are printed.
  run('node', [bin, 'run', phase, '--repo', copy, '--patch', path.join(copy, '.ssot', `${phase}.patch`)], { allowFailure: true, quiet: true });
  step(`Phase ${index + 1}, ${phase}: --write, then the copy still type-checks and passes its tests`);
  run('node', [bin, 'run', phase, '--repo', copy, '--write'], { allowFailure: true });
  git('add', '-A');
  git('commit', '-qm', `ssot-migrate run ${phase} --write`);
  if (phase === 'factories') enableIsolationTest();
  typeCheckAndTest();
});

step('Scan again: every phase is down to its manual items');
run('node', [bin, 'scan', '--repo', copy], { allowFailure: true });

step('The per-thread isolation test, which documented the shared-manager bug, passes');
run('node', [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--rootDir', copy, '--silent', '--verbose', isolation]);

process.stdout.write(`\nThe migrated copy is at ${copy}: a git repo with one commit per phase (\`git -C ${copy} log --stat\`).\n`);
