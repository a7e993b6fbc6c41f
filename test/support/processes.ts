// Runs the built server and CLI as real processes, the way a user does.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverEntry = path.join(root, 'dist', 'server', 'main.js');
export const cliEntry = path.join(root, 'bin', 'hearth.js');

export function assertBuilt(): void {
  if (!fs.existsSync(serverEntry)) throw new Error('dist/server is missing: run `npm run build` (npm test does it for you)');
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Spawned {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Resolves when the output matches, rejects if the process exits first or the time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<Finished>;
  stop(): Promise<Finished>;
}

export function run(entry: string, args: string[], env: Record<string, string>, input?: string): Spawned {
  const nodeArgs = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  if (input !== undefined) child.stdin?.end(input);
  const exited = new Promise<Finished>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => finish(new Error(`timed out waiting for ${pattern}\nstdout: ${stdout}\nstderr: ${stderr}`)), timeoutMs);
        const check = (): void => {
          const match = pattern.exec(stdout + stderr);
          if (match) finish(undefined, match);
        };
        const onExit = (): void => finish(new Error(`process exited before ${pattern}\nstdout: ${stdout}\nstderr: ${stderr}`));
        function finish(error: Error | undefined, match?: RegExpExecArray): void {
          clearTimeout(deadline);
          child.stdout?.off('data', check);
          child.stderr?.off('data', check);
          child.off('exit', onExit);
          if (error) reject(error);
          else resolve(match as RegExpExecArray);
        }
        child.stdout?.on('data', check);
        child.stderr?.on('data', check);
        child.once('exit', onExit);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.kill('SIGTERM');
        const result = await exited;
        clearTimeout(force);
        return result;
      }
      return exited;
    },
  };
}

/** Runs to completion, killing the process if it takes longer than timeoutMs. */
export async function runToEnd(entry: string, args: string[], env: Record<string, string>, input?: string, timeoutMs = 30_000): Promise<Finished> {
  const spawned = run(entry, args, env, input);
  const timer = setTimeout(() => spawned.child.kill('SIGKILL'), timeoutMs);
  const result = await spawned.exited;
  clearTimeout(timer);
  return result;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Every file under dir with its size and mtime, to prove a failed start wrote nothing. */
export function snapshot(dir: string): string[] {
  if (!fs.existsSync(dir)) return ['(absent)'];
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        out.push(`${path.relative(dir, full)} ${stat.size} ${stat.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}
