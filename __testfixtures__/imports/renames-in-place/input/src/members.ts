import dateKit from 'date-kit';
import * as dk from 'date-kit';
declare const require: (id: string) => any;

// Members of a module object are renamed where they stand, however they are written.
export const a = dateKit.formatDate(new Date());
export const b = dk['formatDate'](new Date());
export const c = require('date-kit').formatDate(new Date());
export const d = require('date-kit')['formatDate'](new Date());
export const later = async () => (await import('date-kit')).formatDate(new Date());
