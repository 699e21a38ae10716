// Inside the package, consumers go to the defining module.
import type { PathString } from './types/path';

export const home: PathString = '/';
