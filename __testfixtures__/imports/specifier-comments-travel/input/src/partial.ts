// Two names for two packages: each takes its comment along.
import {
  Dialog, // modal
  makeStyles, // JSS
} from '@material-ui/core';

export const parts = [Dialog, makeStyles];
