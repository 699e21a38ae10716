import { capitalize } from './util';
import { capitalise as publicCapitalise } from './index';

// Through a star barrel the new name is there too; the package's own entry keeps the old name.
export const banner = (text: string) => `${capitalize(text)} ${publicCapitalise(text)}`;
