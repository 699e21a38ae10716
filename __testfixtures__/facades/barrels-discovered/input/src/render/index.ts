/**
 * Rendering: one canvas, one paint call.
 */
import Canvas from './canvas';
import { paint } from './paint';

export { Canvas, paint as draw };
export type { Theme } from './paint';
