import { createManager } from './core/ws_exports';

export const statusManager = createManager({ userId: 'status' });
