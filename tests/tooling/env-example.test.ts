/**
 * `.env.example` names every environment variable the project reads (cloudfunctions/config.ts),
 * the Taro build's TARO_APP_* included, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRONT_END_KEYS, configKeys } from '../../cloudfunctions/config';
import { REMINDER_KINDS } from '../../cloudfunctions/core/reminders';

const root = join(__dirname, '..', '..');
const named = (text: string) => [...text.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);

it('.env.example names every configuration key, and only those', () => {
  const keys = configKeys(Object.values(REMINDER_KINDS).map((k) => k.template));
  expect(named(readFileSync(join(root, '.env.example'), 'utf8')).sort()).toEqual([...new Set(keys)].sort());
});

it('the Taro build reads only the TARO_APP_* keys the configuration declares', () => {
  const build = readFileSync(join(root, 'config', 'index.ts'), 'utf8');
  const read = [...new Set([...build.matchAll(/process\.env\.(TARO_APP_[A-Z0-9_]+)/g)].map((m) => m[1]))];
  expect(read.sort()).toEqual([...FRONT_END_KEYS].sort());
});
