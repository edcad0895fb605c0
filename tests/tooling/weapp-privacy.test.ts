/**
 * R14.1 the WeChat privacy flow is in the built mini-program (dist/weapp, from `npm run
 * build:weapp`, as `npm test` makes it): app.json opts into WeChat's privacy check, the guide,
 * 我的信息 and the face check are pages of the main package, the guide's 同意 is a button with
 * `open-type="agreePrivacyAuthorization"` whose event the template binds, and the app listens
 * for WeChat's request, reads the setting and asks before its own privacy interface (the face check).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const weapp = join(__dirname, '..', '..', 'dist', 'weapp');
const read = (...parts: string[]) => readFileSync(join(weapp, ...parts), 'utf8');
const PAGES = ['pages/privacy/index', 'pages/my-data/index', 'pages/face-check/index'];

/** Every script of the main package (pages, app, shared chunks), as text. */
function mainScripts(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const rel = join(dir, e.name);
      if (e.isDirectory() && !rel.startsWith(join(weapp, 'packages'))) walk(rel);
      else if (e.isFile() && e.name.endsWith('.js')) out.push(readFileSync(rel, 'utf8'));
    }
  };
  walk(weapp);
  return out.join('\n');
}

describe('R14.1 the weapp build carries WeChat’s privacy flow', () => {
  beforeAll(() => {
    if (!existsSync(join(weapp, 'app.json'))) throw new Error('dist/weapp missing: run npm run build:weapp first');
  });

  it('R14.1 app.json sets __usePrivacyCheck__ and lists the privacy pages in the main package', () => {
    const app = JSON.parse(read('app.json')) as { __usePrivacyCheck__?: boolean; pages: string[] };
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.pages).toEqual(expect.arrayContaining(PAGES));
    for (const page of PAGES) for (const ext of ['js', 'json', 'wxml']) expect({ page, ext, built: existsSync(join(weapp, `${page}.${ext}`)) }).toEqual({ page, ext, built: true });
    expect(JSON.parse(read('pages/privacy/index.json'))).toMatchObject({ navigationBarTitleText: '隐私保护指引' });
  });

  it('R14.1 the guide’s 同意 is an agreePrivacyAuthorization button, and the template binds its event', () => {
    expect(read('pages/privacy/index.js')).toContain('agreePrivacyAuthorization');
    expect(read('base.wxml')).toContain('bindagreeprivacyauthorization=');
  });

  it('R14.1 the app listens for WeChat’s request, reads the setting, and asks before the face check', () => {
    const scripts = mainScripts();
    for (const api of ['onNeedPrivacyAuthorization', 'getPrivacySetting', 'requirePrivacyAuthorize']) expect({ api, found: scripts.includes(api) }).toEqual({ api, found: true });
    expect(read('pages/face-check/index.js')).toContain('requestFacialVerify');
  });

  it('R14.3 the pretend face check of the local host is not in the mini-program', () => {
    expect(mainScripts()).not.toContain('/dev/face');
  });
});
