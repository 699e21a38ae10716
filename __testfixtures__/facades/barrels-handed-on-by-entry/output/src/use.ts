// Inside the package, consumers go to the defining module.
import type { PathString } from './types/path/eager';

export const home: PathString = '/';
