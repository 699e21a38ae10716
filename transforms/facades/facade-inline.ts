// Delegating wrappers: a function (or static method) whose body only calls the canonical
// implementation with its own parameters, possibly reordered or wrapped. Reading one gives a
// template; inlining puts the call's arguments into the template at a call site.
import type { ASTNode, ASTPath, JSCodeshift } from 'jscodeshift';
import type { ResolvedModule } from '../../src/phase-api/define-phase.js';
import { indentAt, nameOf, reindent, type Ranged } from '../shared/ast-edits.js';
import { isInert } from '../shared/inert-expression.js';
import { isTightExpression } from '../shared/tight-expression.js';
import { callComments } from './call-comments.js';
import { isResultUnused } from './unused-result.js';

export interface InlineTemplate {
  params: string[];
  /** The delegated call as the facade writes it, e.g. `manager.emitAgentEvent(userId, type, data)`. */
  text: string;
  /** Names the call uses besides the parameters, and the module export each one is. */
  free: Map<string, { module: ResolvedModule; name: string }>;
  /** Parameters in the order the call evaluates them (a parameter may appear twice or never). */
  uses: string[];
  /**
   * False when the wrapper makes the call as a statement and returns nothing: only a call of it
   * whose result goes unused can become the delegated call, which returns something.
   */
  returns: boolean;
  /** Set when the wrapper returns what a function called with its own parameters unchanged returns: it is an alias. */
  passThrough?: { target: ResolvedModule; name: string };
}

/** What the facade module binds by import, and where it leads (from facade-detection). */
interface BindingLike {
  module: ResolvedModule;
  name: string;
  canonicalName?: string;
  inlineRole?: unknown;
}

const WARNING_CALL = /warn|deprecat|log/i;
const ALLOWED = new Set([
  'CallExpression',
  'NewExpression',
  'MemberExpression',
  'Identifier',
  'ObjectExpression',
  'ObjectProperty',
  'ArrayExpression',
  'StringLiteral',
  'NumericLiteral',
  'BooleanLiteral',
  'NullLiteral',
  'TemplateLiteral',
  'TemplateElement',
]);

/**
 * A node's text as if it began a line: its other lines lose the indentation of the line it starts
 * on, and end in `\n`, so it fits wherever it is inlined.
 */
function textAtLineStart(source: string, { start, end }: Ranged): string {
  return reindent(source.slice(start!, end!).replace(/\r\n/g, '\n'), indentAt(source, start!), '');
}

