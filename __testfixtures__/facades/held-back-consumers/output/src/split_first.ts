// A default and a namespace import of the kept entry point in one declaration: split it first.
import api, * as everything from './public_api';

export const both = [api, everything];
