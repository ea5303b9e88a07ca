export const IPC_RPC = 'records-room:rpc';
export const IPC_EVENT = 'records-room:event';
export const IPC_PICK_FOLDER = 'records-room:pick-folder';
/** The renderer's own origin; IPC from any other frame is refused. */
export const APP_ORIGIN = 'app://renderer';