export function readInlineTemplate(
  source: string,
  fn: ASTNode,
  bindings: Map<string, BindingLike>,
  graph: { canonical: ResolvedModule },
): { template?: InlineTemplate; deprecated: boolean; why?: string } {
  const node = fn as { type: string; params?: ASTNode[]; body?: ASTNode; async?: boolean; generator?: boolean };
  const fail = (why: string): { deprecated: boolean; why: string } => ({ deprecated: false, why });
  if (!['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod'].includes(node.type)) return fail('not a function');
  if (node.async || node.generator) return fail('async or generator');
  const params: string[] = [];
  const paramTypes = new Map<string, string | undefined>();
  for (const param of node.params ?? []) {
    if (param.type !== 'Identifier' || (param as { optional?: boolean }).optional) return fail('parameters other than plain names');
    const name = nameOf(param);
    params.push(name);
    const annotation = (param as { typeAnnotation?: { typeAnnotation?: { type: string; typeName?: ASTNode } } }).typeAnnotation?.typeAnnotation;
    paramTypes.set(name, annotation?.type === 'TSTypeReference' && annotation.typeName?.type === 'Identifier' ? nameOf(annotation.typeName) : undefined);
  }
  let expression: ASTNode | undefined;
  let returns = true;
  let deprecated = false;
  if (node.body?.type === 'BlockStatement') {
    const statements = (node.body as { body: ASTNode[] }).body;
    const last = statements.at(-1);
    if (!last) return fail('empty body');
    for (const statement of statements.slice(0, -1)) {
      const call = (statement as { expression?: ASTNode }).expression as { type: string; callee?: ASTNode } | undefined;
      const callee = call?.type === 'CallExpression' ? calleeName(call.callee) : undefined;
      if (statement.type !== 'ExpressionStatement' || !callee || !WARNING_CALL.test(callee)) return fail('statements besides the delegation');
      deprecated = true;
    }
    if (last.type === 'ReturnStatement') expression = (last as { argument?: ASTNode | null }).argument ?? undefined;
    else if (last.type === 'ExpressionStatement') {
      expression = (last as { expression: ASTNode }).expression;
      returns = false;
    }
  } else {
    expression = node.body;
  }
  if (!expression || (expression.type !== 'CallExpression' && expression.type !== 'NewExpression')) return fail('does not end in a call');
  const free = new Map<string, { module: ResolvedModule; name: string }>();
  const uses: string[] = [];
  let why: string | undefined;
  const visit = (current: ASTNode, parent: ASTNode | undefined, key: string): void => {
    if (why) return;
    if (!ALLOWED.has(current.type)) {
      why = `uses ${current.type}`;
      return;
    }
    if (current.type === 'Identifier') {
      const isPropertyName =
        (parent?.type === 'MemberExpression' && key === 'property' && !(parent as { computed?: boolean }).computed) ||
        (parent?.type === 'ObjectProperty' && key === 'key' && !(parent as { computed?: boolean }).computed);
      if (isPropertyName) return;
      const name = nameOf(current);
      if (params.includes(name)) uses.push(name);
      else if (name === 'undefined') return;
      else {
        const binding = bindings.get(name);
        if (!binding || binding.inlineRole) {
          why = `uses ${name}, which is not imported`;
          return;
        }
        free.set(name, binding.canonicalName !== undefined ? { module: graph.canonical, name: binding.canonicalName } : { module: binding.module, name: binding.name });
      }
      return;
    }
    if (current.type === 'ObjectProperty' && (current as { shorthand?: boolean }).shorthand) {
      visit((current as { value: ASTNode }).value, current, 'value');
      return;
    }
    for (const [childKey, child] of Object.entries(current)) {
      if (['loc', 'start', 'end', 'comments', 'extra', 'typeAnnotation', 'typeParameters', 'typeArguments', 'leadingComments', 'trailingComments', 'innerComments'].includes(childKey)) continue;
      if (Array.isArray(child)) child.forEach((item) => item && typeof item === 'object' && 'type' in item && visit(item as ASTNode, current, childKey));
      else if (child && typeof child === 'object' && 'type' in child) visit(child as ASTNode, current, childKey);
    }
  };
  visit(expression, undefined, '');
  if (why) return fail(why);
  // The call must reach the canonical implementation: a canonical function or class, or a
  // method of a parameter typed with a canonical type.
  const callee = (expression as { callee: ASTNode }).callee;
  const head = callee.type === 'MemberExpression' ? (callee as { object: ASTNode }).object : callee;
  if (head.type !== 'Identifier') return fail('calls something other than the canonical implementation');
  const headName = nameOf(head);
  const leadsToCanonical = (local: string | undefined): boolean => local !== undefined && free.get(local)?.module.key === graph.canonical.key;
  const typeName = paramTypes.get(headName);
  const typedCanonical = typeName !== undefined && bindings.get(typeName)?.canonicalName !== undefined;
  if (!(leadsToCanonical(headName) || (params.includes(headName) && typedCanonical))) {
    return fail('does not call the canonical implementation');
  }
  const template: InlineTemplate = { params, text: textAtLineStart(source, expression), free, uses, returns };
  const args = (expression as { arguments: ASTNode[] }).arguments;
  if (
    returns &&
    expression.type === 'CallExpression' &&
    callee.type === 'Identifier' &&
    args.length === params.length &&
    args.every((arg, index) => arg.type === 'Identifier' && nameOf(arg) === params[index])
  ) {
    const target = free.get(headName)!;
    template.passThrough = { target: target.module, name: target.name };
  }
  return { template, deprecated };
}

function calleeName(callee: ASTNode | undefined): string | undefined {
  if (!callee) return undefined;
  if (callee.type === 'Identifier') return nameOf(callee);
  if (callee.type === 'MemberExpression') return `${calleeName((callee as { object: ASTNode }).object) ?? ''}.${nameOf((callee as { property: ASTNode }).property)}`;
  return undefined;
}

/** Why the call at `call` cannot be inlined, or undefined when it can. */
export function whyNotInlinable(call: ASTPath, template: InlineTemplate): string | undefined {
  const args = (call.node as { arguments: ASTNode[] }).arguments;
  if (args.some((arg) => arg.type === 'SpreadElement')) return 'a spread argument';
  if (args.length !== template.params.length) return `${args.length} arguments where the wrapper takes ${template.params.length}`;
  const inOrder = template.uses.join(',') === template.params.join(',');
  if (!inOrder && !args.every(isInert)) return 'the wrapper reorders, repeats or drops arguments that have effects';
  if (!template.returns && !isResultUnused(call)) return 'the wrapper returns nothing and its result is used here: inline it by hand';
  return undefined;
}

