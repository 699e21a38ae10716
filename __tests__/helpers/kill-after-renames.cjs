// Preloaded into a CLI process (`node --require`) to interrupt its --write at a chosen point
// without racing it: after the Nth file renamed into place, the process sends itself SIGTERM.
// The CLI stops catching signals once its renames begin, so the signal ends it at once.
const fs = require('node:fs');

const limit = Number(process.env.SSOT_TEST_KILL_AFTER_RENAMES);
const renameSync = fs.renameSync;
let renamed = 0;

fs.renameSync = function renameThenMaybeDie(from, to) {
  renameSync(from, to);
  if (String(to).endsWith('.ts') && ++renamed === limit) process.kill(process.pid, 'SIGTERM');
};
