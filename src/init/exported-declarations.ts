// What a module declares and exports itself, with where: the raw material for telling a
// duplicate implementation from a facade, and for clustering same-named exports.
import type { Collection } from 'jscodeshift';

export type DeclarationKind = 'class' | 'function' | 'value' | 'type';

export interface ExportedDeclaration {
  /** The exported name ('default' for `export default class …`). */
  name: string;
  /** The declared name, which differs from `name` for `export { Local as Name }` and defaults. */
  localName: string;
  kind: DeclarationKind;
  /** 1-based line and column in the parsed body. */
  line: number;
  column: number;
  /** A class's public method and accessor names; empty for everything else. */
  members: string[];
  /** For `export const X = Y` and `export type X = Y`: the name Y. */
  aliasOf?: string;
  /** For `class X extends Y`: the name Y. */
  extendsName?: string;
  /** A class with nothing in its body. */
  emptyBody?: boolean;
}

interface Located {
  type: string;
  loc?: { start: { line: number; column: number } } | null;
}

/** The module's own exported declarations; re-exports from other modules are not here. */
export function readExportedDeclarations(root: Collection): ExportedDeclaration[] {
  const declared = new Map<string, Omit<ExportedDeclaration, 'name' | 'localName'>>();
  const body = (root.get().node as { program: { body: Located[] } }).program.body;
  const topLevel = body.map((statement) => unwrapExport(statement));
  for (const statement of topLevel) for (const [name, declaration] of describe(statement)) declared.set(name, declaration);

  const exported: ExportedDeclaration[] = [];
  for (const statement of body) {
    if (statement.type === 'ExportNamedDeclaration') {
      const node = statement as Located & {
        declaration?: Located | null;
        source?: unknown;
        specifiers?: Array<{ type: string; local?: { name?: string }; exported: { name?: string; value?: string } }>;
      };
      if (node.declaration) {
        for (const [name, declaration] of describe(node.declaration, node)) exported.push({ name, localName: name, ...declaration });
      } else if (!node.source) {
        for (const specifier of node.specifiers ?? []) {
          const local = specifier.local?.name;
          const declaration = local ? declared.get(local) : undefined;
          if (local && declaration) exported.push({ name: String(specifier.exported.name ?? specifier.exported.value), localName: local, ...declaration });
        }
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = (statement as Located & { declaration: Located & { id?: { name?: string } | null; name?: string } }).declaration;
      if (declaration.type === 'Identifier') {
        const found = declaration.name ? declared.get(declaration.name) : undefined;
        if (found && declaration.name) exported.push({ name: 'default', localName: declaration.name, ...found });
      } else {
        const [first] = describe(declaration, statement);
        if (first) exported.push({ name: 'default', localName: first[0], ...first[1] });
      }
    }
  }
  return exported;
}

function unwrapExport(statement: Located): Located {
  const declaration = (statement as { declaration?: Located | null }).declaration;
  return (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && declaration ? declaration : statement;
}

/** `statement`: the export around `node`, whose position stands in when the parser gave `node` none. */
function describe(node: Located, statement: Located = node): Array<[string, Omit<ExportedDeclaration, 'name' | 'localName'>]> {
  const start = node.loc?.start ?? statement.loc?.start;
  const at = { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
  switch (node.type) {
    case 'ClassDeclaration': {
      const klass = node as Located & { id?: { name?: string } | null; superClass?: { type: string; name?: string } | null; body: { body: ClassMember[] } };
      const members = klass.body.body
        .filter((member) => /Method$/.test(member.type) && member.kind !== 'constructor' && member.accessibility !== 'private' && member.accessibility !== 'protected')
        .map((member) => member.key?.name ?? member.key?.value)
        .filter((name): name is string => typeof name === 'string');
      return [
        [
          klass.id?.name ?? 'default',
          {
            kind: 'class',
            ...at,
            members,
            ...(klass.superClass?.type === 'Identifier' && klass.superClass.name ? { extendsName: klass.superClass.name } : {}),
            emptyBody: klass.body.body.every(isPassThroughConstructor),
          },
        ],
      ];
    }
    case 'FunctionDeclaration':
    case 'TSDeclareFunction': {
      const name = (node as { id?: { name?: string } | null }).id?.name;
      return [[name ?? 'default', { kind: 'function', ...at, members: [] }]];
    }
    case 'VariableDeclaration': {
      const declarations = (node as unknown as { declarations: Array<Located & { id: { type: string; name?: string }; init?: (Located & { name?: string }) | null }> }).declarations;
      return declarations
        .filter((item) => item.id.type === 'Identifier' && item.id.name)
        .map((item) => {
          const isFunction = item.init?.type === 'ArrowFunctionExpression' || item.init?.type === 'FunctionExpression';
          return [
            item.id.name!,
            {
              kind: isFunction ? 'function' : item.init?.type === 'ClassExpression' ? 'class' : 'value',
              line: item.loc?.start.line ?? at.line,
              column: item.loc ? item.loc.start.column + 1 : at.column,
              members: [],
              ...(item.init?.type === 'Identifier' && item.init.name ? { aliasOf: item.init.name } : {}),
            },
          ] as [string, Omit<ExportedDeclaration, 'name' | 'localName'>];
        });
    }
    case 'TSTypeAliasDeclaration': {
      const alias = node as Located & { id?: { name?: string } | null; typeAnnotation?: { type: string; typeName?: { type: string; name?: string }; typeParameters?: unknown } };
      const target = alias.typeAnnotation;
      const aliasOf = target?.type === 'TSTypeReference' && target.typeName?.type === 'Identifier' && !target.typeParameters ? target.typeName.name : undefined;
      return alias.id?.name ? [[alias.id.name, { kind: 'type', ...at, members: [], ...(aliasOf ? { aliasOf } : {}) }]] : [];
    }
    case 'TSInterfaceDeclaration':
    case 'TSEnumDeclaration': {
      const name = (node as { id?: { name?: string } | null }).id?.name;
      return name ? [[name, { kind: node.type === 'TSEnumDeclaration' ? 'value' : 'type', ...at, members: [] }]] : [];
    }
    default:
      return [];
  }
}

interface ClassMember {
  type: string;
  kind?: string;
  accessibility?: string;
  key?: { name?: string; value?: string } | null;
  value?: { body?: { body?: unknown[] } } | null;
  body?: { body?: unknown[] } | null;
}

/** `constructor(...args) { super(...args); }` adds nothing to the class it extends. */
function isPassThroughConstructor(member: ClassMember): boolean {
  if (member.kind !== 'constructor') return false;
  const statements = (member.body ?? member.value?.body)?.body ?? [];
  if (statements.length === 0) return true;
  if (statements.length > 1) return false;
  const call = (statements[0] as { type: string; expression?: { type: string; callee?: { type: string } } }).expression;
  return call?.type === 'CallExpression' && call.callee?.type === 'Super';
}
