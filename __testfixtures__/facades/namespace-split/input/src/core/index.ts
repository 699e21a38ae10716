// Public surface of core.
export * from './unified_manager';
export { countStart } from './stats';
