import './lib/unified_manager';

export const ready = true;
