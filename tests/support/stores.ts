/**
 * A fresh embedded store for each test of a block (in memory, closed after the test): call in a
 * `describe` and use what it gives inside the tests.
 */
import { SqliteStore } from '../../cloudfunctions/store/sqlite-store';
import { lateBound } from './gateway';

export function freshStoreEachTest(): SqliteStore {
  let store: SqliteStore | undefined;
  beforeEach(() => {
    store = new SqliteStore({ filename: ':memory:' });
  });
  afterEach(() => store?.close());
  return lateBound('the store', () => store);
}
