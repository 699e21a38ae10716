// A component file (Vue, Svelte, Astro) through the phases: each code block goes through them as
// a module of its own, named like the file with its language's extension (`Button.vue.ts`, see
// embeddedModules), so it is parsed as what it is and resolves its imports from the file's
// folder. Findings point back into the real file, and rewritten blocks are put back in place:
// every byte outside the blocks stays as it was. Kinds the toolkit does not read are counted as
// not parsed, with why.
import type { FileResult, Finding, Mention } from '../result/types.js';
import type { ProjectServices } from '../phase-api/define-phase.js';
import { embeddedKindOf, embeddedModules, findScriptBlocks, type EmbeddedKind, type ScriptBlock } from './embedded-scripts.js';
import { createPatch } from './patch.js';
import { contentHash } from './atomic-file.js';

export type FileOutcome = { file?: FileResult; parsed: boolean };

/** What is asked of the run's phases here: whether a text may matter to them (the engine's PreparedPhase fits). */
type Prefilter = ReadonlyArray<{ phase: { mayMatter(text: string, state: never, file: string): boolean }; state: unknown }>;

/** One block's code through the phases, as `processText` takes a module's. */
export type ProcessModule = (virtualFile: string, code: string) => FileOutcome;

export function processEmbedded(file: string, text: string, kind: EmbeddedKind, phases: Prefilter, processModule: ProcessModule): FileOutcome {
  const found = embeddedModules(file, text, kind);
  if ('problem' in found) return notParsed(file, text, found.problem, phases);
  const results = found.modules.map(({ name, block, code }) => {
    const outcome = processModule(name, code);
    return { block, result: outcome.file && toRealFile(outcome.file, file, name, block), parsed: outcome.parsed };
  });
  const parsed = results.some((entry) => entry.parsed);
  const withResult = results.filter((entry) => entry.result !== undefined);
  if (withResult.length === 0) return { parsed };

  const findingsBefore = withResult.flatMap((entry) => entry.result!.findingsBefore);
  const findingsAfter = withResult.flatMap((entry) => entry.result!.findingsAfter);
  const mentions = withResult.flatMap((entry) => entry.result!.mentions);
  const failed = withResult.find((entry) => entry.result!.status === 'error' || entry.result!.status === 'skipped');
  // One block that cannot be rewritten holds back the whole file: it is written whole or not at all.
  if (failed) return { parsed, file: { file, status: failed.result!.status, findingsBefore, findingsAfter: findingsBefore, mentions, error: failed.result!.error! } };

  const changed = withResult.filter((entry) => entry.result!.status === 'changed');
  if (changed.length === 0) return { parsed, file: { file, status: 'unchanged', findingsBefore, findingsAfter, mentions } };
  let newText = text;
  for (const entry of [...changed].reverse()) newText = newText.slice(0, entry.block.start) + entry.result!.newText! + newText.slice(entry.block.end);
  const problem = spliceProblem(
    text,
    found.modules.map((module) => module.block),
    newText,
    kind,
    results.map((entry) => entry.result?.newText ?? text.slice(entry.block.start, entry.block.end)),
  );
  if (problem) {
    return { parsed, file: { file, status: 'error', findingsBefore, findingsAfter: findingsBefore, mentions, error: `${file}: ${problem}; nothing written` } };
  }
  return { parsed, file: { file, status: 'changed', findingsBefore, findingsAfter, mentions, patch: createPatch(file, text, newText), newText, sourceHash: contentHash(text) } };
}

/**
 * Why the file with its blocks put back would not read as the same blocks (a rewritten block
 * that closes its own `<script>`, say), or undefined when each block is found again as written.
 */
