// Plans for module paths in test mocks (`jest.mock`, `vi.mock`, `jest.requireActual`…). A mock
// moves only when the test keeps meaning the same thing; everything else is for a human.
import type { ASTNode, ASTPath, CallExpression, StringLiteral } from 'jscodeshift';
import type { FileContext, ResolvedModule } from '../../src/phase-api/define-phase.js';
import { planCallUse } from './binding-plans.js';
import type { ModuleReference } from './module-references.js';
import { manual, type ImportsState, type ReferencePlan } from './reference-plan.js';

/** The methods that install a mock (unmock and dontMock remove one). */
export const MOCK_INSTALLERS: readonly string[] = ['mock', 'doMock', 'setMock'];

/** Two mocks of one module (the canonical one, or where a facade's names live) in one file would replace each other: a human merges them. */
export function refuseConvergingMocks(file: FileContext, state: ImportsState, references: ModuleReference[], plans: ReferencePlan[]): void {
  const converging = plans.filter((plan) => plan.fix && isMockInstall(plan.reference));
  const targetOf = (plan: ReferencePlan): string => plan.moves[0]?.target.key ?? state.map.wholeModuleTarget(plan.module.key)?.key ?? plan.module.key;
  const targets = new Set(converging.map(targetOf));
  for (const target of targets) {
    const existing = references.filter((reference) => isMockInstall(reference) && state.project.resolve(reference.specifier, file.file).key === target).length;
    const group = converging.filter((plan) => targetOf(plan) === target);
    if (existing + group.length < 2) continue;
    for (const plan of group) manual(plan, `the file would end up with ${existing + group.length} mocks of ${target}: merge them by hand`);
  }
}

/**
 * A mock, its dontMock, its requireActual and the file's imports of that module move together
 * or not at all: moving half of them changes what the test exercises without a word.
 */
export function keepMocksTogether(plans: ReferencePlan[]): void {
  const stuck = new Map<string, ReferencePlan>();
  // The mock itself names the blocker where it stays (not a requireActual that stays with it).
  for (const plan of plans) {
    if (plan.reference.kind !== 'mock' || plan.fix) continue;
    const named = stuck.get(plan.module.key);
    if (!named || (!isMockInstall(named.reference) && isMockInstall(plan.reference))) stuck.set(plan.module.key, plan);
  }
  for (const plan of plans) {
    const blocker = stuck.get(plan.module.key);
    if (plan.fix && blocker) manual(plan, `held back with the mock at line ${blocker.reference.line}, which needs a human: ${blocker.manual ?? 'see there'}`);
  }
}

/** Whether the reference is a call that installs a mock (`jest.mock`, `vi.doMock`…). */
export function isMockInstall(reference: ModuleReference): boolean {
  return reference.kind === 'mock' && MOCK_INSTALLERS.includes(mockMethod(reference));
}

/** A file's references to a module whose mock, in a test that loads the file, the phase leaves for a human: they stay with it (see held-mocks.ts). */
export function keepMockedModulesHeld(file: string, state: ImportsState, plans: ReferencePlan[]): void {
  if (!state.heldMockOf) return;
  for (const plan of plans) {
    const mock = plan.fix ? state.heldMockOf(file, plan.module.key) : undefined;
    if (mock) manual(plan, `held back with the mock of ${plan.module.key} at ${mock.test}:${mock.line}: that test loads this file, and the mock needs a human first`);
  }
}

function mockMethod(reference: ModuleReference): string {
  const callee = (reference.owner.node as CallExpression).callee as { property?: { name?: string } };
  return callee.property?.name ?? '';
}

