// The one source of truth for ssot.config.json: types, validation and the published JSON Schema.
import { z } from 'zod';
import { BUILT_IN_PHASE_IDS } from '../result/types.js';

const modulePath = z.string().min(1).describe('A repo file (resolved like TypeScript resolves it, from the repo root) or a package specifier such as "react-dom/test-utils".');

const exportName = z.string().min(1).describe('An exported name; "default" for the default export.');

const symbolRefSchema = z.object({ module: modulePath, export: exportName }).strict().describe('One exported symbol of one module.');

const legacyModuleSchema = z
  .object({
    module: modulePath,
    exports: z
      .record(z.string(), z.union([z.string().min(1), z.null()]))
      .optional()
      .describe(
        'Renames: legacy export name -> canonical export name. null marks an export with no canonical counterpart (it stays and is reported). Unlisted exports keep their name. In a family of paths (a module with `*`), a `*` in a new name stands for what the path matched: {"default": "*"} for lodash/* -> lodash-es.',
      ),
    to: modulePath.optional().describe("Where this module's exports now live; defaults to the canonical module, and is required when there is none."),
  })
  .strict()
  .describe('Module-wide shorthand: every export of this module now comes from the canonical module.');

const moveSchema = z.object({ from: symbolRefSchema, to: symbolRefSchema }).strict().describe('One exported symbol that moved.');

const typeRef = symbolRefSchema.describe('A type, class or interface: the module that declares it and its exported name.');

const facadesSchema = z
  .object({
    modules: z.array(modulePath).default([]).describe('Modules declared to be facades, beyond those detected: deleted once nothing imports them.'),
    detect: z.boolean().default(true).describe('Also detect facades: re-exports, aliases, empty subclasses, delegating wrappers and deprecated shims of canonical symbols.'),
    discover: z
      .enum(['canonical', 'barrels'])
      .default('canonical')
      .describe(
        'What is a facade. "canonical": a module that hands on the canonical module. "barrels": also every module whose body is only re-exports (`export *`, `export { a } from`, `export type *`, an import exported again), whatever it hands on; needs no canonical module. Consumers are pointed at the modules that define the names, through chains of barrels.',
      ),
    keep: z.array(modulePath).default([]).describe('Public entry points that stay even when they only re-export (package.json exports/main are always kept).'),
    splitNamespaces: z
      .boolean()
      .default(false)
      .describe(
        'With discover "barrels": a namespace import of a barrel whose members come from several modules (`import * as geometry from "./geometry"`) becomes named imports from those modules. false (the default): it stays, as a manual item, and so does the barrel.',
      ),
    rewireEntryPoints: z
      .boolean()
      .default(true)
      .describe(
        'With discover "barrels": consumers in the same package as a kept entry point barrel import from the defining modules too (the entry point stays for the outside). false: they keep importing the entry point.',
      ),
  })
  .strict()
  .describe('Phase 2, facade removal.');

const templateSchema = z
  .object({
    match: z
      .string()
      .min(1)
      .describe(
        'The legacy shape with metavariables: "$m.add_connection($socket, $ctx)" for a method (the receiver is a metavariable), "add_connection($socket, $ctx)" for a free function, "new $C($a)" or "new ns.C()" for a construction, "$o.constants.Zero" for a member read that is not called; a leading "await" matches awaited sites only and replaces the await too. $name binds one argument (or the receiver, or the class); $$$rest, last, binds the remaining arguments.',
      ),
    replace: z
      .string()
      .min(1)
      .describe(
        'The canonical shape, using only metavariables bound by match, e.g. "$m.addConnection({ socket: $socket, userId: $ctx.userId })" or a chain "$res.status($status).json($body)". In an object, "...$opts" inlines a bound object literal (a key set twice leaves the site for a person) and "[$name]: $v" writes a bound string literal as a plain key. Several statements ("const screen = openScreen($host); screen.show($view);") replace a call that is a whole statement; the names they declare are made fresh at each site.',
      ),
    receivers: z.array(typeRef).optional().describe("Method and member-read templates: the receiver's type must be, extend or implement one of these classes, interfaces or type aliases."),
    function: symbolRefSchema
      .optional()
      .describe('Free-function templates: the callee must resolve (through imports, aliases and destructuring) to this declaration; construction templates ("new …"): the class.'),
    imports: z.array(symbolRefSchema).default([]).describe('Names the replacement uses that a rewritten file must import, e.g. { "module": "src/utils/ids.ts", "export": "newId" }.'),
    where: z
      .record(z.string(), z.string().min(1))
      .optional()
      .describe(
        'Predicates on metavariables bound by match: { "$code": "number" }. A kind read from the syntax (ObjectLiteral, ArrayLiteral, StringLiteral, Identifier, Function) or a type checked by the type checker (number, string, boolean, a type name in scope such as RegExp, or a union "string | RegExp"); "!" in front negates ("!ObjectLiteral"). A site whose type is any or unknown satisfies no type predicate.',
      ),
  })
  .strict()
  .describe('One call-shape rewrite.');

