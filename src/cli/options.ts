// Option values shared by the parser and the commands, kept apart so parsing loads no engine.
export const SCAN_FORMATS = ['table', 'json', 'markdown', 'sarif', 'github'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export const RUN_FORMATS = ['diff', 'json'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];
