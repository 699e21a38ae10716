// The package's entry: Alert no longer comes from the lab package, and which names it does export
// cannot be read here, so this star stays for a person.
export * from '@material-ui/lab';
export { SettingsDialog } from './page';
