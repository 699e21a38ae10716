// Draws engine progress on stderr: a redrawn counter on a terminal, two plain lines otherwise
// (CI logs stay readable).
import type { ProgressEvent } from '../engine/run-engine.js';
import type { GateProgressEvent } from '../engine/type-check-gate.js';
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

/** Draws the type-check gate's progress the same way: "type-checking 12 files…", then a counter. */
export function gateProgressReporter(io: CliIo): (event: GateProgressEvent) => void {
  const tty = Boolean(io.stderr.isTTY);
  let lastDraw = 0;
  return (event) => {
    if (event.type === 'type-check-start') {
      const projects = event.projects > 1 ? ` in ${event.projects} projects` : '';
      const again = event.round > 0 ? ' again without the blocked changes' : '';
      io.stderr.write(`${tty ? '\r\x1b[K' : ''}type-checking ${event.files} file${event.files === 1 ? '' : 's'}${projects}${again}…\n`);
    } else if (event.type === 'type-check-file' && tty) {
      const now = Date.now();
      if (now - lastDraw < 50 && event.done !== event.total) return;
      lastDraw = now;
      io.stderr.write(`\r\x1b[K[${event.done}/${event.total}] ${event.file}`);
    } else if (event.type === 'type-check-end' && tty) {
      io.stderr.write('\r\x1b[K');
    }
  };
}
