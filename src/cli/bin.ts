// The process boundary: argv, streams and the exit code; everything else is `main`.
import fs from 'node:fs';
import path from 'node:path';
import { hideBin } from 'yargs/helpers';
import { main } from './main.js';

/** Name and version from package.json, found from the bin script (bin/ → package root). */
function toolInfo(): { name: string; version: string; informationUri: string } {
  const bin = fs.realpathSync(process.argv[1] ?? '.');
  const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(bin), '..', 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: manifest.name, version: manifest.version, informationUri: 'https://github.com/ssot-migrate/ssot-migrate' };
}

export function runFromProcess(): void {
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
