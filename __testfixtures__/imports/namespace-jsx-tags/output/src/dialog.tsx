// A namespace named after its module follows it, in every tag that names it.
import * as material from '@mui/material';

export const Confirm = () => (
  <material.Dialog open>
    <material.Button>OK</material.Button>
  </material.Dialog>
);
