import { title } from '../old/format';

export const heading = (text: string): string => `# ${title(text)}`;
