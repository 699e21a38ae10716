import Canonical from './lib/unified_manager';
import Alias from './lib/manager_alias';

export const pair = [new Canonical(), new Alias()];
