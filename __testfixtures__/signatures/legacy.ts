/** @deprecated use notify(userId, options, ...rest) */
export function notify_user(_userId: string, ..._rest: unknown[]): void {}

export function notify(_userId: string, _options: { channel: string }, ..._rest: unknown[]): void {}
