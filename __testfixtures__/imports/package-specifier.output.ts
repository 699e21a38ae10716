// A legacy package: its exports now come from a file of the repo.
import { createWebSocketManager as connect } from '@lib/unified_manager';

export const manager = connect('user-1');
