// A namespace named after its module follows it, in every tag that names it.
import * as core from '@material-ui/core';

export const Confirm = () => (
  <core.Dialog open>
    <core.Button>OK</core.Button>
  </core.Dialog>
);
