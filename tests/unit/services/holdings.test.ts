/**
 * R14.2 the copy of everything held about a person can only be complete if every collection says
 * whether, and how, it holds a person: a new collection must be placed in HOLDINGS.
 */
import { HOLDINGS } from '../../../cloudfunctions/services/privacy/holdings';
import { COLLECTION_NAMES, isCollectionName } from '../../../cloudfunctions/store/collections';

describe('R14.2 where a person is held', () => {
  it('R14.2 every collection is placed: how it holds a person, or null (holds nobody’s data)', () => {
    const unplaced = COLLECTION_NAMES.filter((c) => HOLDINGS[c] === undefined);
    expect(unplaced).toEqual([]);
    expect(Object.keys(HOLDINGS).filter((c) => !isCollectionName(c))).toEqual([]);
  });

  it('R14.2 a finder that follows another collection follows one found directly (one step, no chains)', () => {
    for (const holding of Object.values(HOLDINGS)) {
      for (const f of holding?.find ?? []) {
        if (f.by !== 'ref' && f.by !== 'within') continue;
        const source = HOLDINGS[f.from];
        expect({ from: f.from, direct: source?.find.some((g) => g.by === 'id' || g.by === 'prefix' || g.by === 'field') }).toEqual({ from: f.from, direct: true });
      }
    }
  });

  it('R14.2 each holding has a Chinese title for the person', () => {
    for (const holding of Object.values(HOLDINGS)) if (holding) expect(holding.title).toMatch(/[\u4e00-\u9fa5]/);
  });
});
