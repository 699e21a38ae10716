import { capitalise } from './strings';

export const title = (text: string) => capitalise(text.trim());
export { capitalise };
