export * from './ws_exports';
