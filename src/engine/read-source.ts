// Reads a source file only if it is safe to rewrite: text, valid UTF-8, not huge. Anything else
// is skipped with the reason, because decoding and writing it back would change its bytes.

/** Files above this size are skipped: generated bundles, not code a person maintains. */
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type SourceRead = { text: string } | { problem: string };

// ignoreBOM keeps a BOM in the text (the default would drop it, and the file would lose it).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Buffer): SourceRead {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return { problem: `larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB (${(bytes.length / 1024 / 1024).toFixed(1)} MB); skipped` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { problem: 'a binary file (it contains NUL bytes); skipped' };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    return { problem: 'not valid UTF-8; skipped, since writing it back would change its bytes' };
  }
}
