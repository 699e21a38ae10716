// The JSON report: the result as data, with counts, minus the new file texts (which belong
// to --write, not to a report). Stable key order and file order for diffs between runs. Every
// path in it is repo-relative: a report passed around or archived by CI names no one's disk.
import type { RunResult } from '../result/types.js';
import { allFindings, countByKind, filesWithStatus } from '../result/counts.js';

/** The version of this report's shape: raised when a field changes meaning or goes away, so a reader can refuse a shape it does not know. */
const JSON_SCHEMA_VERSION = 2;

export function renderJson(result: RunResult): string {
  const findings = allFindings(result);
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    command: result.command,
    phases: result.phases,
    ...(result.shard ? { shard: result.shard } : {}),
    filesScanned: result.filesScanned,
    filesParsed: result.filesParsed,
    filesNotParsed: filesWithStatus(result, 'not-parsed').length,
    counts: countByKind(findings),
    ...(result.notices ? { notices: result.notices } : {}),
    files: result.files
      .filter((file) => file.status !== 'unchanged' || file.findingsBefore.length > 0 || file.mentions.length > 0)
      // A deletion's reason stays only on a file still deleted (the gate or a held-back run may keep it).
      .map(({ newText: _newText, deletion, ...file }) => (deletion && file.status === 'deleted' ? { ...file, deletion } : file)),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
