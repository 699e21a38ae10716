import Manager from './unified_manager';

export { Manager as NamedManager };
