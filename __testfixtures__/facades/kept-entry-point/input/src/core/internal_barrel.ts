export * from './unified_manager';
