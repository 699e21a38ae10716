import { capitalize } from './strings';

export const title = (text: string) => capitalize(text.trim());
export { capitalize };
