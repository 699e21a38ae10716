import Canonical, { default as Alias } from './lib/unified_manager';

export const pair = [new Canonical(), new Alias()];
