// The packages are not installed here: both versions' paths are declared.
declare module '@material-ui/core' {
  export const Dialog: unknown;
  export const TextField: unknown;
}
declare module '@material-ui/core/Button' {
  const Button: unknown;
  export default Button;
}
declare module '@material-ui/core/Tooltip' {
  const Tooltip: unknown;
  export default Tooltip;
}
declare module '@material-ui/core/styles' {
  export function makeStyles(styles: object): () => Record<string, string>;
}
declare module '@material-ui/icons/Delete' {
  const DeleteIcon: unknown;
  export default DeleteIcon;
}
declare module '@mui/material' {
  export const Dialog: unknown;
  export const TextField: unknown;
}
declare module '@mui/material/Button' {
  const Button: unknown;
  export default Button;
}
declare module '@mui/material/Tooltip' {
  const Tooltip: unknown;
  export default Tooltip;
}
declare module '@mui/material/styles' {
  export function makeStyles(styles: object): () => Record<string, string>;
}
declare module '@mui/icons-material/Delete' {
  const DeleteIcon: unknown;
  export default DeleteIcon;
}
declare module '@material-ui/core-extras' {
  export const useState: unknown;
}
