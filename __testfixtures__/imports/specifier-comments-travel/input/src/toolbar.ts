// Each name's comments go with it to its new import; the list's own comments go on the first new import's line, or stay where the list stood.
import { // the widgets
  // buttons for the toolbar
  Button,
  Dialog, // modal
  /* styling */ makeStyles, /* JSS */
  // end of list
} from '@material-ui/core';
export { /* lab */
  Alert, // alerts
  Skeleton,
} from '@material-ui/lab';

export const parts = [Button, makeStyles, Dialog];
