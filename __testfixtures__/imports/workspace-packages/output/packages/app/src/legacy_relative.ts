// A relative path into another package: rewritten with the alias, not a longer relative path.
import { formatUserName as formatUser } from '@org/core';

export const other = formatUser(' Grace ');
