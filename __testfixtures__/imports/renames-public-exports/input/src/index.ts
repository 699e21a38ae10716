// The package renames its public API along with the function.
export { capitalise } from './strings';
