/**
 * DATA_DIR on first start: created and seeded, and (R2.4) holding no plain ID number anywhere —
 * database, WAL, logs or keys.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import { PERSONAS, demoIdNumber } from '../../cloudfunctions/gateway/personas';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('DATA_DIR', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'czt-data-')), 'nested', '.data');
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is created and seeded with the demo personas on first open, and not seeded twice', async () => {
    const first = await openLocalRuntime({ dataDir });
    expect(first.seeded).toBe(true);
    expect(await first.deps.store.count('persons')).toBe(PERSONAS.filter((p) => p.registered).length);
    await first.close();
    const second = await openLocalRuntime({ dataDir });
    expect(second.seeded).toBe(false);
    expect(await second.deps.store.count('persons')).toBe(PERSONAS.filter((p) => p.registered).length);
    await second.close();
    expect(readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(['chizhengtong.db', 'exports', 'keys.json', 'logs']));
  });

  it('R2.4 holds no plain-text ID number of a registered demo user in any file', async () => {
    const runtime = await openLocalRuntime({ dataDir });
    const now = runtime.clock.now();
    const numbers = PERSONAS.filter((p) => p.registered).map((p) => demoIdNumber(p, now)!);
    expect(numbers).toHaveLength(2);
    // Leave the WAL un-checkpointed on purpose: it is a file in DATA_DIR too.
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('.db-wal'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const n of numbers) {
        expect({ file, found: bytes.includes(Buffer.from(n, 'utf8')) }).toEqual({ file, found: false });
        expect({ file, found: bytes.includes(Buffer.from(n, 'utf16le')) }).toEqual({ file, found: false });
      }
    }
    await runtime.close();
    for (const file of filesUnder(dataDir)) {
      for (const n of numbers) expect(readFileSync(file).includes(Buffer.from(n, 'utf8'))).toBe(false);
    }
  });
});
