import { title } from '../text/index.js';

export const heading = (text: string): string => `# ${title(text)}`;
