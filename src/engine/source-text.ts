// What must survive a rewrite byte for byte but is not code: a BOM, a shebang line, and the
// file's line terminator (new lines recast prints must match the file's CRLF or LF).

export interface SourceEnvelope {
  bom: string;
  shebang: string;
  lineTerminator: '\r\n' | '\n';
  /** The quote the file writes module paths with, for the literals recast prints anew. */
  quote: 'single' | 'double';
  /** The text handed to the parser. */
  body: string;
}

export function openSource(text: string): SourceEnvelope {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let rest = bom ? text.slice(1) : text;
  let shebang = '';
  if (rest.startsWith('#!')) {
    const end = rest.indexOf('\n');
    shebang = end === -1 ? rest : rest.slice(0, end + 1);
    // Keep the line count so reported locations match the file.
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  const crlf = (rest.match(/\r\n/g) ?? []).length;
  const lf = (rest.match(/\n/g) ?? []).length - crlf;
  const firstPath = rest.match(/(?:\bfrom|\brequire\(|\bimport\(?|\bmock\()\s*(['"])/);
  const quote = firstPath?.[1] === '"' ? 'double' : 'single';
  return { bom, shebang, lineTerminator: crlf > lf ? '\r\n' : '\n', quote, body: rest };
}

export function closeSource(envelope: SourceEnvelope, body: string): string {
  return envelope.bom + envelope.shebang + body;
}

/** Lines the shebang took off the top, to add back to reported line numbers. */
export function lineOffset(envelope: SourceEnvelope): number {
  return envelope.shebang ? 1 : 0;
}
