// Tests run as CommonJS through ts-jest; the package itself ships ES modules.
// Sources import siblings with NodeNext's `.js` suffix, which the mapper strips. yargs and
// oxc-parser ship only ES modules: tests load them through Node's own require. So do ts-morph
// and the @ts-morph/common under it: a worker then compiles their TypeScript once, not once per test file.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
  },
  moduleNameMapper: {
    // Before the suffix rule: the engine's require for the ES module build reads import.meta.
    '^\\./package-require\\.js$': '<rootDir>/__tests__/helpers/package-require-native.cjs',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^yargs$': '<rootDir>/__tests__/helpers/yargs-native.cjs',
    '^oxc-parser$': '<rootDir>/__tests__/helpers/oxc-parser-native.cjs',
    '^ts-morph$': '<rootDir>/__tests__/helpers/ts-morph-native.cjs',
    '^@ts-morph/common$': '<rootDir>/__tests__/helpers/ts-morph-common-native.cjs',
  },
  // Every core: jest's default leaves one to its own process, which on two cores means one test file at a time.
  maxWorkers: '100%',
  // A hook that runs the CLI on the example takes seconds on an idle machine; the bound is for a loaded one.
  testTimeout: 180000,
};
