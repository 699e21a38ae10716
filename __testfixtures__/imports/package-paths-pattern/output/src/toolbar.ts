// Material-UI v4 paths: each family moves to its MUI v5 package, subpath kept.
import Button from '@mui/material/Button';
import { makeStyles } from '@mui/material/styles';
import { Dialog, TextField } from '@mui/material';
import DeleteIcon from "@mui/icons-material/Delete";
import { useState } from '@material-ui/core-extras';

export const useStyles = makeStyles({ root: { padding: 8 } });
export const parts = [Button, Dialog, TextField, DeleteIcon, useState];
export const loadTooltip = () => import('@mui/material/Tooltip');
