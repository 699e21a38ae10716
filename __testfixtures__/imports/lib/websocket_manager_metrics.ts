export const metrics = { sent: 0 };
