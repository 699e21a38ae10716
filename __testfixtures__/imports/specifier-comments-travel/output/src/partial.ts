// Two names for two packages: each takes its comment along.
import {
  Dialog, // modal
} from '@mui/material';
import {
  makeStyles, // JSS
} from '@mui/styles';

export const parts = [Dialog, makeStyles];
