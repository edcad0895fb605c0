/**
 * R14.1 the privacy guide and the agreement to it; R14.2 when an account may close.
 */
import { CONSENT_STATE_NAMES, NEEDS_CONSENT, OPEN_WITHOUT_CONSENT, PRIVACY_GUIDE, closeRefusal, consentRefusal, consentState } from '../../../cloudfunctions/core/privacy';

describe('R14.1 the privacy guide', () => {
  it('R14.1 says what is collected, why, how long it is kept, who sees it, the rights and the contact', () => {
    expect(PRIVACY_GUIDE.sections.map((s) => s.heading)).toEqual(['我们收集哪些信息', '为什么收集', '保存多久', '谁能看到', '您的权利', '联系我们']);
    for (const s of PRIVACY_GUIDE.sections) expect(s.paragraphs.length).toBeGreaterThan(0);
    expect(PRIVACY_GUIDE.version).toMatch(/^\d{4}\.\d{2}$/);
  });

  it('R14.1 names what needs the agreement and what stays open without it', () => {
    expect(NEEDS_CONSENT).toEqual(expect.arrayContaining(['实名登记', '领取培训券', '报名培训班', '人脸核身']));
    expect(OPEN_WITHOUT_CONSENT).toEqual(expect.arrayContaining(['证书查验']));
  });
});

describe('R14.1 the agreement against the guide in force', () => {
  const v = PRIVACY_GUIDE.version;

  it('R14.1 no record is none; an agreement to this version is agreed', () => {
    expect(consentState(null)).toBe('none');
    expect(consentState({ version: v, status: 'agreed' })).toBe('agreed');
  });

  it('R14.1 a new version asks again: an agreement to an older one is outdated', () => {
    expect(consentState({ version: v, status: 'agreed' }, '2099.01')).toBe('outdated');
    expect(consentRefusal('outdated')).toBe('PRIVACY_GUIDE_UPDATED');
  });

  it('R14.2 a withdrawn agreement is withdrawn whatever its version', () => {
    expect(consentState({ version: v, status: 'withdrawn' })).toBe('withdrawn');
    expect(consentRefusal('withdrawn')).toBe('PRIVACY_CONSENT_REQUIRED');
    expect(consentRefusal('none')).toBe('PRIVACY_CONSENT_REQUIRED');
    expect(consentRefusal('agreed')).toBeNull();
  });

  it('R14.1 each state has its Chinese name', () => {
    expect(Object.keys(CONSENT_STATE_NAMES).sort()).toEqual(['agreed', 'none', 'outdated', 'withdrawn']);
  });
});

describe('R14.2 closing an account', () => {
  it('R14.2 may close with no role, no unused voucher and no training under way', () => {
    expect(closeRefusal({ roles: 0, openVouchers: 0, activeEnrollments: 0 })).toBeNull();
  });

  it('R14.2 a role, a training under way, an unused voucher each refuse it, in that order', () => {
    expect(closeRefusal({ roles: 1, openVouchers: 1, activeEnrollments: 1 })).toBe('ACCOUNT_HAS_ROLES');
    expect(closeRefusal({ roles: 0, openVouchers: 1, activeEnrollments: 1 })).toBe('ACCOUNT_IN_TRAINING');
    expect(closeRefusal({ roles: 0, openVouchers: 1, activeEnrollments: 0 })).toBe('ACCOUNT_HAS_VOUCHERS');
  });
});
