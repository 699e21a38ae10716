const { inspect } = require('node:util');

export const describe = (value: unknown): string => inspect(value);
