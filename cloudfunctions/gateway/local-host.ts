/**
 * Issue 18: which local host serves a DATA_DIR. The host writes DATA_DIR/host.json when it
 * listens and removes it when it stops; a local command that writes the same database reads it
 * to name the host it shares the file with (sweep, remind) or to refuse (dataset:lvliang, which
 * replaces the database). A record whose process is gone (the host was killed) is ignored.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HostRecord {
  pid: number;
  url: string;
  startedAt: string;
}

const fileOf = (dataDir: string) => join(dataDir, 'host.json');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Records this process as DATA_DIR's host; answers the function that removes the record (if still ours). */
export function announceHost(dataDir: string, record: HostRecord): () => void {
  const file = fileOf(dataDir);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return () => {
    if (readHost(dataDir)?.pid === record.pid) rmSync(file, { force: true });
  };
}

function readHost(dataDir: string): HostRecord | null {
  const file = fileOf(dataDir);
  if (!existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<HostRecord>;
    return typeof r.pid === 'number' && typeof r.url === 'string' ? { pid: r.pid, url: r.url, startedAt: String(r.startedAt ?? '') } : null;
  } catch {
    return null;
  }
}

/** The live host serving `dataDir` (not this process), or null. */
export function runningHost(dataDir: string): HostRecord | null {
  const r = readHost(dataDir);
  return r && r.pid !== process.pid && alive(r.pid) ? r : null;
}

export const describeHost = (h: HostRecord): string => `the local host (pid ${h.pid}, ${h.url}, started ${h.startedAt})`;
