export * as colors from 'color-names';
