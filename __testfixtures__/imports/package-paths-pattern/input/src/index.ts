// The package's public entry re-exports whole modules: each star moves as written.
export * from '@material-ui/core/styles';
export * as icons from '@material-ui/icons/Delete';
