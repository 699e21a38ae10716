import { throttle } from '@acme/timing';

export const onResize = throttle(() => 0, 100);
