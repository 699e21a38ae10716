// Duplicate implementations of the canonical module: modules that declare their own class or
// function under a canonical export's name, or a class of the same family (`*Manager`) with
// methods the canonical class also has. They are legacy modules a human migrates: they hand
// nothing on, so facade detection cannot see them.
import type { ProjectServices } from '../phase-api/define-phase.js';
import { containsAnyTerm } from '../shared/term-search.js';
import { readExportedDeclarations, type ExportedDeclaration } from './exported-declarations.js';
import { familyOf } from './name-words.js';

export interface DuplicateEvidence {
  /** The declared name. */
  name: string;
  line: number;
  column: number;
  text: string;
}

export interface DuplicateModule {
  file: string;
  evidence: DuplicateEvidence[];
}

export function findDuplicates(project: ProjectServices, canonicalFile: string): DuplicateModule[] {
  const root = project.parseFile(canonicalFile);
  if (!root) return [];
  const canonical = readExportedDeclarations(root).filter((declaration) => declaration.kind === 'class' || declaration.kind === 'function');
  const canonicalNames = new Set(canonical.map((declaration) => declaration.name));
  const canonicalClasses = canonical.filter((declaration) => declaration.kind === 'class');
  const families = new Set(canonicalClasses.map((declaration) => familyOf(declaration.name)).filter((family): family is string => family !== undefined));
  // Words a file must contain to be worth parsing.
  const terms = [...canonicalNames, ...families];

  const duplicates: DuplicateModule[] = [];
  for (const file of project.files) {
    if (file === canonicalFile) continue;
    const text = project.readFile(file);
    if (!text || !text.includes('export') || !containsAnyTerm(text, terms)) continue;
    const parsed = project.parseFile(file);
    if (!parsed) continue;
    const lines = fileLines(text);
    // The parser numbers lines after a shebang; users read the file's own numbers.
    const shebangLines = lines[0]?.startsWith('#!') ? 1 : 0;
    const evidence: DuplicateEvidence[] = [];
    const importsCanonical = parsed
      .find(project.j.ImportDeclaration)
      .nodes()
      .some((node) => project.resolve(String(node.source.value), file).key === canonicalFile);
    for (const declaration of readExportedDeclarations(parsed)) {
      const why = duplicateOf(declaration, canonicalNames, canonicalClasses, importsCanonical);
      if (!why) continue;
      const line = declaration.line + shebangLines;
      evidence.push({ name: declaration.name, line, column: declaration.column, text: `${lineText(lines, line)}  (${why})` });
    }
    if (evidence.length > 0) duplicates.push({ file, evidence });
  }
  return duplicates;
}

/**
 * One shared method name is a coincidence unless the module also knows the canonical one
 * (a database pool's addConnection(dsn) is not a socket manager); two are a pattern.
 */
function duplicateOf(declaration: ExportedDeclaration, canonicalNames: ReadonlySet<string>, canonicalClasses: readonly ExportedDeclaration[], importsCanonical: boolean): string | undefined {
  if (declaration.kind !== 'class' && declaration.kind !== 'function') return undefined;
  // A subclass that adds nothing is a facade, not a second implementation.
  if (declaration.kind === 'class' && declaration.extendsName && declaration.emptyBody) return undefined;
  if (canonicalNames.has(declaration.name)) return `its own ${declaration.kind} named like the canonical one`;
  if (declaration.kind !== 'class') return undefined;
  const family = familyOf(declaration.name);
  for (const canonical of canonicalClasses) {
    if (family === undefined || familyOf(canonical.name) !== family) continue;
    const shared = declaration.members.filter((member) => canonical.members.includes(member));
    if (shared.length >= (importsCanonical ? 1 : 2)) return `a ${family} like ${canonical.name}, also with ${shared.join(', ')}`;
  }
  return undefined;
}

function fileLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** The declaration's line, trimmed and cut to one screen line. */
function lineText(lines: readonly string[], line: number): string {
  const text = (lines[line - 1] ?? '').trim();
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}
