// The benchmark's phase-1 equivalent for jscodeshift's own runner: points every module reference
// to a legacy specifier (import, export … from, require, import(), jest.mock/vi.mock) at the
// canonical one. It only rewrites specifiers (no export renames, no merging), so it does less
// than ssot-migrate's phase 1: the comparison favours jscodeshift.
//
//   jscodeshift -t jscodeshift-imports-transform.cjs --parser=tsx --extensions=ts,tsx --dry --silent \
//     --legacy=websocket_manager,manager_alias --canonical=unified_manager [--early=1] DIR
//
// --legacy: comma-separated specifiers or last path segments ("@scope/pkg", "websocket_manager");
// a reference matches when it equals one or ends with "/<segment>" (with or without an extension),
// and only that part is replaced by --canonical. --early=1 returns before parsing when the text
// mentions no legacy term, the cheap prefilter every hand-written codemod should have.
'use strict';

const MOCKERS = new Set(['mock', 'requireActual', 'unmock', 'doMock']);

module.exports = function transform(file, api, options) {
  const legacy = String(options.legacy ?? '')
    .split(',')
    .filter(Boolean);
  const canonical = String(options.canonical ?? '');
  if (legacy.length === 0 || !canonical) throw new Error('pass --legacy=a,b and --canonical=c');
  if (options.early && !legacy.some((term) => file.source.includes(term))) return undefined;

  const j = api.jscodeshift;
  const root = j(file.source);
  let changed = false;
  const rewrite = (literal) => {
    if (!literal || typeof literal.value !== 'string') return;
    const next = rewritten(literal.value, legacy, canonical);
    if (next === undefined) return;
    literal.value = next;
    changed = true;
  };

  root.find(j.ImportDeclaration).forEach((path) => rewrite(path.node.source));
  root.find(j.ExportNamedDeclaration).forEach((path) => rewrite(path.node.source));
  root.find(j.ExportAllDeclaration).forEach((path) => rewrite(path.node.source));
  root.find(j.TSImportEqualsDeclaration).forEach((path) => rewrite(path.node.moduleReference && path.node.moduleReference.expression));
  root.find(j.CallExpression).forEach((path) => {
    const { callee } = path.node;
    const isRequire = callee.type === 'Identifier' && callee.name === 'require';
    const isImport = callee.type === 'Import';
    const isMock =
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      (callee.object.name === 'jest' || callee.object.name === 'vi') &&
      callee.property.type === 'Identifier' &&
      MOCKERS.has(callee.property.name);
    if (isRequire || isImport || isMock) rewrite(path.node.arguments[0]);
  });
  root.find(j.ImportExpression).forEach((path) => rewrite(path.node.source));

  return changed ? root.toSource() : undefined;
};

function rewritten(specifier, legacy, canonical) {
  const bare = specifier.replace(/\.[cm]?[jt]sx?$/, '');
  for (const term of legacy) {
    if (bare === term) return canonical;
    if (bare.endsWith(`/${term}`)) return `${bare.slice(0, bare.length - term.length)}${canonical}`;
  }
  return undefined;
}
