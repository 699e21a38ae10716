// The layering of ssot-migrate, enforced on its own source by `npm run lint:deps`:
//   bin → src/cli → src/engine → src/phase-api ← transforms
// with src/shared, src/config, src/result and src/errors.ts as leaves below everything.
// Type-only imports count: a layer that needs another's types depends on it all the same.

const PHASE_FOLDERS = '(imports|facades|signatures|factories)';
/** What every layer may lean on: leaves import only each other (and packages). */
const LEAVES = ['^src/(shared|config|result)/', '^src/errors\\.ts$'];
/** Files of this project, as opposed to packages and Node's built-ins. */
const OWN = '^(src|transforms|bin|dist)/';

/** A layer that may import only the paths listed (besides packages and built-ins). */
const onlyImports = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: OWN, pathNot: allowed },
});

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be read, tested or moved without the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: "An import that resolves to nothing fails at run time (the bin's import of dist/ is built first).",
      severity: 'error',
      from: { pathNot: '^bin/' },
      to: { couldNotResolve: true },
    },
    onlyImports('bin-is-one-import', 'The bin holds no logic: it starts the built CLI and nothing else.', '^bin/', ['^dist/src/cli/bin\\.js$']),
    {
      name: 'only-bin-enters-the-cli',
      comment: 'The CLI is the top layer: nothing below it reaches up into it.',
      severity: 'error',
      from: { pathNot: '^(src/cli|bin)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-reaches-phases-through-the-engine',
      comment: 'The CLI asks the engine to run phases; it has no per-phase code of its own.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^transforms/' },
    },
    onlyImports('engine-below-the-cli', 'The engine never prints and knows no command: it returns a result for the CLI to render. It reaches the phases only through the registry.', '^src/engine/', [
      '^src/(engine|phase-api)/',
      '^transforms/index\\.ts$',
      ...LEAVES,
    ]),
    onlyImports('phase-api-below-engine-and-phases', 'The phase API is what the engine and the phases agree on; it depends on neither.', '^src/phase-api/', ['^src/phase-api/', ...LEAVES]),
    onlyImports('leaves-import-only-leaves', 'Config, result types, errors and file-extension helpers sit below everything.', LEAVES, LEAVES),
    onlyImports('reporters-read-only-the-result', 'Reporters are pure functions of the serialisable result.', '^src/reporters/', ['^src/(reporters|result)/']),
    {
      name: 'only-the-cli-uses-reporters',
      comment: "Rendering is the CLI's job; the engine and the phases return data.",
      severity: 'error',
      from: { pathNot: '^src/(cli|reporters)/' },
      to: { path: '^src/reporters/' },
    },
    {
      name: 'only-the-cli-uses-history-baseline-and-init',
      comment: "History, baseline and init discovery are commands' helpers: they read and write the user's files for the CLI.",
      severity: 'error',
      from: { pathNot: '^src/(cli|history|baseline|init)/' },
      to: { path: '^src/(history|baseline|init)/' },
    },
    onlyImports('history-and-baseline-on-the-result', 'The history and the baseline are built from the result alone.', '^src/(history|baseline)/', ['^src/$1/', ...LEAVES]),
    onlyImports('init-below-the-cli', "init discovery returns data for the CLI to print; it reuses the engine's project and the phases' detection.", '^src/init/', [
      '^src/(init|engine|phase-api)/',
      '^transforms/',
      ...LEAVES,
    ]),
    onlyImports('transforms-know-only-the-phase-api', 'Phases are pure: they see the phase API, config and result types, never the engine, the CLI, init or reporters.', '^transforms/', [
      '^transforms/',
      '^src/phase-api/',
      ...LEAVES,
    ]),
    {
      name: 'one-phase-never-imports-another',
      comment: 'What two phases use lives in transforms/shared/; a phase folder is private to its phase.',
      severity: 'error',
      from: { path: `^transforms/${PHASE_FOLDERS}/` },
      to: { path: `^transforms/${PHASE_FOLDERS}/`, pathNot: '^transforms/$1/' },
    },
    {
      name: 'shared-never-imports-a-phase',
      comment: "transforms/shared/ is below every phase; a phase's helper stays in its folder.",
      severity: 'error',
      from: { path: '^transforms/shared/' },
      to: { path: [`^transforms/${PHASE_FOLDERS}/`, '^transforms/index\\.ts$'] },
    },
    {
      name: 'phases-never-import-the-registry',
      comment: 'The registry imports the phases; a phase that imported it back would close a cycle through every phase.',
      severity: 'error',
      from: { path: `^transforms/${PHASE_FOLDERS}/` },
      to: { path: '^transforms/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