function spliceProblem(text: string, blocks: readonly ScriptBlock[], newText: string, kind: EmbeddedKind, expected: readonly string[]): string | undefined {
  const again = findScriptBlocks(newText, kind);
  if ('problem' in again) return `the rewritten file no longer reads (${again.problem})`;
  const found = again.blocks.map((block) => newText.slice(block.start, block.end));
  if (found.length !== expected.length) return `the rewritten file reads as ${found.length} code block${found.length === 1 ? '' : 's'}, not ${expected.length}`;
  const differs = found.findIndex((code, index) => code !== expected[index]);
  if (differs !== -1) return `code block ${differs + 1} does not read back as rewritten (the rewrite holds text that ends it early, such as </script>)`;
  // Everything outside the blocks is the original's, byte for byte.
  if (outsideBlocks(newText, again.blocks) !== outsideBlocks(text, blocks)) {
    return 'the rewrite changed text outside the code blocks';
  }
  return undefined;
}

function outsideBlocks(text: string, blocks: readonly ScriptBlock[]): string {
  let outside = '';
  let at = 0;
  for (const block of blocks) {
    outside += text.slice(at, block.start) + '\0';
    at = block.end;
  }
  return outside + text.slice(at);
}

/**
 * A file whose code is not read. If it names a module of the migration it is skipped, which the
 * exit code reports: a phase that deletes or moves that module would leave it broken.
 */
function notParsed(file: string, text: string, problem: string, phases: Prefilter): FileOutcome {
  const mentions = phases.some(({ phase, state }) => phase.mayMatter(text, state as never, file));
  if (mentions) {
    return {
      parsed: false,
      file: { file, status: 'skipped', findingsBefore: [], findingsAfter: [], mentions: [], error: `${file}: ${problem}, and it mentions a module of the migration: check it by hand; skipped` },
    };
  }
  return { parsed: false, file: { file, status: 'not-parsed', findingsBefore: [], findingsAfter: [], mentions: [], reason: problem } };
}

/** A block's result with its locations and messages moved from the block to the real file. */
function toRealFile(result: FileResult, file: string, virtualFile: string, block: ScriptBlock): FileResult {
  const place = <T extends Finding | Mention>(item: T): T => ({
    ...item,
    file: item.file === virtualFile ? file : item.file,
    ...(item.file === virtualFile ? realPosition(item.line, item.column, block) : {}),
  });
  return {
    ...result,
    file,
    findingsBefore: result.findingsBefore.map(place),
    findingsAfter: result.findingsAfter.map(place),
    mentions: result.mentions.map(place),
    ...(result.error !== undefined ? { error: realMessage(result.error, file, virtualFile, block) } : {}),
  };
}

/** A 1-based line and column of the block's code as a line and column of the file. */
function realPosition(line: number, column: number, block: ScriptBlock): { line: number; column: number } {
  return { line: block.line + line - 1, column: line === 1 ? column + block.column : column };
}

/** A message that starts `Button.vue.ts:3:5: …` as `Button.vue:12:5: …`. */
function realMessage(message: string, file: string, virtualFile: string, block: ScriptBlock): string {
  if (!message.startsWith(virtualFile)) return message;
  const rest = message.slice(virtualFile.length);
  const location = /^:(\d+)(?::(\d+))?/.exec(rest);
  if (!location) return file + rest;
  const position = realPosition(Number(location[1]), Number(location[2] ?? 1), block);
  return `${file}:${position.line}${location[2] !== undefined ? `:${position.column}` : ''}${rest.slice(location[0].length)}`;
}

/**
 * The modules among `files` that `keep` accepts, a component file standing for its code blocks:
 * what a type-aware phase analyses. Each block kept is put in the type checker's program under
 * its module name, where the phase looks for it when the block goes through the phases.
 */
export function analysedModules(project: ProjectServices, files: readonly string[], keep: (module: string, text: string) => boolean, typesProject: ProjectServices = project): string[] {
  const kept: string[] = [];
  for (const file of files) {
    const text = project.readFile(file);
    if (text === undefined) continue;
    const kind = embeddedKindOf(file);
    if (!kind) {
      if (keep(file, text)) kept.push(file);
      continue;
    }
    const found = embeddedModules(file, text, kind);
    if ('problem' in found) continue;
    for (const module of found.modules) {
      if (!keep(module.name, module.code)) continue;
      typesProject.types().setText(module.name, module.code);
      kept.push(module.name);
    }
  }
  return kept;
}
