// The streams a command writes to; tests hand in their own. Only the CLI layer knows them.
import type { ColorMode } from './options.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  /** NO_COLOR and FORCE_COLOR, read once by the bin. */
  env: Record<string, string | undefined>;
  /** --color: always or never decide alone; auto (the default) asks the environment and the terminal. */
  color?: ColorMode;
  /** Name and version from package.json, for reports that name their tool (SARIF). */
  tool: ToolInfo;
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri?: string;
  /** When this build of the tool was made: cached results of another build are not reused. */
  build?: string;
}

/** The one place that decides whether output is coloured. */
export function useColor(io: CliIo): boolean {
  if (io.color === 'always') return true;
  if (io.color === 'never') return false;
  // NO_COLOR (no-color.org: set and not empty) wins over FORCE_COLOR, which wins over the terminal.
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return Boolean(io.stdout.isTTY);
}

/**
 * `ssot-migrate scan | head -1`: once the reader has gone, the rest of the output has nowhere to
 * go. It is dropped quietly, and the command still finishes (a --write still writes) and exits
 * with its own code, instead of dying on an unhandled EPIPE with a stack trace.
 */
export function dropOutputOnceReaderIsGone(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}
