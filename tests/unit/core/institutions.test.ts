import { levelsProblem, levelsText, mayTrain, registrationOn, registrationProblem, registrationsInForce } from '../../../cloudfunctions/core/institutions';
import type { AssessRegistration } from '../../../cloudfunctions/core/institutions';

const reg = (over: Partial<AssessRegistration> = {}): AssessRegistration => ({
  id: 'r1',
  occupationCode: '4-03-02-01',
  levels: [5, 4],
  registrationNo: '晋人社评备〔2024〕1号',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  endedAt: null,
  ...over,
});

describe('R11.1 what an institution may train and assess', () => {
  it('R11.3 trains only the occupations and levels it was given', () => {
    const trains = [{ occupationCode: '4-03-02-01', levels: [5, 4] }];
    expect(mayTrain(trains, '4-03-02-01', 5)).toBe(true);
    expect(mayTrain(trains, '4-03-02-01', 3)).toBe(false);
    expect(mayTrain(trains, '4-10-01-05', 5)).toBe(false);
  });

  it('R1.3 assesses under a registration in force on the day, for its occupation and levels', () => {
    const regs = [reg()];
    expect(registrationOn(regs, '4-03-02-01', 4, '2026-06-01')?.id).toBe('r1');
    expect(registrationOn(regs, '4-03-02-01', 4, '2026-12-31')?.id).toBe('r1'); // the last day counts
    expect(registrationOn(regs, '4-03-02-01', 4, '2027-01-01')).toBeNull();
    expect(registrationOn(regs, '4-03-02-01', 4, '2025-12-31')).toBeNull();
    expect(registrationOn(regs, '4-03-02-01', 3, '2026-06-01')).toBeNull();
    expect(registrationOn([reg({ endedAt: '2026-03-01T00:00:00Z' })], '4-03-02-01', 4, '2026-06-01')).toBeNull();
    expect(registrationsInForce([reg(), reg({ id: 'r2', validUntil: '2026-02-01' })], '2026-06-01').map((r) => r.id)).toEqual(['r1']);
  });

  it('R11.1 levels must be chosen and exist for the occupation', () => {
    expect(levelsProblem([], [5, 4, 3])).toBe('LEVELS_REQUIRED');
    expect(levelsProblem([5, 2], [5, 4, 3])).toBe('LEVEL_NOT_IN_CATALOGUE');
    expect(levelsProblem([5, 5], [5, 4, 3])).toBe('LEVEL_NOT_IN_CATALOGUE');
    expect(levelsProblem([5, 4], [5, 4, 3])).toBeNull();
    expect(levelsProblem([0], [0])).toBeNull();
  });

  it('R11.1 a registration needs its number and validity in order and not over', () => {
    const ok = { registrationNo: '晋人社评备〔2024〕1号', validFrom: '2026-01-01', validUntil: '2027-01-01' };
    expect(registrationProblem(ok, '2026-06-01')).toBeNull();
    expect(registrationProblem({ ...ok, registrationNo: ' ' }, '2026-06-01')).toBe('REGISTRATION_NO_INVALID');
    expect(registrationProblem({ ...ok, validFrom: '2027-02-01' }, '2026-06-01')).toBe('VALIDITY_INVALID');
    expect(registrationProblem({ ...ok, validUntil: '2026-02-30' }, '2026-06-01')).toBe('VALIDITY_INVALID');
    expect(registrationProblem({ ...ok, validUntil: '2026-05-31' }, '2026-06-01')).toBe('VALIDITY_OVER');
  });

  it('levels read as people say them', () => {
    expect(levelsText([4, 5])).toBe('五级–四级');
    expect(levelsText([3])).toBe('三级');
    expect(levelsText([5, 3])).toBe('五级、三级');
    expect(levelsText([0])).toBe('不分等级');
  });
});