const implementationSchema = z
  .object({
    module: modulePath,
    export: exportName,
    methods: z.array(z.string().min(1)).optional().describe('The canonical methods this class must offer; all of them when absent.'),
  })
  .strict()
  .describe('A class checked against the canonical interface.');

const signaturesSchema = z
  .object({
    templates: z.array(templateSchema).default([]).describe('Call-shape rewrites, tried in order; the first whose match fits a call rewrites it.'),
    interface: typeRef.optional().describe('The canonical interface; defaults to the public methods of the canonical class.'),
    implementations: z
      .array(implementationSchema)
      .default([])
      .describe('Classes checked against the canonical interface, beyond those that declare they implement it and the manager-like classes of legacy modules.'),
    untypedReceivers: z
      .enum(['report', 'by-name'])
      .default('report')
      .describe(
        'A method or member-read template at a site whose receiver is any or unresolved: "report" (the default) lists it for a person; "by-name" rewrites it by the method name alone, counted as its own kind (untyped-receiver) so a reviewer sees each one.',
      ),
  })
  .strict()
  .describe('Phase 3, signature normalisation.');

const accessPatternSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('construct').describe('Construction with new.'), class: symbolRefSchema })
    .strict()
    .describe('new Class(...)'),
  z
    .object({
      kind: z.literal('singleton').describe('A static accessor of a shared instance.'),
      class: symbolRefSchema,
      method: z.string().min(1).default('getInstance').describe('The static method that hands out the shared instance.'),
    })
    .strict()
    .describe('Class.getInstance()'),
  z
    .object({ kind: z.literal('accessor').describe('A function that hands out an instance.'), function: symbolRefSchema })
    .strict()
    .describe('A legacy accessor function, e.g. getWebSocketManager(userId)'),
]);

const factoriesSchema = z
  .object({
    factory: symbolRefSchema.describe('The canonical factory, e.g. createWebSocketManager (a repo file\'s export or a package\'s, e.g. { "module": "cache-lib", "export": "createCache" }).'),
    contextType: typeRef
      .optional()
      .describe(
        "The type of the factory's context argument, e.g. UserExecutionContext: each site passes the context in scope. Without it the factory takes the constructor's arguments as written: new Cache(opts) becomes createCache(opts).",
      ),
    contextExpressions: z.array(z.string().min(1)).default([]).describe('Expressions that may supply the context where they are in scope, e.g. "req.userContext".'),
    isolationKey: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Context fields that must key any registry of instances, e.g. ["userId", "threadId"]; ["userId"] when contextType is set and this is not. With an isolation key, an instance created at module level is reported as shared; without one, it is rewritten like any other construction.',
      ),
    patterns: z.array(accessPatternSchema).default([]).describe('The legacy ways of getting an instance; construction of the canonical class is always one.'),
  })
  .strict()
  .describe('Phase 4, factory rewiring.');

