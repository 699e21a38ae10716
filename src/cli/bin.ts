// The process boundary: argv, streams and the exit code; everything else is `main`.
import { hideBin } from 'yargs/helpers';
import { main } from './main.js';

export function runFromProcess(): void {
  main(hideBin(process.argv), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ssot-migrate: internal error: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
