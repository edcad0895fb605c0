/**
 * Prints the collections and indexes declared in cloudfunctions/store/collections.ts as a
 * Markdown table, to paste into docs/deploy.md (CloudBase collections and indexes are created
 * by hand in the console, so the doc must match the code).
 *
 *   npx tsx scripts/deploy/print-collections.ts           # Markdown table
 *   npx tsx scripts/deploy/print-collections.ts --rules   # database.rules.json (deny all client access)
 */
import { parseArgs } from 'node:util';
import { COLLECTIONS, COLLECTION_NAMES, type IndexSpec } from '../../cloudfunctions/store/collections';
import { indexName } from './plan';

export function collectionsTable(): string {
  const lines = [
    '| Collection | Index name | Fields (ascending) | Unique |',
    '| --- | --- | --- | --- |',
  ];
  for (const name of COLLECTION_NAMES) {
    const indexes: readonly IndexSpec[] = COLLECTIONS[name].indexes;
    if (indexes.length === 0) {
      lines.push(`| \`${name}\` | — (only \`_id\`) | | |`);
      continue;
    }
    for (const index of indexes) {
      const fields = index.fields.map((f) => `\`${f}\``).join(', ');
      lines.push(`| \`${name}\` | \`${indexName(index)}\` | ${fields} | ${index.unique ? 'yes' : 'no'} |`);
    }
  }
  return lines.join('\n');
}

/** Security rules for every collection: clients may neither read nor write; functions bypass rules. */
export function databaseRules(): Record<string, { read: false; write: false }> {
  const rules: Record<string, { read: false; write: false }> = {};
  for (const name of COLLECTION_NAMES) rules[name] = { read: false, write: false };
  return rules;
}

if (require.main === module) {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { rules: { type: 'boolean', default: false } }, strict: true });
  if (values.rules) console.log(JSON.stringify(databaseRules(), null, 2));
  else console.log(collectionsTable());
}