/** A wrapper call written as the canonical call it stands for. */
export interface InlinedCall {
  text: string;
  /** The call's comments that cannot stay in `text`: they go on lines of their own. */
  apart: string[];
  /** Its line comments that followed code: see writeCallComments. */
  trailing: string[];
}

/**
 * The text of the template's call with this call's arguments in place of the parameters (each
 * written as the call site wrote it, in parentheses where it needs them, with the comments beside
 * it) and `localOf`'s names in place of the wrapper's imports. `source` is the text the call's
 * offsets index; `comments` are the file's.
 */
export function inlineCall(
  j: JSCodeshift,
  source: string,
  call: ASTNode,
  template: InlineTemplate,
  localOf: (name: string) => string,
  comments: ReadonlyArray<{ start: number; end: number }>,
): InlinedCall {
  const args = (call as unknown as { arguments: Array<ASTNode & { start: number; end: number }> }).arguments;
  const indexOf = new Map(template.params.map((param, index) => [param, index]));
  const { around, apart, trailing } = callComments(call as unknown as Ranged & { arguments: Ranged[] }, source, comments);
  // Each argument goes in as a placeholder name, so the template prints as the facade wrote it.
  const texts: string[] = [];
  const commented = new Set<number>();
  const placeholder = (index: number, parent: ASTNode | undefined, key: string): ASTNode => {
    const argument = args[index]!;
    const text = source.slice(argument.start, argument.end);
    const free = key === 'arguments' || key === 'elements' || key === 'expressions' || (parent?.type === 'ObjectProperty' && key === 'value');
    const written = (free ? argument.type !== 'SequenceExpression' : isTightExpression(argument)) ? text : `(${text})`;
    // An argument's comments go with it once, however often the template repeats it.
    const beside = commented.has(index) ? { before: [], after: [] } : around[index]!;
    commented.add(index);
    texts.push([...beside.before, written, ...beside.after].join(' '));
    return j.identifier(`__inlined_argument_${texts.length - 1}__`);
  };
  const fresh = j(`${template.text};`).find(j.ExpressionStatement).paths()[0]!.node.expression as ASTNode;
  const replace = (current: ASTNode, parent: ASTNode | undefined, key: string): ASTNode => {
    if (current.type === 'Identifier') {
      const isPropertyName =
        (parent?.type === 'MemberExpression' && key === 'property' && !(parent as { computed?: boolean }).computed) ||
        (parent?.type === 'ObjectProperty' && key === 'key' && !(parent as { computed?: boolean }).computed);
      if (isPropertyName) return current;
      const name = nameOf(current);
      const index = indexOf.get(name);
      if (index !== undefined) return placeholder(index, parent, key);
      if (template.free.has(name)) return j.identifier(localOf(name));
      return current;
    }
    if (current.type === 'ObjectProperty' && (current as { shorthand?: boolean }).shorthand) {
      const property = current as { shorthand?: boolean; value: ASTNode; key: ASTNode };
      const value = replace(property.value, current, 'value');
      if (value !== property.value) {
        property.shorthand = false;
        property.key = j.identifier(nameOf(property.key));
        property.value = value;
      }
      return current;
    }
    for (const [childKey, child] of Object.entries(current)) {
      if (['loc', 'start', 'end', 'comments', 'extra', 'original'].includes(childKey)) continue;
      if (Array.isArray(child)) {
        child.forEach((item, index) => {
          if (item && typeof item === 'object' && 'type' in item) child[index] = replace(item as ASTNode, current, childKey);
        });
      } else if (child && typeof child === 'object' && 'type' in child) {
        (current as unknown as Record<string, unknown>)[childKey] = replace(child as ASTNode, current, childKey);
      }
    }
    return current;
  };
  // The template's own lines take the call's indentation; the arguments keep the call site's text.
  const printed = reindent(j(replace(fresh, undefined, '') as never).toSource(), '', indentAt(source, (call as Ranged).start!));
  // The comments of an argument the wrapper drops have nothing left to stand beside.
  const dropped = around.filter((_, index) => !commented.has(index)).flatMap(({ before, after }) => [...before, ...after]);
  return { text: printed.replace(/__inlined_argument_(\d+)__/g, (_match, index: string) => texts[Number(index)]!), apart: [...apart, ...dropped], trailing };
}
