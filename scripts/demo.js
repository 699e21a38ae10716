#!/usr/bin/env node
// `npm run demo`: the whole phase-1 migration on a temporary copy of the embedded example —
// scan, dry run, write, scan again, then type-check and test the migrated copy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples', 'websocket-core');
const bin = path.join(root, 'bin', 'ssot-migrate.js');

const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-demo-'));
fs.cpSync(example, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
// The copy borrows this package's TypeScript, jest and type definitions.
fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
fs.writeFileSync(path.join(copy, '.gitignore'), 'node_modules\n');

const step = (title) => process.stdout.write(`\n\x1b[1m== ${title}\x1b[0m\n`);
const run = (command, args, { allowFailure = false } = {}) => {
  process.stdout.write(`$ ${[command, ...args].map((part) => part.replace(root, '.').replace(copy, '<copy>')).join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: copy, stdio: 'inherit' });
  if (result.status !== 0 && !allowFailure) {
    process.stderr.write(`demo: the step above failed (exit ${result.status}); the copy is at ${copy}\n`);
    process.exit(1);
  }
  return result.status;
};
const git = (...args) => spawnSync('git', args, { cwd: copy, stdio: 'ignore' });

git('init', '-q');
git('add', '-A');
git('-c', 'user.name=demo', '-c', 'user.email=demo@example.com', 'commit', '-qm', 'websocket-core before the migration');

step('1. What is left to migrate (scan)');
run('node', [bin, 'scan', '--repo', copy], { allowFailure: true });
step('2. The plan');
run('node', [bin, 'plan', '--repo', copy]);
step('3. Phase 1, imports: the dry run (nothing is written)');
run('node', [bin, 'run', 'imports', '--repo', copy, '--patch', path.join(copy, '.ssot', 'imports.patch')], { allowFailure: true });
step('4. Phase 1, imports: --write');
run('node', [bin, 'run', 'imports', '--repo', copy, '--write'], { allowFailure: true });
step('5. Scan again: phase 1 is down to its manual items');
run('node', [bin, 'scan', '--repo', copy], { allowFailure: true });
step('6. The migrated copy still type-checks');
run('node', [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(copy, 'tsconfig.json'), '--noEmit']);
step('7. ...and its own tests still pass');
run('node', [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--rootDir', copy, '--silent']);

process.stdout.write(`\nThe migrated copy is at ${copy} (a git repo: \`git -C ${copy} diff HEAD\` shows the migration).\n`);
