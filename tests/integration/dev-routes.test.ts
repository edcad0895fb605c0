/**
 * R1.1 the dev login makes anyone who reaches the port any persona (the city admin included) and
 * shows the personas' full ID numbers: the local host serves it only when started with --dev,
 * and refuses to start with it on an address other than loopback.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const main = join(root, 'cloudfunctions', 'gateway', 'main.ts');
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'czt-dev-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = (extra: Record<string, string>) => ({ ...process.env, DATA_DIR: dataDir, H5_DIR: join(dataDir, 'no-h5'), PORT: '0', ...extra });

/** Starts the host and answers its URL once it says it is ready. */
function serve(args: string[], extra: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], { env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /App:\s+(http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

const stop = (child: ChildProcess) => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));

describe('R1.1 the dev login stays on this machine', () => {
  it('R1.1 refuses to start with --dev on 0.0.0.0, saying why', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', main, '--dev'], { env: env({ HOST: '0.0.0.0' }), encoding: 'utf8', timeout: 60_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('refusing to start');
    expect(run.stderr).toContain('0.0.0.0');
  }, 60_000);

  it('R1.1 with --dev on 127.0.0.1 it offers the personas; without --dev there is no dev route', async () => {
    const dev = await serve(['--dev']);
    try {
      const personas = await fetch(`${dev.url}/dev/personas`);
      expect(personas.status).toBe(200);
      expect(((await personas.json()) as { data: unknown[] }).data.length).toBeGreaterThan(3);
    } finally {
      await stop(dev.child);
    }
    const plain = await serve([]);
    try {
      for (const path of ['/dev/login', '/dev/personas', '/dev/clock']) expect((await fetch(`${plain.url}${path}`)).status).toBe(404);
      expect((await fetch(`${plain.url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"official-city"}' })).status).toBe(404);
      expect((await fetch(`${plain.url}/healthz`)).status).toBe(200);
    } finally {
      await stop(plain.child);
    }
  }, 120_000);
});

describe('the dev login’s brand-new identity (R11.2: someone to accept an invitation)', () => {
  it('R11.2 each fresh login is a different, unregistered WeChat identity with no role, and goes back to the page that asked', async () => {
    const { startTestGateway } = await import('../support/gateway');
    const gw = await startTestGateway();
    try {
      const login = () =>
        fetch(`${gw.url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'fresh=1&next=pages%2Finvite%2Findex%3Fcode%3DABCDEFGH', redirect: 'manual' });
      const [a, b] = [await login(), await login()];
      expect(a.status).toBe(303);
      expect(a.headers.get('location')).toBe('/#/pages/invite/index?code=ABCDEFGH');
      const cookieA = a.headers.get('set-cookie')!.split(';')[0];
      expect(cookieA).not.toBe(b.headers.get('set-cookie')!.split(';')[0]);
      const who = await fetch(`${gw.url}/api/account`, { method: 'POST', headers: { cookie: cookieA, 'content-type': 'application/json' }, body: '{"action":"whoami"}' });
      expect(((await who.json()) as { data: unknown }).data).toMatchObject({ registered: false, roles: [] });
      const evil = await fetch(`${gw.url}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'fresh=1&next=https%3A%2F%2Fevil.example', redirect: 'manual' });
      expect(evil.headers.get('location')).toBe('/#/pages/me/index');
    } finally {
      await gw.close();
    }
  });
});
