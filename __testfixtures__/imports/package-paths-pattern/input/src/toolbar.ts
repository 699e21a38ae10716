// Material-UI v4 paths: each family moves to its MUI v5 package, subpath kept.
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import { Dialog, TextField } from '@material-ui/core';
import DeleteIcon from "@material-ui/icons/Delete";
import { useState } from '@material-ui/core-extras';

export const useStyles = makeStyles({ root: { padding: 8 } });
export const parts = [Button, Dialog, TextField, DeleteIcon, useState];
export const loadTooltip = () => import('@material-ui/core/Tooltip');