export const transformSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-", starting with a letter or digit')
      .describe(
        'The phase name this transform runs under: `ssot-migrate run <id>`, and the phase of its findings in scan and plan. Must differ from the built-in phases and from every other transform.',
      ),
    module: z
      .string()
      .min(1)
      .describe(
        'The jscodeshift transform: a file relative to the repo root ("./codemods/rename-foo.ts"; .js, .cjs, .mjs or .ts) or a package installed in the repo ("some-codemod/transforms/x.js"). It exports the transform function (module.exports or export default) and may export `parser`. Loaded only when this transform runs.',
      ),
    terms: z.array(z.string().min(1)).min(1).describe('Text a file must contain for the transform to matter: a file that mentions none of these is not parsed and never reaches the transform.'),
    parser: z
      .enum(['tsx', 'ts', 'babel'])
      .optional()
      .describe("The parser behind api.jscodeshift. Default: the module's own `parser` export, else the one the file's extension needs (as the built-in phases choose)."),
    options: z.record(z.string(), z.unknown()).optional().describe("Passed as the transform's third argument, as jscodeshift passes its command-line options."),
  })
  .strict()
  .describe('A jscodeshift transform of your own, run as an extra phase with the same dry run, counts, --write, journal and undo as the built-in phases.');

/** A transform's id may name neither a built-in phase nor another transform. */
function checkTransformIds(transforms: ReadonlyArray<{ id: string }>, context: z.core.$RefinementCtx): void {
  const seen = new Map<string, number>();
  transforms.forEach(({ id }, index) => {
    if ((BUILT_IN_PHASE_IDS as readonly string[]).includes(id)) {
      context.addIssue({ code: 'custom', path: ['transforms', index, 'id'], message: `"${id}" is a built-in phase; give the transform another id` });
    } else if (seen.has(id)) {
      context.addIssue({ code: 'custom', path: ['transforms', index, 'id'], message: `"${id}" is already the id of transforms[${seen.get(id)}]; ids must be unique` });
    }
    if (!seen.has(id)) seen.set(id, index);
  });
}

/** A package name in two groups would be two modules at once. */
function checkGroups(groups: ReadonlyArray<readonly string[]>, context: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  groups.forEach((group, index) => {
    group.forEach((name, position) => {
      const earlier = seen.get(name);
      if (earlier !== undefined) context.addIssue({ code: 'custom', path: ['specifiers', 'groups', index, position], message: `"${name}" is already in specifiers.groups[${earlier}]` });
      else seen.set(name, index);
    });
  });
}

/** Without a canonical module, the config must say where things go: a config that moves nothing is a mistake. */
function checkDestinations(
  config: { canonical?: unknown; legacy: Array<{ to?: string }>; moves: unknown[]; facades: { discover: string }; signatures?: unknown; factories?: unknown; transforms: unknown[] },
  context: z.RefinementCtx,
): void {
  if (config.canonical) return;
  const barrels = config.facades.discover === 'barrels';
  if (config.legacy.length === 0 && config.moves.length === 0 && !barrels && !config.signatures && !config.factories && config.transforms.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['canonical'],
      message: 'required, unless the config lists moves, legacy modules with a "to", facades.discover "barrels", signatures, factories or transforms',
    });
  }
  config.legacy.forEach((entry, index) => {
    if (!entry.to) context.addIssue({ code: 'custom', path: ['legacy', index, 'to'], message: 'required when the config names no canonical module' });
  });
}

