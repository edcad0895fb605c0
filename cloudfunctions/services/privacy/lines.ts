/**
 * R14.2 a record of the copy as one line of plain Chinese for the 我的信息 page: the fields its
 * holding names, times in China time, regions by name, codes by their words — never an internal
 * id (the downloaded copy keeps every field).
 */
import { CERTIFICATE_STATUS_NAMES, SUBSIDY_STATUS_NAMES } from '../../core/certificates';
import { dateTimeText } from '../../core/china-date';
import { ENROLLMENT_STATUS_NAMES } from '../../core/classes';
import { EMPLOYMENT_STATUS_NAMES } from '../../core/employment';
import { FACE_OUTCOME_NAMES } from '../../core/face-check';
import { INVITATION_STATUS_NAMES, INVITED_ROLE_NAMES } from '../../core/invitations';
import { PROXY_STATUS_NAMES } from '../../core/proxies';
import { VOUCHER_STATUS_NAMES } from '../../core/vouchers';
import type { CollectionName } from '../../store/collections';
import { fieldOf } from '../../store/port';
import type { Deps } from '../kernel/deps';
import type { Holding } from './holdings';

/** Status words by collection (the same word means different things in different records). */
const LABELS: { [C in CollectionName]?: Record<string, string> } = {
  vouchers: VOUCHER_STATUS_NAMES,
  enrollments: ENROLLMENT_STATUS_NAMES,
  certificates: CERTIFICATE_STATUS_NAMES,
  subsidies: SUBSIDY_STATUS_NAMES,
  employmentReports: EMPLOYMENT_STATUS_NAMES,
  invitations: INVITATION_STATUS_NAMES,
  proxyLinks: PROXY_STATUS_NAMES,
  attendance: { phone: '手机签到码', card: '签到卡', manual: '老师登记到场' },
  staff: INVITED_ROLE_NAMES,
  faceChecks: { ...FACE_OUTCOME_NAMES, started: '进行中', registration: '实名认证', session: '上课签到' },
  privacyConsents: { agreed: '已同意', withdrawn: '已撤回' },
  ledger: { laborer: '本人', proxy: '家人代办', trainer: '培训机构', official: '人社部门', admin: '管理员', system: '系统' },
};

/** What a ledger entry is about and what happened, by the two parts of its type (`voucher.claimed`). */
const LEDGER_SUBJECTS: Record<string, string> = {
  person: '登记信息', voucher: '培训券', enrollment: '报名', attendance: '签到', class: '班级', result: '鉴定成绩',
  certificate: '证书', subsidy: '培训补贴', employment: '就业登记', proxy: '亲情代办', card: '签到卡',
  privacy: '隐私保护指引', face: '人脸核身', account: '账号', directed: '定向券', ledger: '台账',
};
const LEDGER_EVENTS: Record<string, string> = {
  registered: '登记', moved: '迁户籍', updated: '更正', copied: '下载副本', claimed: '领取', cancelled: '退回或取消',
  expired: '过期', redeemed: '使用', created: '创建', withdrawn: '撤回', completed: '结业', not_completed: '未结业',
  recorded: '记录', issued: '发放', revoked: '撤销', granted: '生成', refused: '不予补贴', reported: '登记',
  requested: '申请', approved: '通过', declined: '拒绝', ended: '结束', agreed: '同意', closed: '注销',
  reopened: '重新登记', checked: '核验', applied: '申领', returned: '退回修改', rejected: '不通过', corrected: '更正',
  paid: '拨付', recovery_opened: '追回',
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function ledgerType(type: string): string {
  const [subject, event] = type.split('.');
  return `${LEDGER_SUBJECTS[subject] ?? subject}${LEDGER_EVENTS[event] ?? event}`;
}

function valueText(deps: Deps, collection: CollectionName, field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (collection === 'ledger' && field === 'type' && typeof value === 'string') return ledgerType(value);
  if (collection === 'ledger' && field === 'actor' && typeof value === 'object') return LABELS.ledger![(value as { role: string }).role] ?? null;
  if (typeof value === 'string' && ISO_TIME.test(value)) return dateTimeText(value);
  if (typeof value === 'string' && field.endsWith('Code') && deps.regions.get(value)) return deps.regions.ref(value).name;
  if (typeof value === 'string') return LABELS[collection]?.[value] ?? value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** Internal ids say nothing to the person: `personId`, `classId`, `p_…`. */
const isId = (field: string) => field === '_id' || field.endsWith('Id') || field.endsWith('Openid') || field === 'openid';

export function lineOf(deps: Deps, collection: CollectionName, holding: Holding, doc: Record<string, unknown>): string {
  const fields = (holding.show ?? Object.keys(doc).filter((k) => typeof doc[k] !== 'object').slice(0, 5)).filter((f) => !isId(f));
  const parts = fields.map((f) => valueText(deps, collection, f, fieldOf(doc, f))).filter((t): t is string => t !== null);
  return parts.join(' · ') || '（记录）';
}
