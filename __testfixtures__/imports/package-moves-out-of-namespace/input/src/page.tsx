// The settings dialog: its members are read as JSX tag names, so they are uses of the namespace.
import * as MUI from '@material-ui/core';
import { Button } from './local-button';

export const useStyles = MUI.makeStyles({ root: { padding: 8 } });

export function SettingsDialog({ open }: { open: boolean }) {
  return (
    <MUI.Dialog open={open} MUI="an attribute named like the namespace">
      {/* the local button, not Material-UI's */}
      <Button />
      <MUI.Button variant="text">Save</MUI.Button>
    </MUI.Dialog>
  );
}
