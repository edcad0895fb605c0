/**
 * R14 pages in jsdom: the privacy guide (agree sends the version shown; refusing says what stays
 * open), 我的信息 (everything held, 注销 confirmed) and the face check's result.
 */
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { FaceCheckResult, MyDataCopy, PrivacyStatus } from '../../cloudfunctions/contract';
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';
import FaceCheckPage from '../../src/pages/face-check/index';
import MyDataPage from '../../src/pages/my-data/index';
import PrivacyPage from '../../src/pages/privacy/index';
import { usePrivacyStore } from '../../src/stores/use-privacy-store';
import { getCurrentInstance, redirectTo } from './__mocks__/taro';
import { REGIONS, freshLaborerPage, installApi, installLaborerApi, ok } from './api-double';

const status = (over: Partial<PrivacyStatus> = {}): PrivacyStatus => ({
  guideVersion: PRIVACY_GUIDE.version,
  consent: 'none',
  consentName: '尚未同意',
  agreedVersion: null,
  agreedAt: null,
  withdrawnAt: null,
  registered: false,
  realName: { required: false, verified: false, verifiedAt: null },
  sessionChecks: [],
  ...over,
});

const agreed = () => status({ consent: 'agreed', consentName: '已同意', agreedVersion: PRIVACY_GUIDE.version, agreedAt: '2026-03-02T02:00:00.000Z', registered: true });

const params = (p: Record<string, string>, path: string) => getCurrentInstance.mockReturnValue({ router: { params: p, path }, page: {} });

beforeEach(() => freshLaborerPage(usePrivacyStore));
afterEach(() => jest.restoreAllMocks());

describe('隐私保护指引 page', () => {
  it('R14.1 shows every section and agrees to the version shown, then returns to the page that asked', async () => {
    params({ next: '%2Fpages%2Fregister%2Findex' }, '/pages/privacy/index');
    const calls = installApi({ status: () => ok(status()), agree: () => ok(agreed()) });
    const { container } = render(<PrivacyPage />);
    expect(container.querySelectorAll('.privacy-section')).toHaveLength(PRIVACY_GUIDE.sections.length);
    expect(container.querySelector('.privacy-allows')!.textContent).toContain('不同意也可以');
    fireEvent.click(container.querySelector('#privacy-agree')!);
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/register/index' }));
    expect(calls.find((c) => c.action === 'agree')!.payload).toEqual({ version: PRIVACY_GUIDE.version });
  });

  it('R14.1 不同意 keeps the public pages and says what cannot be done', async () => {
    params({}, '/pages/privacy/index');
    const calls = installApi({ status: () => ok(status()) });
    const { container } = render(<PrivacyPage />);
    fireEvent.click(container.querySelector('#privacy-refuse')!);
    const refused = container.querySelector('#privacy-refused')!;
    expect(refused.textContent).toContain('证书查验');
    expect(refused.textContent).toContain('实名登记');
    expect(calls.some((c) => c.action === 'agree')).toBe(false);
  });
});

describe('我的信息 page', () => {
  const copy: MyDataCopy = {
    generatedAt: '2026-03-02T02:00:00.000Z',
    guideVersion: PRIVACY_GUIDE.version,
    personId: 'p-1',
    collections: [
      { collection: 'vouchers', title: '培训券', lines: ['职业技能培训券 · 未使用'], records: [{ _id: 'v1' }] },
      { collection: 'outbox', title: '消息', lines: ['证书已发放', '课程明天开始', '培训券快到期', '又一条'], records: [{}, {}, {}, {}] },
    ],
  };

  it('R14.2 lists each kind of record held, and 注销 asks first and says what stays', async () => {
    params({}, '/pages/my-data/index');
    const calls = installLaborerApi({ status: () => ok(agreed()), myData: () => ok(copy), regions: () => ok(REGIONS), close: () => ok({ closed: true, messagesRemoved: 4, kept: [] }) });
    const { container } = render(<MyDataPage />);
    await waitFor(() => expect(container.querySelectorAll('.my-data-held')).toHaveLength(2));
    expect(container.querySelector('[data-collection="outbox"]')!.textContent).toContain('展开全部4条');
    expect(container.querySelector('#my-data-consent')!.textContent).toContain('已同意');
    fireEvent.click(container.querySelector('#my-data-close')!);
    expect(container.querySelector('#my-data-close-card')!.textContent).toContain('鉴定成绩和证书');
    fireEvent.click(container.querySelector('#my-data-close-confirm')!);
    await waitFor(() => expect(container.querySelector('#my-data-closed')).not.toBeNull());
    expect(calls.find((c) => c.action === 'close')!.payload).toEqual({ confirm: true });
  });
});

describe('人脸核身 page', () => {
  it('R14.3 back from the check with a verify id, asks the server for the result and shows it', async () => {
    params({ purpose: 'registration', verifyId: 'dev-1' }, '/pages/face-check/index');
    const result: FaceCheckResult = { outcome: 'mismatch', outcomeName: '本人与身份信息不一致', message: '人脸核身未通过：刷脸的人与登记的身份证信息不一致', purpose: 'registration', classId: null, verified: false };
    const calls = installApi({ finishFaceCheck: () => ok(result), status: () => ok(agreed()) });
    const { container } = render(<FaceCheckPage />);
    await waitFor(() => expect(container.querySelector('#face-result')).not.toBeNull());
    expect(container.querySelector('#face-result')!.getAttribute('data-outcome')).toBe('mismatch');
    expect(container.querySelector('#face-again')).not.toBeNull();
    expect(calls.filter((c) => c.action === 'finishFaceCheck').map((c) => c.payload)).toEqual([{ verifyId: 'dev-1' }]);
  });
});
