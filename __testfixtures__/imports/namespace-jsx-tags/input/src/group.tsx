// An XML-style tag name `core:group` does not read the namespace.
import * as core from '@material-ui/core';

export const Group = () => (
  <core:group>
    <core.Button />
  </core:group>
);
