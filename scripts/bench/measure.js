// Timing for the benchmark: whole processes (wall, child CPU, peak RSS) and in-process work.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
/** GNU time reports the child's (and its waited-for descendants') CPU and the largest RSS among them. */
export const hasGnuTime = fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/**
 * Runs `command args` `runs` times after `warmup` unmeasured runs, output discarded.
 * Returns { median, min, max } wall milliseconds, cpu (user+sys ms of the median run), rss (max KB
 * over the runs), stderr of the last run, and the exit code. Throws when the exit code is not allowed.
 * `before` runs before every run, untimed. No further run starts once the measured runs took `budgetMs`.
 */
export function measureProcess(command, args, { runs, warmup = 1, budgetMs = Infinity, okCodes = [0, 1], cwd, before, label = [command, ...args].join(' ') }) {
  const usageFile = path.join(os.tmpdir(), `ssot-bench-usage-${process.pid}.txt`);
  const once = () => {
    before?.();
    const argv = hasGnuTime ? ['-f', '%U %S %M', '-o', usageFile, command, ...args] : args;
    const start = process.hrtime.bigint();
    const result = spawnSync(hasGnuTime ? GNU_TIME : command, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error) throw result.error;
    if (!okCodes.includes(result.status)) throw new Error(`${label} exited with ${result.status}:\n${result.stderr.slice(-3000)}`);
    let cpu;
    let rss;
    if (hasGnuTime) {
      // With a non-zero exit, GNU time writes "Command exited with non-zero status N" first.
      const last = fs.readFileSync(usageFile, 'utf8').trim().split('\n').pop() ?? '';
      const [user, system, maxRss] = last.split(' ').map(Number);
      cpu = (user + system) * 1000;
      rss = maxRss;
    }
    return { wall, cpu, rss, stderr: result.stderr, status: result.status };
  };
  for (let index = 0; index < warmup; index++) once();
  const samples = [];
  let spent = 0;
  while (samples.length < runs && (samples.length === 0 || spent < budgetMs)) {
    const sample = once();
    samples.push(sample);
    spent += sample.wall;
  }
  fs.rmSync(usageFile, { force: true });
  const summary = summarise(samples.map((sample) => sample.wall));
  // CPU of the run nearest the median (with an even count the median is between two runs).
  const median = samples.reduce((best, sample) => (Math.abs(sample.wall - summary.median) < Math.abs(best.wall - summary.median) ? sample : best));
  const rssValues = samples.map((sample) => sample.rss).filter((value) => value !== undefined);
  return {
    ...summary,
    cpu: median.cpu,
    rss: rssValues.length > 0 ? Math.max(...rssValues) : undefined,
    stderr: samples.at(-1).stderr,
    status: samples.at(-1).status,
    runs: samples.length,
  };
}

/** In-process work, `runs` times after one warm-up; the result of the last run is returned too. */
export function measureInProcess(work, { runs }) {
  let value = work();
  const times = [];
  for (let index = 0; index < runs; index++) {
    const start = process.hrtime.bigint();
    value = work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ...summarise(times), value, runs };
}

export function summarise(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}
