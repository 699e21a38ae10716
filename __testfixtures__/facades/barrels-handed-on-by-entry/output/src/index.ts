// The package's entry point: what it hands on is the package.
export * from './types';
