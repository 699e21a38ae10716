// `<core.icon />` named on its own would be an HTML tag: left for a person.
import * as core from '@material-ui/core';

export const Toolbar = () => (
  <core.Toolbar>
    <core.icon />
  </core.Toolbar>
);
