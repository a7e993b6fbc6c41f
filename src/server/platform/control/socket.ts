// A Unix socket in the embedded data dir. The embedded database allows one process, so while the
// server runs, `npx hearth …` commands are carried out by the server itself through this socket.
import fs from 'node:fs';
import net from 'node:net';
import type { Logger } from '../logger';

export interface ControlRequest {
  command: string;
  args: Record<string, unknown>;
}

export type ControlReply = { ok: true; output: string[] } | { ok: false; error: string };

export type ControlHandler = (request: ControlRequest) => Promise<string[]>;

export function listenControl(socketPath: string, handler: ControlHandler, logger: Logger): Promise<net.Server> {
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      const line = buffer.slice(0, newline);
      buffer = '';
      void answer(line, handler, logger).then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      fs.chmodSync(socketPath, 0o600);
      resolve(server);
    });
  });
}

async function answer(line: string, handler: ControlHandler, logger: Logger): Promise<ControlReply> {
  try {
    const request = JSON.parse(line) as ControlRequest;
    return { ok: true, output: await handler(request) };
  } catch (error) {
    logger.warn({ err: error }, 'control command failed');
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function sendControl(socketPath: string, request: ControlRequest): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let data = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      data += chunk;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(data) as ControlReply);
      } catch {
        reject(new Error('The running Hearth server gave no answer'));
      }
    });
    socket.on('error', reject);
  });
}
