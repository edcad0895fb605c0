/**
 * The deploy documents list exactly the collections and indexes the code declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionsTable, databaseRules } from '../../scripts/deploy/print-collections';

const root = join(__dirname, '..', '..');
const read = (f: string) => readFileSync(join(root, f), 'utf8');

it('database.rules.json denies client access to every declared collection', () => {
  expect(JSON.parse(read('database.rules.json'))).toEqual(databaseRules());
});

it('docs/deploy.md carries the current collections and indexes table, and the README points to it', () => {
  const table = collectionsTable().trim();
  expect(read('docs/deploy.md')).toContain(table);
  expect(read('README.md')).toContain('(docs/deploy.md)');
});

it('cloudbaserc.json deploys every function in cloudfunctions/functions', () => {
  const { readdirSync, existsSync } = require('node:fs') as typeof import('node:fs');
  const dir = join(root, 'cloudfunctions', 'functions');
  const functions = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'index.ts')));
  const listed = (JSON.parse(read('cloudbaserc.json')) as { functions: { name: string }[] }).functions.map((f) => f.name);
  expect(listed.sort()).toEqual(functions.sort());
});
