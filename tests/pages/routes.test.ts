/**
 * The routes are named in three places that must agree: app.config.ts (what the app has), the
 * server's PAGES (what reminders open) and the app's URLS (what taps open).
 */
import { PAGES } from '../../cloudfunctions/core/pages';
import { TAB_URLS, URLS, withQuery } from '../../src/utils/routes';

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string }[] };
}

(globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const app = (require('../../src/app.config') as { default: AppConfig }).default;
const routes = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];

describe('routes', () => {
  it('every page the server names is a page of the app', () => {
    expect(Object.values(PAGES).filter((p) => !routes.includes(p))).toEqual([]);
  });

  it('every page the app opens is a page of the app', () => {
    expect(Object.values(URLS).filter((u) => !routes.includes(u.slice(1)))).toEqual([]);
  });

  it('subpackage pages follow Taro’s pages/<name>/index', () => {
    expect(routes.filter((r) => !/(^|\/)pages\/[a-z-]+\/index$/.test(r))).toEqual([]);
  });

  it('the tab-bar pages are the ones opened with switchTab', () => {
    expect(app.tabBar.list.map((t) => `/${t.pagePath}`)).toEqual(TAB_URLS);
  });

  it('encodes query values', () => {
    expect(withQuery(URLS.trainerClass, { classId: 'c 7' })).toBe('/packages/trainer/pages/class/index?classId=c%207');
  });
});
