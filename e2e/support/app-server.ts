import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The pieces global-setup puts together: a production build that is rebuilt only when its
 * inputs changed, a CLI runner that shows the output when a step fails, and one `next start`
 * in its own process group so teardown can stop it and everything it spawned.
 */

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NEXT_BIN = join(ROOT, 'node_modules', '.bin', 'next');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Everything `next build` reads. Tests (*.test.ts) are not part of the build.
const BUILD_DIRS = ['app', 'lib', 'db', 'scrapers', 'public'];
const BUILD_FILES = [
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
  'instrumentation.ts',
  'proxy.ts',
  'middleware.ts',
];
/** Where `next build` writes; NEXT_DIST_DIR (read by next.config.js) moves it, e.g. for the load benchmark. */
const distDir = (env: NodeJS.ProcessEnv = process.env) => join(ROOT, env.NEXT_DIST_DIR || '.next');
const stampFile = (env?: NodeJS.ProcessEnv) => join(distDir(env), 'e2e-build-stamp');

function listFiles(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, out);
    else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
}

/** A hash of the build's inputs (paths and contents), so a checkout or touch alone does not rebuild. */
export function buildInputsHash(): string {
  const files: string[] = [];
  for (const dir of BUILD_DIRS) listFiles(join(ROOT, dir), files);
  for (const file of BUILD_FILES) if (existsSync(join(ROOT, file))) files.push(join(ROOT, file));
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0');
    hash.update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The stamp names the inputs and the BUILD_ID made from them, so a build by anyone else in
 * the same dist dir (`npm run build` from other sources) invalidates it.
 */
function stampFor(inputsHash: string, env?: NodeJS.ProcessEnv): string {
  return `${inputsHash} ${readFileSync(join(distDir(env), 'BUILD_ID'), 'utf8').trim()}`;
}

export function buildIsCurrent(inputsHash: string, env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    return readFileSync(stampFile(env), 'utf8').trim() === stampFor(inputsHash, env);
  } catch {
    return false; // no build or no stamp yet
  }
}

/** Run a command in the project root; on a non-zero exit, throw with the tail of its output. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${label} failed (exit ${code}):\n${output.split('\n').slice(-60).join('\n')}`));
    });
  });
}

/** `next build`, unless the stamp in the dist dir says the build already matches the sources. */
export async function ensureBuild(log: (message: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const before = buildInputsHash();
  if (buildIsCurrent(before, env)) {
    log('e2e: production build is current');
    return;
  }
  // While only tests change and others keep editing app/, rebuilding every run costs minutes:
  // E2E_REUSE_BUILD=1 serves whatever build exists (never in CI).
  if (env.E2E_REUSE_BUILD === '1' && existsSync(join(distDir(env), 'BUILD_ID'))) {
    log('e2e: E2E_REUSE_BUILD=1: serving the existing build, which may not match the sources');
    return;
  }
  log('e2e: sources changed since the last build; running `next build` (a few minutes)…');
  const started = Date.now();
  // NODE_ENV must not leak in from vitest ("test"): next build wants production.
  await run(NEXT_BIN, ['build'], { ...env, NODE_ENV: 'production' }, 'next build');
  // Stamp the hash taken before the build: files edited while it ran make the next run rebuild.
  writeFileSync(stampFile(env), `${stampFor(before, env)}\n`);
  log(`e2e: build done in ${Math.round((Date.now() - started) / 1000)} s`);
}

export function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return run(NPM, ['run', '--silent', script, '--', ...args], env, `npm run ${script} ${args.join(' ')}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  /** The server's process group id (its own pid): the load benchmark samples the group's memory. */
  pid: number;
  stop(): Promise<void>;
}

/** `next start` on 127.0.0.1:<free port>, ready once /jobs answers 200. Output goes to logFile. */
export async function startAppServer(env: NodeJS.ProcessEnv, logFile: string): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(NEXT_BIN, ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stop() signals the group
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code) => {
      exited = code;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited === undefined && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 10_000);
      await exit;
      clearTimeout(timer);
    }
    log.end();
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`next start exited (code ${exited}) before it answered:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/jobs`, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      if (response.ok) return { url, pid: child.pid!, stop };
      if (response.status >= 500) {
        await stop();
        throw new Error(`next start answered /jobs with HTTP ${response.status}:\n${tail(logFile)}`);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('next start answered')) throw error;
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 120 s:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
