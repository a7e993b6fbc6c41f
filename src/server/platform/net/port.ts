// Checks that the HTTP port is free before anything touches the disk.
import net from 'node:net';
import { StartupError } from '../db/data-dir';

export function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new StartupError(`Port ${port} on ${host} is already in use; stop what uses it or set PORT to another port`));
      else if (error.code === 'EACCES') reject(new StartupError(`Not allowed to listen on ${host}:${port}; choose a PORT above 1024`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new StartupError(`HOST ${host} is not an address of this machine`));
      else reject(new StartupError(`Cannot listen on ${host}:${port}: ${error.message}`));
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
