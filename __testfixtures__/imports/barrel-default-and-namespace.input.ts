// A default and a namespace import of a barrel in one declaration: split by hand first.
import manager, * as lib from './lib';

export const both = [manager, lib];
