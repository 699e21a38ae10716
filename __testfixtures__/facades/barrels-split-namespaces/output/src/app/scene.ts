import { area, Rect } from '..';

export const unit = area(new Rect(0, 0, 1, 1));
