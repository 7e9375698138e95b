/** Cuts a client's socket without a goodbye, as a dropped network or a closed laptop does; the server holds its seat. */
export function dropConnection(room: { reconnection: { enabled: boolean } }): void {
  room.reconnection.enabled = false;
  (room as unknown as { connection: { transport: { ws: WebSocket } } }).connection.transport.ws.close(4100);
}
