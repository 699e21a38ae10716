export class UnifiedWebSocketManager {}
