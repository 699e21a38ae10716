#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`) as Markdown: the functions with the most
// self time, the functions with the most total time (self + callees, recursion counted once),
// and self time per source file, so a slow run says where its time goes without a profiler UI.
//
//   node scripts/bench/profile-summary.js PROFILE.cpuprofile [--top 25] [--root DIR]
//
// --root shortens paths under DIR (default: this checkout).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function summariseProfile(profile, { top = 25, root = checkout } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  // Self time per node: each sample is charged the delta to the next sample (V8's own convention).
  const selfMicros = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    const delta = deltas[index + 1] ?? 0;
    selfMicros.set(samples[index], (selfMicros.get(samples[index]) ?? 0) + Math.max(0, delta));
  }
  const totalMicros = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);

  const shorten = (url) => {
    if (!url) return '';
    const file = url.startsWith('file://') ? fileURLToPath(url) : url;
    return file.startsWith(`${root}/`) ? path.relative(root, file) : file;
  };
  const keyOf = (node) => {
    const frame = node.callFrame;
    return `${frame.functionName || '(anonymous)'} ${shorten(frame.url)}:${frame.lineNumber + 1}`;
  };

  const self = new Map();
  const total = new Map();
  const perFile = new Map();
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id);
    if (!node) continue;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + micros);
    const file = shorten(node.callFrame.url) || `(${node.callFrame.functionName || 'native'})`;
    perFile.set(file, (perFile.get(file) ?? 0) + micros);
    // Charge every distinct function on the stack once, so recursion is not counted twice.
    const seen = new Set();
    for (let cursor = id; cursor !== undefined; cursor = parentOf.get(cursor)) {
      const frameKey = keyOf(byId.get(cursor));
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      total.set(frameKey, (total.get(frameKey) ?? 0) + micros);
    }
  }

  const ms = (micros) => `${(micros / 1000).toFixed(0)} ms`;
  const share = (micros) => `${((100 * micros) / Math.max(1, totalMicros)).toFixed(1)}%`;
  const table = (title, entries) => [
    `### ${title}`,
    '',
    '| time | share | function (file:line) |',
    '|---:|---:|---|',
    ...[...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, micros]) => `| ${ms(micros)} | ${share(micros)} | \`${key}\` |`),
    '',
  ];
  return [
    `Sampled time: ${ms(totalMicros)} (${samples.length} samples).`,
    '',
    ...table(`Top ${top} functions by self time`, self),
    ...table(
      `Top ${top} functions by total time (self + callees)`,
      [...total].filter(([key]) => !key.startsWith('(root)')),
    ),
    ...table(`Top ${top} source files by self time`, perFile),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const options = {};
  let file;
  for (let index = 0; index < args.length; index++) {
    if (args[index].startsWith('--')) options[args[index].slice(2)] = args[++index];
    else file = args[index];
  }
  const option = (name) => options[name];
  if (!file) {
    process.stderr.write('usage: node scripts/bench/profile-summary.js PROFILE.cpuprofile [--top N] [--root DIR]\n');
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  process.stdout.write(`${summariseProfile(profile, { top: Number(option('top') ?? 25), root: path.resolve(option('root') ?? checkout) })}\n`);
}
