import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { ConfigError, DatabaseBusyError } from './errors';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'trackend-pglite-'));
  dirs.push(dir);
  return dir;
}

/** Start a process that opens the PGlite directory and keeps it open until killed. */
function holdPglite(dir: string): Promise<ChildProcess> {
  // `node --import tsx` (not the tsx wrapper) so the child's pid is the lock owner's pid.
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'test/support/hold-pglite.ts', dir], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${stderr}`)));
  });
}

describe('configuration errors fail fast with one clear message', () => {
  it('an unreachable PostgreSQL server names the variable and hides the password', async () => {
    const started = Date.now();
    const error = await openDatabase({ driver: 'postgres', url: 'postgres://app:s3cret@127.0.0.1:1/trackend' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(
      /^Cannot reach the PostgreSQL server named by DATABASE_URL \(postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/trackend\): .*ECONNREFUSED/,
    );
    expect((error as Error).message).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    ['malformed', 'localhost/trackend', /DATABASE_URL must look like postgres:\/\//],
    ['unreachable', 'postgres://app:pw@127.0.0.1:1/trackend', /Cannot reach the PostgreSQL server named by DATABASE_URL/],
  ])('the CLI prints one line for a %s DATABASE_URL and exits 1', (_label, url, message) => {
    const result = spawnSync(TSX, ['--conditions=react-server', 'lib/migrate-cli.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^trackend: /);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the embedded PGlite store belongs to one process at a time', () => {
  it('a second process gets a clear message, and a dead owner’s lock is taken over', async () => {
    const dir = join(tempDir(), 'pglite');
    const holder = await holdPglite(dir);

    const error = await openDatabase({ driver: 'pglite', dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect((error as Error).message).toContain(`in use by another trackend process (pid ${holder.pid}`);
    expect((error as Error).message).toContain('DATABASE_URL');

    // A crash leaves the lock file behind; the next process must still start.
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const handle = await openDatabase({ driver: 'pglite', dir });
    await handle.close();
  });
});
