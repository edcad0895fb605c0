import { render, screen, waitFor } from '@testing-library/react';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import InstitutionsPage from '../../src/packages/official/pages/institutions/index';
import ProjectsPage from '../../src/packages/official/pages/projects/index';
import SupplyPage from '../../src/packages/official/pages/supply/index';
import { useSupplyStore } from '../../src/packages/official/stores/use-supply-store';
import { navigateTo } from './__mocks__/taro';
import { aNewcomer, installApi, ok, refusal } from './api-double';
import { OCCUPATIONS, SUPPLY_REGIONS, aCityAdmin, aProject, aRegistration, anInstitution, callsOf, onSupplyPage, tap, typeInto } from './supply-double';

type Handlers = Record<string, (p: unknown) => ReturnType<typeof ok>>;
const api = (extra: Handlers = {}) => installApi({ whoami: () => ok(aCityAdmin()), regions: () => ok(SUPPLY_REGIONS), occupations: () => ok(OCCUPATIONS), pendingClasses: () => ok([]), ...extra });

const lists = (calls: ReturnType<typeof api>) => callsOf(calls, 'institution', 'list').map((x) => x.payload);

describe('机构与人员 hub', () => {
  it('leads to each library', async () => {
    onSupplyPage();
    api();
    const { container: c } = render(<SupplyPage />);
    await waitFor(() => expect(c.querySelector('#go-evaluation')).not.toBeNull());
    tap(c, '#go-evaluation');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/official/pages/institutions/index?evaluation=1' });
  });

  it('someone without an official role sees 无权限', async () => {
    onSupplyPage();
    installApi({ whoami: () => ok(aNewcomer()) });
    render(<SupplyPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});

describe('机构库 / 评价库 (R11.1)', () => {
  const listed = { items: [anInstitution(), anInstitution({ id: 'inst-2', name: '岚县农广校', status: 'suspended', statusName: '已暂停', county: { code: '141127', name: '岚县' } })], total: 2 };

  it('lists the region’s institutions; region, name and what to show are sent as filters', async () => {
    onSupplyPage();
    const calls = api({ 'institution.list': () => ok(listed) });
    const { container: c } = render(<InstitutionsPage />);
    await waitFor(() => expect(c.querySelectorAll('.institution-card')).toHaveLength(2));
    expect(c.querySelector('#institution-count')?.textContent).toBe('共 2 家');
    expect(c.querySelector('.institution-card[data-institution-id="inst-2"] .institution-status')?.textContent).toBe('已暂停');
    await waitFor(() => expect(c.querySelector('#inst-region')).not.toBeNull());
    tap(c, '#inst-region');
    tap(c, '.inst-region-option[data-code="141128"]');
    await waitFor(() => expect(lists(calls).at(-1)).toEqual({ regionCode: '141128' }));
    typeInto(c, 'inst-query', '厨师');
    tap(c, '#inst-search');
    await waitFor(() => expect(lists(calls).at(-1)).toEqual({ regionCode: '141128', query: '厨师' }));
    tap(c, '#inst-show-suspended');
    await waitFor(() => expect(lists(calls).at(-1)).toEqual({ regionCode: '141128', query: '厨师', status: 'suspended' }));
    tap(c, '.institution-card[data-institution-id="inst-9"]');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/official/pages/institution/index?institutionId=inst-9' });
  });

  it('评价库 opens on the evaluation bodies in force', async () => {
    onSupplyPage({ evaluation: '1' });
    const calls = api({ 'institution.list': () => ok({ items: [anInstitution({ evaluationBody: true, registrations: [aRegistration()] })], total: 1 }) });
    const { container: c } = render(<InstitutionsPage />);
    await waitFor(() => expect(c.querySelectorAll('.institution-card')).toHaveLength(1));
    expect(lists(calls)[0]).toEqual({ regionCode: '141100', evaluationBodies: true });
    expect(c.querySelector('.czt-hero-title')?.textContent).toBe('评价库');
    expect(c.querySelector('.institution-card')?.textContent).toContain('评价机构');
  });

  it('a failed list says so with 重试 and nothing else changes', async () => {
    onSupplyPage();
    let fail = true;
    api({ 'institution.list': () => (fail ? refusal('INTERNAL') : ok(listed)) });
    const { container: c } = render(<InstitutionsPage />);
    expect(await screen.findByText(ERROR_MESSAGES.INTERNAL)).toBeTruthy();
    expect(c.querySelector('#institution-add')).not.toBeNull();
    fail = false;
    tap(c, '#institutions-retry');
    await waitFor(() => expect(c.querySelectorAll('.institution-card')).toHaveLength(2));
  });
});

describe('项目库', () => {
  beforeEach(() => onSupplyPage());

  it('lists the projects and adds one: name, region, occupations, bands, year, target; sent once', async () => {
    const made = aProject({ id: 'proj-2', name: '方山厨师', region: { code: '141128', name: '方山县' }, targetTrainees: 200, trainees: 0, brand: null });
    const calls = api({ projects: () => ok([aProject()]), createProject: () => ok(made) });
    const { container: c } = render(<ProjectsPage />);
    await waitFor(() => expect(c.querySelectorAll('.project-card')).toHaveLength(1));
    expect(c.querySelector('.project-progress')?.textContent).toBe('年度目标 5,000 人，已报名 120 人');
    tap(c, '#project-add');
    await waitFor(() => expect(c.querySelector('#project-form')).not.toBeNull());
    typeInto(c, 'project-name', '方山厨师');
    tap(c, '#project-region');
    tap(c, '.project-region-option[data-code="141128"]');
    tap(c, '#project-occupation-4-03-02-01');
    typeInto(c, 'project-target', '200');
    tap(c, '#project-save');
    await waitFor(() => expect(c.querySelectorAll('.project-card')).toHaveLength(2));
    const sent = callsOf(calls, 'institution', 'createProject').map((x) => x.payload as Record<string, unknown>);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ name: '方山厨师', regionCode: '141128', occupationCodes: ['4-03-02-01'], bands: ['A', 'B'], targetTrainees: 200 });
    expect(useSupplyStore.getState().projects?.[0].id).toBe('proj-2');
  });

  it('a refusal is said in the form, which stays as typed', async () => {
    const calls = api({ projects: () => ok([]), createProject: () => refusal('PROJECT_NAME_INVALID', '已有同名的项目') });
    const { container: c } = render(<ProjectsPage />);
    await waitFor(() => expect(c.querySelector('#project-add')).not.toBeNull());
    tap(c, '#project-add');
    await waitFor(() => expect(c.querySelector('#project-form')).not.toBeNull());
    tap(c, '#project-save');
    expect(await screen.findByText(ERROR_MESSAGES.PROJECT_NAME_INVALID)).toBeTruthy();
    expect(callsOf(calls, 'institution', 'createProject')).toHaveLength(0);
    typeInto(c, 'project-name', '方山厨师');
    tap(c, '#project-occupation-4-03-02-01');
    typeInto(c, 'project-target', '200');
    tap(c, '#project-save');
    expect(await screen.findByText('已有同名的项目')).toBeTruthy();
    expect((c.querySelector('#project-name') as HTMLInputElement).value).toBe('方山厨师');
    expect(c.querySelectorAll('.project-card')).toHaveLength(0);
  });
});
