// `--write` refuses to touch files with uncommitted changes: the user's work stays
// recoverable with git. A folder that is not a git work tree has nothing to check.
import { spawnSync } from 'node:child_process';

export function uncommittedFiles(repoRoot: string, files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: repoRoot, encoding: 'utf8' });
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return [];
  const status = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...files], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (status.status !== 0) return [];
  const prefix = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  const dirty = new Set<string>();
  for (const entry of status.stdout.split('\0')) {
    if (entry.length < 4) continue;
    const file = entry.slice(3);
    dirty.add(prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file);
  }
  return files.filter((file) => dirty.has(file));
}
