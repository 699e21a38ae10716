// Loaded by path by the admin console.
export * from './unified_manager';