export const configSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema this file follows, for editors (e.g. "./node_modules/ssot-migrate/schema/ssot.config.schema.json"); ignored by the tool.'),
    include: z.array(z.string().min(1)).min(1).default(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']).describe('Globs of the files in scope, relative to the repo root.'),
    exclude: z.array(z.string().min(1)).default([]).describe("Globs excluded from scope. node_modules and .gitignore'd files are always excluded."),
    tsconfig: z.string().optional().describe('The tsconfig that defines paths and baseUrl; defaults to tsconfig.json at the repo root when present.'),
    format: z
      .enum(['auto', 'prettier', 'biome', 'none'])
      .default('auto')
      .describe(
        'Format the files a run changes with the repo\'s own formatter, its config and plugins, found and loaded from the repo root. "auto": prettier or biome, when the repo root configures it (.prettierrc*, prettier.config.*, a "prettier" key in package.json; biome.json or biome.jsonc) and has it installed; "prettier" or "biome": that one, an error when it is not installed; "none": files are written as the phase writes them. Only files the formatter accepted before the run are formatted; the others are left as the phase writes them and counted in the summary.',
      ),
    canonical: z
      .object({
        module: modulePath,
        exports: z.array(exportName).optional().describe('The canonical exports; read from the module itself when it is a repo file.'),
      })
      .strict()
      .optional()
      .describe(
        'The single source of truth: the module every legacy module, facade and construction site is migrated to. Optional: a config of moves alone (a library upgrade, renamed exports) needs none.',
      ),
    legacy: z.array(legacyModuleSchema).default([]).describe('Modules to migrate away from, whole: every import of one is pointed at the canonical module (or its "to"), with export renames.'),
    moves: z
      .array(moveSchema)
      .default([])
      .describe(
        'Single exported symbols that moved between any two modules, repo files or packages; more precise than a legacy entry. A move within one module is a rename: the import stays where it is and only the name changes.',
      ),
    renamePublicExports: z
      .boolean()
      .default(false)
      .describe(
        "Rename what a module exports too: `export { oldName } from 'm'` becomes `export { newName } from 'm'`. By default the public name stays (`export { newName as oldName }`), so the module's own importers need no change.",
      ),
    specifiers: z
      .object({
        extension: z
          .enum(['keep', '.js', '.ts', 'none'])
          .default('keep')
          .describe(
            'How a module path the tool writes ends. "keep": as the path it replaces does (`./a.js` stays with `.js`), or as the file\'s other imports do when it replaces a package; ".js": the runtime extension (`.js`, `.mjs`, `.cjs`, as NodeNext wants); ".ts": the source file\'s own (`.ts`, `.tsx`, with allowImportingTsExtensions); "none": no extension, and a folder\'s index by the folder.',
          ),
        groups: z
          .array(
            z
              .array(
                z
                  .string()
                  .regex(/^(@[^/]+\/)?[^./@][^/]*$/, 'a package name (`lodash`, `@scope/ui`), not a path')
                  .min(1),
              )
              .min(2),
          )
          .default([])
          .describe(
            'Package names that are one module, as a bundler alias makes them (`[["lodash", "lodash-es"]]`): a config entry naming one covers every one, subpaths included, and their imports merge as imports of one module. The first name keys the group; what a file wrote stays as written. A Node built-in with and without its `node:` prefix is always one module.',
          ),
      })
      .strict()
      .default({ extension: 'keep', groups: [] })
      .describe('The style of the module paths the tool writes, and which package names are one module.'),
    keepLocalNames: z
      .boolean()
      .default(false)
      .describe('Keep the local name of an import whose export was renamed (`import { newName as oldName }`); by default the local binding and every reference to it take the new name.'),
    facades: facadesSchema.default({ modules: [], detect: true, discover: 'canonical', keep: [], splitNamespaces: false, rewireEntryPoints: true }),
    signatures: signaturesSchema.optional(),
    factories: factoriesSchema.optional(),
    transforms: z.array(transformSchema).default([]).describe('Your own jscodeshift transforms, each run as an extra phase after the built-in ones, in this order.'),
  })
  .strict()
  .superRefine((config, context) => {
    checkTransformIds(config.transforms, context);
    checkDestinations(config, context);
    checkGroups(config.specifiers.groups, context);
  });

export type SsotConfig = z.infer<typeof configSchema>;
export type TransformConfig = z.infer<typeof transformSchema>;

/** The published JSON Schema, generated from the zod schema so the two cannot drift. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input' }),
    $id: 'https://ssot-migrate.dev/ssot.config.schema.json',
    title: 'ssot-migrate configuration',
  };
}
