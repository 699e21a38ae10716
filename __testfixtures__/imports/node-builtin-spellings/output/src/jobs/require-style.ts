const { inspectValue: inspect } = require('../debug/format');

export const describe = (value: unknown): string => inspect(value);
