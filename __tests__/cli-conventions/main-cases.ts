// `main(argv, io)` in this process with made-up streams (a terminal or a pipe, with their width)
// and environment, so a test can say exactly what the CLI sees; no build, no child process.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';
import { ROOT, type CliResult } from '../helpers/cli-repo';

export interface MainCase {
  argv: string[];
  /** The environment `main` sees (NO_COLOR, FORCE_COLOR); empty unless given. */
  env?: Record<string, string>;
  /** Whether stdout and stderr claim to be a terminal. */
  tty?: boolean;
  cwd?: string;
}

export const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

class Collector extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

export async function runMain(entry: MainCase): Promise<CliResult> {
  const stdout = new Collector(entry.tty ?? false);
  const stderr = new Collector(entry.tty ?? false);
  const status = await main(entry.argv, { stdout, stderr, cwd: entry.cwd ?? ROOT, env: entry.env ?? {}, tool: { name: 'ssot-migrate', version: PACKAGE_VERSION } });
  return { status, stdout: stdout.text, stderr: stderr.text };
}
