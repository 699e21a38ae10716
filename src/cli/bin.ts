// The process boundary: argv, streams and the exit code; everything else is `main`.
import fs from 'node:fs';
import path from 'node:path';
import { hideBin } from 'yargs/helpers';
import { main } from './main.js';
import { dropOutputOnceReaderIsGone, type ToolInfo } from './io.js';

/** Name and version from package.json, found from the bin script (bin/ → package root). */
function toolInfo(): ToolInfo {
  const bin = fs.realpathSync(process.argv[1] ?? '.');
  const root = path.join(path.dirname(bin), '..');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  // Every build rewrites the compiled engine: its time tells builds of one version apart.
  const build = String(fs.statSync(path.join(root, 'dist', 'src', 'engine', 'run-engine.js'), { throwIfNoEntry: false })?.mtimeMs ?? '');
  return { name: manifest.name, version: manifest.version, informationUri: 'https://github.com/ssot-migrate/ssot-migrate', build };
}

export function runFromProcess(): void {
  dropOutputOnceReaderIsGone(process.stdout);
  dropOutputOnceReaderIsGone(process.stderr);
  main(hideBin(process.argv), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, tool: toolInfo() }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ssot-migrate: internal error: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
