/**
 * R14.1 the 用户隐私保护指引 (privacy guide) and what a person's agreement to it allows; R14.2
 * what a person may do with what is held about them. The guide's text lives here, once: the
 * privacy page shows it, the server records agreement to its `version`, and a new version asks
 * again. Pure: no I/O, no clock.
 */
import WORDS from './words.json';

export interface GuideSection {
  heading: string;
  paragraphs: readonly string[];
}

export interface PrivacyGuide {
  /** Changing any text of substance means a new version: everyone is asked again (R14.1). */
  version: string;
  title: string;
  /** China date the version took effect. */
  effectiveOn: string;
  sections: readonly GuideSection[];
}

export const PRIVACY_GUIDE: PrivacyGuide = {
  version: '2026.03',
  title: '持证通用户隐私保护指引',
  effectiveOn: '2026-03-01',
  sections: [
    {
      heading: '我们收集哪些信息',
      paragraphs: [
        '实名登记时：姓名、身份证号码（加密保存，页面上只显示前3位和后4位）、由身份证号码得出的出生日期和性别、户籍所在乡镇，手机号码可以不填。',
        '使用过程中：领取培训券、报名、签到、鉴定成绩、证书、补贴和就业登记（工作单位、工作地点、月收入）的记录；消息和订阅消息授权；亲情代办关系。',
        '人脸核身时：由微信把您的人脸与公安部门的权威数据比对，我们只保存核验结果（通过或不通过）和时间，不保存人脸照片。',
      ],
    },
    {
      heading: '为什么收集',
      paragraphs: [
        '确认您本人、年龄和户籍，算出您能领哪种培训券；按县里的名额发券；记录签到、结业和鉴定；发放证书和培训补贴；就业跟踪回访；向人社部门上报台账和统计。',
        '实名核验（人脸核身）用来防止冒用他人身份领券、培训和领取补贴。',
      ],
    },
    {
      heading: '保存多久',
      paragraphs: [
        '注销账号时，微信账号的绑定、手机号码和消息立即删除。',
        '培训、证书、补贴记录和台账是财政和人社部门必须保存的档案，按档案规定保存；注销后它们只与您本人对应，不再与任何微信账号关联。以后您用同一个身份证号码重新登记，可以找回这些记录。',
      ],
    },
    {
      heading: '谁能看到',
      paragraphs: [
        '您本人；您同意的亲情代办人；您报名班级的培训机构（姓名打码）；您户籍所在县（市、区）及上级人社部门的工作人员（台账）。',
        '身份证号码只在补贴发放台账中向审核拨付人员完整显示，其他页面和导出文件都打码；每次导出都记录是谁、何时、导出了什么、多少条。',
        '别人查验您的证书时，只能看到打码的姓名。',
      ],
    },
    {
      heading: '您的权利',
      paragraphs: [
        '在「我的 → 我的信息」里：查看我们保存的全部信息并下载一份副本；更正手机号码和户籍乡镇；撤回同意；注销账号。',
        '姓名和身份证号码不能在手机上修改，请带身份证到乡镇人社所办理。',
      ],
    },
    {
      heading: '联系我们',
      paragraphs: ['对本指引或您的信息有疑问、投诉，请联系户籍所在县（市、区）人力资源和社会保障局，或到乡镇人社所当面办理。'],
    },
  ],
};

/** R14.1 what needs the agreement: everything that collects or uses personal information. */
export const NEEDS_CONSENT: readonly string[] = ['实名登记', '领取培训券', '报名培训班', '就业登记', '人脸核身', '亲情代办'];

/** What stays open without agreeing (the public pages). */
export const OPEN_WITHOUT_CONSENT: readonly string[] = ['浏览首页和培训班', '证书查验'];

/** R14.2 what closing an account keeps, tied to the person and to no WeChat account (the page says it before, the answer after). */
export const KEPT_AFTER_CLOSING: readonly string[] = ['台账记录', '培训券、报名和签到记录', '鉴定成绩和证书', '培训补贴', '就业登记'];

export type ConsentState = 'agreed' | 'none' | 'outdated' | 'withdrawn';

export const CONSENT_STATE_NAMES: Record<ConsentState, string> = WORDS.consentState;

/** The stored agreement's state against the guide in force (R14.1: a new version asks again). */
export function consentState(record: { version: string; status: 'agreed' | 'withdrawn' } | null, current: string = PRIVACY_GUIDE.version): ConsentState {
  if (!record) return 'none';
  if (record.status === 'withdrawn') return 'withdrawn';
  return record.version === current ? 'agreed' : 'outdated';
}

/** The refusal code when a state does not allow collecting (null when it does). */
export function consentRefusal(state: ConsentState): 'PRIVACY_CONSENT_REQUIRED' | 'PRIVACY_GUIDE_UPDATED' | null {
  if (state === 'agreed') return null;
  return state === 'outdated' ? 'PRIVACY_GUIDE_UPDATED' : 'PRIVACY_CONSENT_REQUIRED';
}

/**
 * R14.2 why closing an account is refused, in the order checked (null when it may close): a role
 * still held, a voucher still unused or reserved, a training under way.
 */
export function closeRefusal(f: { roles: number; openVouchers: number; activeEnrollments: number }): 'ACCOUNT_HAS_ROLES' | 'ACCOUNT_HAS_VOUCHERS' | 'ACCOUNT_IN_TRAINING' | null {
  if (f.roles > 0) return 'ACCOUNT_HAS_ROLES';
  if (f.activeEnrollments > 0) return 'ACCOUNT_IN_TRAINING';
  if (f.openVouchers > 0) return 'ACCOUNT_HAS_VOUCHERS';
  return null;
}
