export const SEPARATOR = ' · ';
