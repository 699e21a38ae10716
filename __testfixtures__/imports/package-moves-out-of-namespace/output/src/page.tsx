// The settings dialog: its members are read as JSX tag names, so they are uses of the namespace.
import { Button as Button2, Dialog } from '@mui/material';
import { makeStyles } from '@mui/styles';
import { Button } from './local-button';

export const useStyles = makeStyles({ root: { padding: 8 } });

export function SettingsDialog({ open }: { open: boolean }) {
  return (
    <Dialog open={open} MUI="an attribute named like the namespace">
      {/* the local button, not Material-UI's */}
      <Button />
      <Button2 variant="text">Save</Button2>
    </Dialog>
  );
}
