// Imported through the workspace alias only: no file name appears in the specifier.
import { formatUser } from '@org/util';

export const label = formatUser(' Ada ');
