// A spy on a member that moves would spy on a module the code no longer reads it from.
import * as coreModule from './core';
declare const vi: { spyOn(object: object, name: string): unknown };
vi.spyOn(coreModule, 'dehydrate');
export const run = () => coreModule.hydrate();
