export const dehydrate = () => 2;
