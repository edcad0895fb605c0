/**
 * R14.2 where a person is held: for every collection (store/collections.ts), how its documents
 * about one person are found — by the person's id, their WeChat OPENID or their ID number's keyed
 * hash — or why it holds nobody's. The copy of "everything held about me" reads exactly this
 * list, and a test keeps it complete: a new collection must be placed here before it ships.
 *
 * Every finder is a read by id, an id range or an indexed field, so it works the same on SQLite
 * and on CloudBase.
 */
import type { CollectionName } from '../../store/collections';

/** What a person is known by. */
export type HolderKey = 'personId' | 'openid' | 'idHash';

export type Finder =
  /** The document's id is the key. */
  | { by: 'id'; key: HolderKey }
  /** Ids `{key}:…` (one per type, year or template). */
  | { by: 'prefix'; key: HolderKey }
  /** An indexed field holds the key. */
  | { by: 'field'; field: string; key: HolderKey }
  /** Ids named by a field of the person's documents in `from` (each element of an array), `{value}:{suffix}` with a suffix. */
  | { by: 'ref'; from: CollectionName; field: string; array?: true; suffix?: HolderKey }
  /** Documents sharing `field` with the person's `from` documents whose `match` field is the person's id (attendance by class). */
  | { by: 'within'; from: CollectionName; field: string; match: 'personId' };

export interface Holding {
  /** What the person sees it called. */
  title: string;
  find: readonly Finder[];
  /** Fields left out of the copy: secrets and keyed hashes (R2.4). */
  omit?: readonly string[];
  /** The id itself is a secret or a keyed hash: left out. */
  hideId?: true;
  /** The fields a line on the page shows (default: the first few plain ones). */
  show?: readonly string[];
}

