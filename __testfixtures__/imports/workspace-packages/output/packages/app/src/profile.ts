// Imported through the workspace alias only: no file name appears in the specifier.
import { formatUserName as formatUser } from '@org/core';

export const label = formatUser(' Ada ');
