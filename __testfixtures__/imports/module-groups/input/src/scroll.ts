import { throttle } from 'lodash';

export const onResize = throttle(() => 0, 100);
