// Draws engine progress on stderr: a redrawn counter on a terminal, two plain lines otherwise
// (CI logs stay readable).
import type { ProgressEvent } from '../engine/run-engine.js';
import type { CliIo } from './io.js';

export function progressReporter(io: CliIo): (event: ProgressEvent) => void {
  const tty = Boolean(io.stderr.isTTY);
  let lastDraw = 0;
  return (event) => {
    if (event.type === 'start') {
      const what = event.phase === 'scan' ? 'scanning' : `running ${event.phase} on`;
      if (!tty) io.stderr.write(`${what} ${event.total} files…\n`);
    } else if (event.type === 'file' && tty) {
      const now = Date.now();
      if (now - lastDraw < 50 && event.done !== event.total) return;
      lastDraw = now;
      io.stderr.write(`\r\x1b[K[${event.done}/${event.total}] ${event.file}`);
    } else if (event.type === 'end') {
      const reused = event.reused > 0 ? ` (${event.reused} files unchanged since the cached scan)` : '';
      io.stderr.write(`${tty ? '\r\x1b[K' : ''}parsed ${event.parsed} candidate files${reused}\n`);
    }
  };
}
