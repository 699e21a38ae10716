// The package's public entry re-exports whole modules: each star moves as written.
export * from '@mui/material/styles';
export * as icons from '@mui/icons-material/Delete';
