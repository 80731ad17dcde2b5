/**
 * Starts the real `vitrine` binary on a free port with a fresh database, for one test file.
 *
 * Environment:
 * - `VITRINE_BIN`: the binary (default `../target/debug/vitrine`, relative to e2e/).
 * - `VITRINE_STATIC_DIR`: the built SPA (default `<repo>/web/dist`).
 * - `E2E_POSTGRES`: a PostgreSQL server (e.g. `postgres://postgres@127.0.0.1:5432`): each
 *   server then gets a new database there, dropped when it stops (needs `psql`).
 * - `E2E_DATABASE_URL`: a database URL to use instead of a temporary SQLite file
 *   (e.g. `postgres://postgres@127.0.0.1:5432/vitrine_e2e`); it should start empty.
 * - `RUST_LOG`: passed through; `warn` when unset.
 */

import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(E2E_DIR, '..');

const HEALTH_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const LOG_LIMIT = 1_000_000;
// tracing colours its output even into a pipe; the log is read as plain text.
const ANSI_ESCAPE = /\x1b\[[0-9;]*m/g;

/** Servers still running and their temp dirs; cleaned up if this process ends or is interrupted first. */
const running = new Map();
let reaperInstalled = false;

function installReaper() {
  if (reaperInstalled) return;
  reaperInstalled = true;
  const killAll = () => {
    for (const [child, tmpDir] of running) {
      child.kill('SIGKILL');
      rmSync(tmpDir, { recursive: true, force: true });
    }
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

/** Asks the kernel for a free port on 127.0.0.1, then releases it for the server to take. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `vitrine serve` (with `extraArgs` after the harness's own, e.g.
 * `['--no-visit-count']`) and resolves once `GET /healthz` answers 200.
 * @returns {Promise<{ baseUrl: string, databaseUrl: string, log: () => string,
 *   printLog: (why: string) => void, stop: () => Promise<void> }>}
 */
export async function startServer({ demo = true, extraArgs = [] } = {}) {
  const bin = path.resolve(E2E_DIR, process.env.VITRINE_BIN || '../target/debug/vitrine');
  const staticDir = path.resolve(E2E_DIR, process.env.VITRINE_STATIC_DIR || '../web/dist');
  if (!existsSync(bin)) {
    throw new Error(`no server binary at ${bin}: build it with cargo build, or set VITRINE_BIN`);
  }
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`no ${path.join(staticDir, 'index.html')}: build the SPA first or set VITRINE_STATIC_DIR`);
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-e2e-'));
  const postgres = process.env.E2E_POSTGRES && freshPostgresDatabase(process.env.E2E_POSTGRES);
  const databaseUrl = postgres?.url || process.env.E2E_DATABASE_URL || `sqlite://${tmpDir}/vitrine.sqlite`;
  const args = ['serve', '--bind', `127.0.0.1:${port}`, '--database-url', databaseUrl, '--static-dir', staticDir];
  if (demo) args.push('--demo');
  args.push(...extraArgs);

  let output = '';
  const append = (chunk) => {
    output += chunk.replace(ANSI_ESCAPE, '');
    if (output.length > LOG_LIMIT) output = `[... earlier output dropped ...]\n${output.slice(-LOG_LIMIT)}`;
  };
  const log = () => output;
  const printLog = (why) => {
    process.stderr.write(
      `\n----- vitrine server log (${why}): ${bin} ${args.join(' ')}\n${output || '(no output)\n'}----- end of server log\n`,
    );
  };

  // The server runs in the temp dir so nothing it writes by default lands in the repo.
  const child = spawn(bin, args, {
    cwd: tmpDir,
    env: { NO_COLOR: '1', ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', append);
  child.stderr.setEncoding('utf8').on('data', append);

  let healthy = false;
  let stopping = false;
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('error', (err) => {
      exitInfo = { error: err };
      append(`[e2e] could not spawn: ${err.message}\n`);
      resolve();
    });
    // 'close' rather than 'exit': its output has been read to the end by then.
    child.on('close', (code, signal) => {
      exitInfo = { code, signal };
      running.delete(child);
      // Before it is healthy, the startup error carries the log instead.
      if (healthy && !stopping) printLog(`exited early with code ${code}, signal ${signal}`);
      resolve();
    });
  });
  // Never leave a server behind, even if the test process is killed on a timeout.
  installReaper();
  running.set(child, tmpDir);

  let stopped = null;
  const stop = () => (stopped ??= shutDown());
  const shutDown = async () => {
    stopping = true;
    if (!exitInfo) {
      child.kill('SIGTERM');
      let timer;
      const grace = new Promise((resolve) => {
        timer = setTimeout(resolve, STOP_GRACE_MS, 'timeout');
      });
      const outcome = await Promise.race([exited, grace]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        const note = `[e2e] server still running ${STOP_GRACE_MS} ms after SIGTERM, sending SIGKILL\n`;
        append(note);
        process.stderr.write(note);
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(tmpDir, { recursive: true, force: true });
    postgres?.drop();
  };

  try {
    await waitForHealth(baseUrl, () => exitInfo);
    healthy = true;
  } catch (err) {
    await stop();
    err.message += `\n----- server log: ${bin} ${args.join(' ')}\n${output || '(no output)\n'}----- end of server log`;
    throw err;
  }
  return { baseUrl, databaseUrl, log, printLog, stop };
}

/** A new, empty database on the PostgreSQL server `base`, and how to drop it. */
function freshPostgresDatabase(base) {
  const name = `vitrine_e2e_${randomBytes(6).toString('hex')}`;
  const admin = `${base.replace(/\/+$/, '')}/postgres`;
  const psql = (sql) => execFileSync('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: 'pipe' });
  psql(`CREATE DATABASE ${name}`);
  return {
    url: `${base.replace(/\/+$/, '')}/${name}`,
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function waitForHealth(baseUrl, exitInfo) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const info = exitInfo();
    if (info) {
      throw new Error(
        info.error
          ? `server could not be spawned: ${info.error.message}`
          : `server exited before it was healthy (code ${info.code}, signal ${info.signal})`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.status === 200) return;
      last = `GET /healthz answered ${res.status}`;
    } catch (err) {
      last = `GET /healthz failed: ${err.cause?.code || err.message}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not healthy after ${HEALTH_TIMEOUT_MS / 1000} s (${last})`);
}
