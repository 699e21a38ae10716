export const hydrate = () => 1;
export const dehydrate = () => 2;
