import { ConcurrencyLimit } from '@csms/common';
import { RpcConnection, RpcHandlerContext } from './rpc-connection';
import { Admission } from './station-admissions';

/**
 * A station's CALLs are handled only once the domain knows the station is connected: a new
 * station's BootNotification would otherwise race the connection record (both create it). Then
 * they take their turn among all stations' calls (`calls`); one whose connection closed meanwhile
 * is not handled, as nobody waits for its answer (in a storm, the station has retried already).
 * The station's admission ends once its first CALL is answered, or its connection closes.
 */
export function admitCalls(
  connection: RpcConnection,
  connected: Promise<void>,
  calls: ConcurrencyLimit,
  admission: Admission,
): void {
  let open = true;
  let isConnected = false;
  void connected.then(() => (isConnected = true));
  connection.once('close', () => {
    open = false;
    admission.release();
  });
  const handle = connection.handle.bind(connection);
  connection.handle = (method, handler) => {
    const takeTurn = (context: RpcHandlerContext): Promise<unknown> =>
      calls.run(() => {
        if (!open) throw new Error(`${method} dropped: the connection closed before its turn`);
        return handler(context);
      });
    return handle(method, (context) => {
      // Every call after the first of a connected station: straight to its turn (per MeterValues).
      if (isConnected && admission.released) return takeTurn(context);
      admission.callArrived();
      return connected.then(() => takeTurn(context)).finally(() => admission.release());
    });
  };
}
