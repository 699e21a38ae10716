/** @type {import('jest').Config} */
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // Transpile only (isolatedModules); `npm run typecheck` does the type-checking.
    '^.+\\.ts$': ['ts-jest', { tsconfig: { ...compilerOptions, isolatedModules: true } }],
  },
  moduleNameMapper: {
    '^@core/(.*)$': '<rootDir>/src/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
