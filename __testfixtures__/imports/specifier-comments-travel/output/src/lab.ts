// A default written `default as` keeps that form where it goes, beside its comment.
import {
  default as Lab, // the lab's default
} from '@mui/lab';
import {
  Alert, // alerts
} from '@mui/material';

export const parts = [Lab, Alert];
