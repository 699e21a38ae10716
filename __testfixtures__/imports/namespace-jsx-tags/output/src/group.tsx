// An XML-style tag name `core:group` does not read the namespace.
import * as material from '@mui/material';

export const Group = () => (
  <core:group>
    <material.Button />
  </core:group>
);
