// A legacy package: its exports now come from a file of the repo.
import { connect } from 'legacy-ws-client';

export const manager = connect('user-1');
