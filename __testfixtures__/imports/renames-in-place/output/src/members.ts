import dateKit from 'date-kit';
import * as dk from 'date-kit';
declare const require: (id: string) => any;

// Members of a module object are renamed where they stand, however they are written.
export const a = dateKit.format(new Date());
export const b = dk['format'](new Date());
export const c = require('date-kit').format(new Date());
export const d = require('date-kit')['format'](new Date());
export const later = async () => (await import('date-kit')).format(new Date());
