import { getManager } from './legacy';

// Runs once at module load, outside any request: no user to create the manager for.
getManager('system').send('boot');
