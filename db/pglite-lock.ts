import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { DatabaseBusyError } from './errors';

// PGlite's data directory belongs to one process at a time: two processes writing it corrupt
// the store. A lock file beside the directory records the owner; a second process gets a clear
// message instead. A lock left by a process that died is taken over.

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return null; // half-written or removed meanwhile: treat as stale
  }
}

/** Take the lock for `dataDir` or throw DatabaseBusyError naming the owner. Returns the release function. */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1, 3).join(' '),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      const release = () => {
        const owner = readOwner(lockPath);
        if (owner?.pid === process.pid) unlinkSync(lockPath);
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockPath);
    if (owner && owner.host === me.host && owner.pid !== process.pid && isAlive(owner.pid)) {
      throw new DatabaseBusyError(
        `The embedded database at ${dataDir} is in use by another trackend process (pid ${owner.pid}: ${owner.command}). ` +
          'PGlite allows one process at a time: stop that process first, use the running app instead ' +
          '(the Boards page can refresh boards), or set DATABASE_URL to use a PostgreSQL server.',
      );
    }
    unlinkSync(lockPath); // stale: its owner is gone
  }
  throw new DatabaseBusyError(`Could not take the lock ${lockPath}; remove it if no trackend process is running.`);
}
