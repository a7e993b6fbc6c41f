// Messages between the main thread and the embedded database thread.

export interface WorkerStart {
  dataDir: string;
}

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'close' };

export type WorkerReply =
  | { id: number; ok: true; rows: Record<string, unknown>[]; affectedRows: number }
  | { id: number; ok: false; message: string; fields: Record<string, string> };
