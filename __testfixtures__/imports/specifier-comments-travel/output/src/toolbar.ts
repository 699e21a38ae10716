// Each name's comments go with it to its new import; the list's own comments go on the first new import's line, or stay where the list stood.
import { // the widgets
  // buttons for the toolbar
  Button,
  Dialog, // modal
} from '@mui/material';
import {
  /* styling */ makeStyles, /* JSS */
} from '@mui/styles';
// end of list
export { /* lab */
  Alert, // alerts
} from '@mui/material';
export { Skeleton } from '@mui/lab';

export const parts = [Button, makeStyles, Dialog];
