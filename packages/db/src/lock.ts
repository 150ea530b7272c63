/**
 * A lock file that makes one process the owner of an embedded data folder. PGlite takes no lock
 * itself and two instances on one folder corrupt it. A lock left by a process that no longer runs
 * (same host) is stale and taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number,
  ) {
    super(
      `De datamap is in gebruik door proces ${ownerPid} (${lockPath}). ` +
        `Data folder is in use by process ${ownerPid}; stop it or use another PLANMAAT_DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DirLock {
  path: string;
  release(): void;
}

export function acquireDirLock(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'planmaat.lock');
  const content: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(content), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          const current = readLock(lockPath);
          if (current?.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { path: lockPath, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(lockPath);
      if (owner && owner.host === os.hostname() && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DataDirLockedError(lockPath, owner.pid);
      }
      if (owner && owner.host !== os.hostname()) throw new DataDirLockedError(lockPath, owner.pid);
      if (owner?.pid === process.pid) throw new DataDirLockedError(lockPath, owner.pid);
      // Stale (owner gone) or unreadable (crashed while writing): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not acquire ${lockPath}`);
}

function readLock(lockPath: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockContent;
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
