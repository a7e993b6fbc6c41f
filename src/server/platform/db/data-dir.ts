// The embedded database's data directory: checks before opening, and an exclusive lock so that two
// processes never share it (that silently lost committed rows).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** PostgreSQL major version of the bundled embedded database. */
export const EMBEDDED_PG_MAJOR = 18;

export interface DataDirLayout {
  root: string;
  pgdata: string;
  lockFile: string;
  controlSocket: string;
  stateFile: string;
}

export function dataDirLayout(root: string): DataDirLayout {
  return {
    root,
    pgdata: path.join(root, 'db'),
    lockFile: path.join(root, 'hearth.lock'),
    controlSocket: path.join(root, 'control.sock'),
    stateFile: path.join(root, 'hearth-state.json'),
  };
}

export interface DataDirState {
  /** The newest migration applied to this data dir. */
  lastMigration: string;
  appVersion: string;
}

/** Fails with a clear message, before anything is written, when the data dir cannot be used. */
export function checkDataDir(layout: DataDirLayout, knownMigrations: string[]): void {
  const { root } = layout;
  if (fs.existsSync(root)) {
    const stat = fs.statSync(root);
    if (!stat.isDirectory()) throw new StartupError(`HEARTH_DATA_DIR ${root} is a file, not a directory`);
    try {
      fs.accessSync(root, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    } catch {
      throw new StartupError(`HEARTH_DATA_DIR ${root} is not readable and writable by this user (${os.userInfo().username})`);
    }
    checkExistingContents(layout, knownMigrations);
    return;
  }
  const parent = nearestExisting(path.dirname(root));
  try {
    fs.accessSync(parent, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw new StartupError(`HEARTH_DATA_DIR ${root} cannot be created: ${parent} is not writable by this user`);
  }
}

function nearestExisting(dir: string): string {
  let current = dir;
  while (!fs.existsSync(current)) current = path.dirname(current);
  return current;
}

function checkExistingContents(layout: DataDirLayout, knownMigrations: string[]): void {
  const entries = fs.readdirSync(layout.root).filter((e) => !e.startsWith('.'));
  const ours = new Set(['db', 'hearth.lock', 'control.sock', 'hearth-state.json']);
  const foreign = entries.filter((e) => !ours.has(e));
  if (foreign.length > 0 && !entries.includes('db')) {
    throw new StartupError(`HEARTH_DATA_DIR ${layout.root} is not empty and holds no Hearth database (found ${foreign[0]})`);
  }
  const pgVersionFile = path.join(layout.pgdata, 'PG_VERSION');
  if (fs.existsSync(pgVersionFile)) {
    const major = Number(fs.readFileSync(pgVersionFile, 'utf8').trim());
    if (major > EMBEDDED_PG_MAJOR) {
      throw new StartupError(`HEARTH_DATA_DIR ${layout.root} was written by a newer Hearth (database format ${major}, this build reads ${EMBEDDED_PG_MAJOR}); upgrade Hearth`);
    }
  }
  const state = readState(layout);
  if (state && !knownMigrations.includes(state.lastMigration)) {
    throw new StartupError(`HEARTH_DATA_DIR ${layout.root} was written by a newer Hearth (${state.appVersion}, migration ${state.lastMigration} is unknown to this build); upgrade Hearth`);
  }
}

export function readState(layout: DataDirLayout): DataDirState | undefined {
  try {
    return JSON.parse(fs.readFileSync(layout.stateFile, 'utf8')) as DataDirState;
  } catch {
    return undefined;
  }
}

export function writeState(layout: DataDirLayout, state: DataDirState): void {
  const tmp = `${layout.stateFile}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(tmp, layout.stateFile);
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the data dir now, if anyone. */
export function lockHolder(layout: DataDirLayout): LockInfo | undefined {
  let info: LockInfo;
  try {
    info = JSON.parse(fs.readFileSync(layout.lockFile, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  if (info.host !== os.hostname()) return info;
  return info.pid !== process.pid && isAlive(info.pid) ? info : undefined;
}

export interface DataDirLock {
  release(): void;
}

/** Takes the exclusive lock on the data dir, or fails naming the process that holds it. */
export function lockDataDir(layout: DataDirLayout): DataDirLock {
  fs.mkdirSync(layout.root, { recursive: true });
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(layout.lockFile, content, { flag: 'wx' });
      return { release: () => releaseLock(layout) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(layout);
      if (holder) {
        throw new StartupError(
          `HEARTH_DATA_DIR ${layout.root} is in use by another Hearth process (pid ${holder.pid} on ${holder.host}); stop it first, or use DATABASE_URL (PostgreSQL) to run several processes`,
        );
      }
      fs.rmSync(layout.lockFile, { force: true }); // left by a process that died
    }
  }
  throw new StartupError(`Could not lock HEARTH_DATA_DIR ${layout.root}`);
}

function releaseLock(layout: DataDirLayout): void {
  try {
    const info = JSON.parse(fs.readFileSync(layout.lockFile, 'utf8')) as LockInfo;
    if (info.pid === process.pid && info.host === os.hostname()) fs.rmSync(layout.lockFile, { force: true });
  } catch {
    // already gone
  }
}
