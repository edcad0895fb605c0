/**
 * core/words.json, the catalogue of what each status, kind and outcome is called: every table is
 * taken by exactly one core module, every word is text a screen can show, and a table whose codes
 * core lists holds those codes and no others (the type check catches a missing word, not an extra).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBSIDY_STATUSES, SUBSIDY_STATUS_NAMES } from '../../../cloudfunctions/core/certificates';
import { DASHBOARD_METRICS, METRIC_NAMES } from '../../../cloudfunctions/core/dashboard';
import { FACE_OUTCOMES, FACE_OUTCOME_MESSAGES, FACE_OUTCOME_NAMES } from '../../../cloudfunctions/core/face-check';
import WORDS from '../../../cloudfunctions/core/words.json';

const CORE = join(__dirname, '..', '..', '..', 'cloudfunctions', 'core');

function coreSources(dir = CORE): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return coreSources(path);
    return e.name.endsWith('.ts') ? [{ file: path.slice(CORE.length + 1), text: readFileSync(path, 'utf8') }] : [];
  });
}

describe('core/words.json', () => {
  const sources = coreSources();

  it.each(Object.keys(WORDS))('%s is the table of exactly one core module', (key) => {
    const takers = sources.filter((s) => new RegExp(`\\bWORDS\\.${key}\\b`).test(s.text)).map((s) => s.file);
    expect(takers).toHaveLength(1);
  });

  it('holds only short, non-empty words without stray spaces', () => {
    for (const [table, words] of Object.entries(WORDS)) {
      for (const [code, word] of Object.entries(words as Record<string, string>)) {
        expect({ table, code, word: word.trim() }).toEqual({ table, code, word });
        expect(word.length).toBeGreaterThan(0);
        expect(word.length).toBeLessThanOrEqual(60);
      }
    }
  });

  it('names every listed code and no other', () => {
    expect(Object.keys(SUBSIDY_STATUS_NAMES).sort()).toEqual([...SUBSIDY_STATUSES].sort());
    expect(Object.keys(METRIC_NAMES).sort()).toEqual([...DASHBOARD_METRICS].sort());
    expect(Object.keys(FACE_OUTCOME_NAMES).sort()).toEqual([...FACE_OUTCOMES].sort());
    expect(Object.keys(FACE_OUTCOME_MESSAGES).sort()).toEqual([...FACE_OUTCOMES].sort());
  });
});
