// Everything the screens need.
export * from './buttons';