/** `null`: holds no one's personal data, with the reason beside it. */
export const HOLDINGS: { readonly [C in CollectionName]?: Holding | null } = {
  accounts: { title: '微信账号绑定', find: [{ by: 'id', key: 'openid' }], show: ['createdAt'] },
  persons: { title: '实名登记信息', find: [{ by: 'id', key: 'personId' }], omit: ['idCipher', 'idHash'], show: ['name', 'idMasked', 'phone', 'townshipCode', 'registeredAt'] },
  idNumbers: { title: '身份证号码登记（只存密钥哈希）', find: [{ by: 'id', key: 'idHash' }], hideId: true, show: ['createdAt'] },
  vouchers: { title: '培训券', find: [{ by: 'field', field: 'personId', key: 'personId' }], show: ['typeName', 'status', 'claimedAt', 'expiresAt'] },
  voucherSlots: { title: '每类一张未使用券的记录', find: [{ by: 'prefix', key: 'personId' }] },
  personYears: { title: '每年补贴性培训次数', find: [{ by: 'prefix', key: 'personId' }] },
  requests: { title: '请求的答复（重试时原样返回）', find: [{ by: 'prefix', key: 'openid' }], show: ['at'] },
  ledger: { title: '台账中与我有关的记录', find: [{ by: 'field', field: 'subjects.personId', key: 'personId' }], show: ['type', 'at', 'actor'] },
  enrollments: { title: '报名的培训班', find: [{ by: 'field', field: 'personId', key: 'personId' }], show: ['status', 'enrolledAt', 'attended'] },
  personSchedules: { title: '全脱产班的时间', find: [{ by: 'id', key: 'personId' }] },
  attendanceKeys: { title: '签到码（密钥不导出）', find: [{ by: 'id', key: 'personId' }], omit: ['secretCipher'] },
  attendanceRefs: { title: '签到码编号', find: [{ by: 'ref', from: 'attendanceKeys', field: 'ref' }] },
  cards: { title: '签到卡（卡号不导出）', find: [{ by: 'ref', from: 'personCards', field: 'cardId' }], hideId: true, show: ['status', 'issuedAt', 'revokedAt'] },
  personCards: { title: '当前签到卡', find: [{ by: 'id', key: 'personId' }], omit: ['cardId'] },
  attendance: { title: '签到记录', find: [{ by: 'within', from: 'enrollments', field: 'classId', match: 'personId' }], show: ['scannedAt', 'method'] },
  results: { title: '鉴定成绩', find: [{ by: 'field', field: 'personId', key: 'personId' }], show: ['passed', 'score', 'assessedOn'] },
  certificates: { title: '证书', find: [{ by: 'field', field: 'personId', key: 'personId' }], show: ['occupationName', 'level', 'status', 'issuedOn'] },
  personCredentials: { title: '证书和补贴汇总（用于补贴规则）', find: [{ by: 'id', key: 'personId' }] },
  subsidies: { title: '培训补贴（付给培训机构）', find: [{ by: 'ref', from: 'certificates', field: '_id' }], show: ['status', 'amountFen', 'occupationCode'] },
  recoveries: { title: '补贴追回', find: [{ by: 'ref', from: 'certificates', field: '_id' }] },
  employmentReports: { title: '就业登记', find: [{ by: 'field', field: 'personId', key: 'personId' }], show: ['status', 'employer', 'place', 'reportedAt'] },
  employmentYears: { title: '每年的就业统计标记', find: [{ by: 'prefix', key: 'personId' }] },
  staff: { title: '工作人员岗位', find: [{ by: 'field', field: 'openid', key: 'openid' }], show: ['role', 'regionCode', 'grantedAt'] },
  outbox: { title: '消息', find: [{ by: 'field', field: 'openid', key: 'openid' }], show: ['title', 'text', 'createdAt', 'status'] },
  consents: { title: '订阅消息授权', find: [{ by: 'prefix', key: 'openid' }], show: ['template', 'updatedAt'] },
  proxyLinks: {
    title: '亲情代办（谁为我代办、我为谁代办）',
    find: [
      { by: 'field', field: 'elderOpenid', key: 'openid' },
      { by: 'field', field: 'proxyOpenid', key: 'openid' },
    ],
    show: ['proxyName', 'relation', 'status', 'requestedAt', 'endedAt'],
  },
  elderProxies: { title: '我的代办人', find: [{ by: 'id', key: 'personId' }] },
  proxyElders: { title: '我代办的老人', find: [{ by: 'id', key: 'openid' }] },
  directedLines: {
    title: '定向发放名单中的我',
    find: [
      { by: 'ref', from: 'vouchers', field: 'listId', suffix: 'idHash' },
      { by: 'ref', from: 'directedPending', field: 'lists', array: true, suffix: 'idHash' },
    ],
    hideId: true,
    omit: ['idHash'],
    show: ['status', 'line'],
  },
  directedPending: { title: '登记后自动发放的定向券', find: [{ by: 'id', key: 'idHash' }], hideId: true },
  exportJobs: { title: '我导出的台账', find: [{ by: 'field', field: 'ownerOpenid', key: 'openid' }], show: ['fileName', 'rows', 'createdAt'] },
  invitations: { title: '我发出的邀请（邀请码不导出）', find: [{ by: 'field', field: 'inviterOpenid', key: 'openid' }], hideId: true, show: ['role', 'inviteeNote', 'status', 'createdAt'] },
  privacyConsents: { title: '隐私保护指引的同意记录', find: [{ by: 'id', key: 'openid' }], show: ['version', 'status', 'agreedAt', 'withdrawnAt'] },
  faceChecks: { title: '人脸核身记录（不含人脸照片）', find: [{ by: 'field', field: 'personId', key: 'personId' }], hideId: true, show: ['purpose', 'status', 'startedAt', 'finishedAt'] },
  realNames: { title: '实名认证结果', find: [{ by: 'id', key: 'personId' }], show: ['verifiedAt'] },

  // Hold nobody's personal data:
  voucherTypes: null, // the catalogue
  occupations: null, // the catalogue
  quotas: null, // a county's places, counted
  ledgerHeads: null, // each chain's last hash
  ledgerQueue: null, // ledger entries waiting seconds for their place (D61); the copy reads them once in the ledger
  quotaShards: null, // counts only (D62)
  seatShards: null, // counts only (D62)
  counters: null, // counts only (R9.2)
  counterYears: null, // counts only
  regionYears: null, // counts only (D63)
  targets: null, // regions' yearly targets
  institutions: null, // organisations (their contact is a work contact)
  creditCodes: null, // organisations' codes
  projects: null, // programmes
  classes: null, // classes (the trainer who planned one is in the ledger)
  certificateSeqs: null, // the last number given
  applications: null, // an institution's claim, naming certificate numbers (the person's subsidies are listed)
  payments: null, // an institution's payments
  directedJobs: null, // an official's list, its counts
  directedChunks: null, // an official's list: numbers only as keyed hashes, not findable by person
  facePolicies: null, // a county's choice
  remindRuns: null, // which reminder phases ran
  meta: null, // local bookkeeping
  scratch: null, // tests
};