/** `jest.mock(path, factory?)`, `jest.requireActual(path)` and friends. */
export function planMock(file: FileContext, state: ImportsState, plan: ReferencePlan, call: ASTPath<CallExpression>, handled: Set<ASTNode>): ReferencePlan | undefined {
  const callee = call.node.callee as { property: { name: string } };
  const method = callee.property.name;
  // `jest.requireActual(path)` reads the module like `require` (one spread in a mock factory of
  // the same path moves with that mock instead, see below).
  if (/^(requireActual|requireMock|importActual|importMock)$/.test(method)) return planCallUse(file, state, plan, call);
  if (plan.role === 'moves') return undefined;
  const factory = call.node.arguments[1] as (ASTNode & { body?: ASTNode }) | undefined;
  const wholeModule = state.map.wholeModuleTarget(plan.module.key);
  // A barrel with no canonical module behind it: its mock stays, like the barrel.
  if (!wholeModule) return undefined;
  let target: ResolvedModule = wholeModule;
  const companions: StringLiteral[] = [];
  if (plan.role === 'reexporter' && !factory) return undefined;
  // Unmocking follows its mock (see keepMocksTogether); only installing a mock needs care.
  const installs = MOCK_INSTALLERS.includes(method);
  if (installs && method === 'setMock') return manual(plan, `setMock of ${plan.module.key}: point it at ${target.key} by hand`);
  if (installs && !factory) {
    return manual(plan, `an automock of ${plan.module.key} would become an automock of ${target.key}, mocking every canonical export: point it by hand`);
  }
  if (factory) {
    // `importOriginal<typeof import(path)>()`: the type of the actual module follows the mock.
    for (const literal of wholeModuleTypes(file, factory, plan.reference.specifier)) {
      handled.add(literal);
      companions.push(literal);
    }
    const object = returnedObject(factory);
    if (!object) {
      // A factory that wraps whatever the actual module exports, naming none of its exports,
      // keeps its meaning when it and its requireActual both point at the canonical module.
      const generic = genericFactoryCompanions(file, state, plan, factory);
      if (!generic) return manual(plan, `the ${method} factory does not return an object literal and names exports of ${plan.module.key}: point it at ${target.key} by hand`);
      for (const companion of generic) {
        handled.add(companion);
        companions.push(companion);
      }
      plan.moves.push({ name: '*', target, targetName: '*' });
      plan.fix = (editor) => {
        const written = editor.setSpecifier(plan.reference, target);
        for (const companion of companions) editor.setString(companion, written);
      };
      return plan;
    }
    const properties = (object as unknown as { properties: Array<ASTNode & { key?: { name?: string; value?: string }; argument?: ASTNode }> }).properties;
    const keys: Array<{ property: (typeof properties)[number]; name: string }> = [];
    let keepsActual = false;
    for (const property of properties) {
      if (property.type === 'SpreadElement') {
        let argument = property.argument as ASTNode & { arguments?: StringLiteral[]; argument?: ASTNode };
        // `...(await vi.importActual(path))`
        while (argument?.type === 'AwaitExpression' || argument?.type === 'ParenthesizedExpression')
          argument = (argument.argument ?? (argument as { expression?: ASTNode }).expression) as typeof argument;
        if (argument?.type === 'CallExpression' && argument.arguments?.[0]?.value === plan.reference.specifier) {
          handled.add(argument.arguments[0]);
          companions.push(argument.arguments[0]);
          keepsActual = true;
          continue;
        }
        const actual = actualModuleRead(argument, factory, plan.reference.specifier);
        if (actual) {
          if (actual.literal) {
            handled.add(actual.literal);
            companions.push(actual.literal);
          }
          keepsActual = true;
          continue;
        }
        return manual(plan, `the ${method} factory spreads something other than the actual module: point it at ${target.key} by hand`);
      }
      keys.push({ property, name: String(property.key?.name ?? property.key?.value) });
    }
    // Every mocked name lives in one other module (a facade handing on a real module's
    // export): the mock moves there, under the same conditions as one of the canonical module.
    const homes = new Map(
      keys.flatMap(({ name }) => {
        const destination = state.map.destinationOf(plan.module.key, name);
        return destination?.kind === 'move' ? [[destination.module.key, destination.module] as const] : [];
      }),
    );
    if (homes.size === 1) target = [...homes.values()][0]!;
    const unmoved: string[] = [];
    const mockedNames = state.map.exportNames(plan.module.key);
    const targetNames = state.map.exportNames(target.key);
    for (const { name } of keys) {
      const destination = state.map.destinationOf(plan.module.key, name);
      if (destination?.kind === 'move' && destination.module.key === target.key) plan.moves.push({ name, target, targetName: destination.name });
      // A key neither module exports (an interop marker such as `__esModule`) means the same on either.
      else if (name === '__esModule' || (mockedNames && targetNames && !mockedNames.has(name) && !targetNames.has(name))) continue;
      else unmoved.push(name);
    }
    if (unmoved.length > 0) {
      if (plan.role === 'reexporter' && plan.moves.length === 0) return undefined;
      return manual(plan, `the ${method} factory mocks ${unmoved.join(', ')}, which stay on ${plan.module.key}: split the mock by hand`);
    }
    if (!keepsActual) {
      return manual(
        plan,
        `without \`...jest.requireActual(…)\` in the factory, a mock of ${target.key} would leave every other ${target.key === state.map.canonical?.key ? 'canonical ' : ''}export undefined: point it by hand`,
      );
    }
    const renamed = plan.moves.map((move) => move.targetName);
    const collision = renamed.find((name, index) => renamed.indexOf(name) !== index);
    if (collision) return manual(plan, `two keys of the ${method} factory would both become "${collision}": merge them by hand`);
    if (plan.moves.length === 0) plan.moves.push({ name: '*', target, targetName: '*' });
  } else {
    plan.moves.push({ name: '*', target, targetName: '*' });
  }
  plan.fix = (editor) => {
    const written = editor.setSpecifier(plan.reference, target);
    for (const companion of companions) editor.setString(companion, written);
    const object = factory ? returnedObject(factory) : undefined;
    const renames = new Map(plan.moves.map((move) => [move.name, move.targetName]));
    for (const property of (object as unknown as { properties?: Array<{ type: string; key?: { type: string; name?: string; value?: string } }> })?.properties ?? []) {
      const key = property.key;
      if (!key) continue;
      const name = String(key.name ?? key.value);
      const renamed = renames.get(name);
      if (renamed && renamed !== name) editor.renameKey(property, renamed);
    }
  };
  return plan;
}

