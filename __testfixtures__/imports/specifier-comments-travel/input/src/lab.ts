// A default written `default as` keeps that form where it goes, beside its comment.
import {
  default as Lab, // the lab's default
  Alert, // alerts
} from '@material-ui/lab';

export const parts = [Lab, Alert];
