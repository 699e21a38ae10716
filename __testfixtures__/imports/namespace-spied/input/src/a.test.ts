// A spy on a member that stays reads the namespace like `coreModule.hydrate`.
import * as coreModule from './core';
declare const vi: { spyOn(object: object, name: string): unknown };
vi.spyOn(coreModule, 'hydrate');
export const run = () => coreModule.dehydrate();