/** The paths of `typeof import(path)` types in a factory that name the whole mocked module (no member). */
function wholeModuleTypes(file: FileContext, factory: ASTNode, specifier: string): StringLiteral[] {
  const literals: StringLiteral[] = [];
  file
    .j(factory as never)
    .find(file.j.TSImportType)
    .forEach((path) => {
      const node = path.node as unknown as { argument: ASTNode & { literal?: StringLiteral; value?: string }; qualifier?: unknown };
      const literal = (node.argument.type === 'TSLiteralType' ? node.argument.literal : node.argument) as StringLiteral | undefined;
      if (!node.qualifier && literal?.type === 'StringLiteral' && literal.value === specifier) literals.push(literal);
    });
  return literals;
}

/** The requireActual literals of a factory that never names an export of the mocked module, else undefined. */
function genericFactoryCompanions(file: FileContext, state: ImportsState, plan: ReferencePlan, factory: ASTNode): StringLiteral[] | undefined {
  const exportNames = state.map.exportNames(plan.module.key);
  if (!exportNames) return undefined;
  const scope = file.j(factory as never);
  const namesExport = (name: string): boolean => name !== 'default' && exportNames.has(name);
  if (
    scope
      .find(file.j.Identifier)
      .filter((path) => namesExport(path.node.name))
      .size() > 0
  )
    return undefined;
  const companions: StringLiteral[] = [];
  let namesInStrings = false;
  scope.find(file.j.StringLiteral).forEach((path) => {
    const call = path.parent?.node as (ASTNode & { callee?: { property?: { name?: string } }; arguments?: ASTNode[] }) | undefined;
    const isActual = call?.type === 'CallExpression' && call.arguments?.[0] === path.node && /^(requireActual|importActual)$/.test(call.callee?.property?.name ?? '');
    if (isActual && path.node.value === plan.reference.specifier) companions.push(path.node);
    else if (namesExport(path.node.value)) namesInStrings = true;
  });
  return namesInStrings ? undefined : companions;
}

type Expression = ASTNode & { argument?: ASTNode; expression?: ASTNode; callee?: ASTNode; name?: string };

/**
 * Whether `expression` is the actual module of the mocked path: a call of the factory's
 * `importOriginal` parameter (Vitest's `vi.mock(path, async (importOriginal) => …)`), a
 * `requireActual(path)` or `importActual(path)` of the same path, or a constant of the factory's
 * body that holds one. The literal of such a call moves with the mock; `importOriginal` names none.
 */
function actualModuleRead(expression: ASTNode | undefined, factory: ASTNode & { params?: ASTNode[]; body?: ASTNode }, specifier: string): { literal?: StringLiteral } | undefined {
  const importOriginal = factory.params?.[0] as Expression | undefined;
  const read = (node: Expression | undefined): { literal?: StringLiteral } | undefined => {
    while (node && (node.type === 'AwaitExpression' || node.type === 'ParenthesizedExpression' || node.type === 'TSAsExpression')) node = (node.argument ?? node.expression) as Expression;
    if (node?.type !== 'CallExpression') return undefined;
    const callee = node.callee as Expression & { property?: Expression };
    if (importOriginal?.type === 'Identifier' && callee.type === 'Identifier' && callee.name === importOriginal.name) return {};
    const literal = (node as { arguments?: ASTNode[] }).arguments?.[0] as StringLiteral | undefined;
    const actual = callee.type === 'MemberExpression' && /^(requireActual|importActual)$/.test(callee.property?.name ?? '');
    return actual && literal?.type === 'StringLiteral' && literal.value === specifier ? { literal } : undefined;
  };
  const direct = read(expression as Expression);
  if (direct || expression?.type !== 'Identifier') return direct;
  const name = (expression as Expression).name;
  const statements = (factory.body as { body?: Array<{ type: string; kind?: string; declarations?: Array<{ id: Expression; init?: Expression }> }> })?.body ?? [];
  for (const statement of Array.isArray(statements) ? statements : []) {
    if (statement.type !== 'VariableDeclaration' || statement.kind !== 'const') continue;
    const declarator = statement.declarations?.find((each) => each.id.type === 'Identifier' && each.id.name === name);
    if (declarator) return read(declarator.init);
  }
  return undefined;
}

function returnedObject(factory: ASTNode & { body?: ASTNode }): ASTNode | undefined {
  let body = factory.body as (ASTNode & { expression?: ASTNode; body?: ASTNode[] }) | undefined;
  if (!body) return undefined;
  if (body.type === 'ParenthesizedExpression') body = body.expression as typeof body;
  if (body.type === 'ObjectExpression') return body;
  if (body.type === 'BlockStatement') {
    const statements = body.body ?? [];
    const last = statements[statements.length - 1] as (ASTNode & { argument?: ASTNode }) | undefined;
    if (last?.type === 'ReturnStatement' && last.argument?.type === 'ObjectExpression') return last.argument;
  }
  return undefined;
}
