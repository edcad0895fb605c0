/**
 * R9.5 the ledgers (台账) officials browse and export — vouchers, trainees, attendance,
 * certificate holders, subsidies, subsidies paid (R12.1) and transfer employment — one definition each: the collection
 * and date it is read by, its filters, its columns and how a document becomes a row. The page
 * view and the .xlsx export both use it, so an export has exactly the rows of the same query.
 */
import type { LedgerColumn, LedgerRow } from '../../contract';
import { BAND_NAMES, type Band } from '../../core/age';
import { CERTIFICATE_KIND_NAMES, type CertificateKind, LEVEL_NAMES, SUBSIDY_REFUSAL_REASONS, type SubsidyRefusal } from '../../core/certificates';
import { chinaDateOf, formatDate, isoMinuteText, lastDayBefore } from '../../core/china-date';
import { type LedgerKind, statusLabel } from '../../core/dashboard';
import { EMPLOYMENT_STATUS_NAMES, type EmploymentStatus, WORK_PLACE_NAMES, type WorkPlace } from '../../core/employment';
import type { CollectionName } from '../../store/collections';
import { type Doc, type Filter, where } from '../../store/port';
import type { PersonDoc } from '../account';
import type { CertificateDoc, SubsidyDoc } from '../certificate';
import type { EmploymentReportDoc } from '../employment';
import type { Deps } from '../kernel/deps';
import type { AttendanceDoc, ClassDoc, EnrollmentDoc } from '../training';
import type { VoucherDoc } from '../voucher';

/** What a row needs of a class (an export keeps these for every class it meets, not the whole documents). */
export type ClassNames = Pick<ClassDoc, 'name' | 'occupationName' | 'institutionName'>;

/** What a row may need besides its own document; loaded once per page. */
export interface RowContext {
  persons: Map<string, PersonDoc>;
  classes: Map<string, ClassNames>;
  institutions: Map<string, string>;
  occupations: Map<string, string>;
  regions: Deps['regions'];
  /** Officials' exports: the full ID number; pages and others: the masked one. */
  idNumber(person: Holder | undefined): string;
}

/** What a row shows of its person: the person read, or (D64) what the document carries of them. */
export type Holder = Pick<PersonDoc, 'name' | 'idMasked' | 'countyCode' | 'townshipCode'> & Partial<Pick<PersonDoc, 'idCipher'>>;

export interface LedgerDef<T extends Doc> {
  collection: CollectionName;
  /** The ISO time field the period filters and the order use. */
  dateField: string;
  fixed?: Filter;
  typeField?: string;
  statusFilter?: (status: string) => Filter;
  occupationField?: string;
  columns: LedgerColumn[];
  /**
   * R14.4 why this ledger's export carries full ID numbers; absent: masked, even for officials
   * (full numbers leave the system only where the ledger's purpose needs them).
   */
  fullIdPurpose?: string;
  /** Persons and classes the rows need. */
  personId(doc: T): string;
  /**
   * D64 what the document itself carries of its person, when it does: its person is then not
   * read (unless the row needs the full ID number, which only the person holds).
   */
  holder?(doc: T): Holder | null;
  classId?(doc: T): string | null;
  row(doc: T, ctx: RowContext): LedgerRow;
}

const bandName = (b: string | undefined) => (b === 'A' || b === 'B' || b === 'C' ? `${b} ${BAND_NAMES[b as Band]}` : '—');
/** China time, to the minute: `2021-03-05 14:30`. */
export const chinaTime = (iso: string | null | undefined): string | null => (iso ? isoMinuteText(iso) : null);
const household = (p: Holder | undefined, ctx: RowContext) =>
  p ? `${ctx.regions.ref(p.countyCode).name} ${ctx.regions.ref(p.townshipCode).name}` : null;
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : Number((fen / 100).toFixed(2)));

const PERSON_COLUMNS: LedgerColumn[] = [
  { key: 'name', title: '姓名' },
  { key: 'idNumber', title: '身份证号' },
];
const personCells = (p: Holder | undefined, ctx: RowContext) => ({ name: p?.name ?? null, idNumber: ctx.idNumber(p) });

const vouchers: LedgerDef<VoucherDoc> = {
  collection: 'vouchers',
  dateField: 'claimedAt',
  typeField: 'type',
  statusFilter: (s) => where('status', 'eq', s),
  columns: [
    { key: 'id', title: '券号' },
    ...PERSON_COLUMNS,
    { key: 'band', title: '年龄段' },
    { key: 'household', title: '户籍地' },
    { key: 'type', title: '券种' },
    { key: 'claimedAt', title: '领取时间' },
    { key: 'expiresAt', title: '有效期至' },
    { key: 'status', title: '状态' },
    { key: 'endedAt', title: '使用/失效时间' },
  ],
  personId: (v) => v.personId,
  row: (v, ctx) => {
    const p = ctx.persons.get(v.personId);
    return {
      id: v._id,
      ...personCells(p, ctx),
      band: bandName(v.band),
      household: household(p, ctx),
      type: v.typeName,
      claimedAt: chinaTime(v.claimedAt),
      // The last valid day, as the laborer sees it (D8): not the instant it ends.
      expiresAt: formatDate(lastDayBefore(new Date(v.expiresAt))),
      status: statusLabel('vouchers', v.status),
      endedAt: chinaTime(v.endedAt),
    };
  },
};

const trainees: LedgerDef<EnrollmentDoc> = {
  collection: 'enrollments',
  dateField: 'enrolledAt',
  typeField: 'voucherType',
  statusFilter: (s) => where('status', 'eq', s),
  occupationField: 'occupationCode',
  columns: [
    ...PERSON_COLUMNS,
    { key: 'band', title: '年龄段' },
    { key: 'household', title: '户籍地' },
    { key: 'className', title: '培训班' },
    { key: 'occupation', title: '职业(工种)' },
    { key: 'institution', title: '培训机构' },
    { key: 'funding', title: '补贴来源' },
    { key: 'enrolledAt', title: '报名时间' },
    { key: 'status', title: '状态' },
    { key: 'attended', title: '出勤节数' },
    { key: 'endedAt', title: '结业时间' },
  ],
  personId: (e) => e.personId,
  // D64: the household as at enrollment (the enrollment's place is that county too).
  holder: (e) =>
    e.name !== undefined && e.idMasked !== undefined && e.townshipCode !== undefined
      ? { name: e.name, idMasked: e.idMasked, countyCode: e.countyCode, townshipCode: e.townshipCode }
      : null,
  classId: (e) => e.classId,
  row: (e, ctx) => {
    const p = ctx.persons.get(e.personId) ?? trainees.holder!(e) ?? undefined;
    const c = ctx.classes.get(e.classId);
    return {
      id: e._id,
      ...personCells(p, ctx),
      band: bandName(e.band),
      household: household(p, ctx),
      className: c?.name ?? null,
      occupation: c?.occupationName ?? null,
      institution: c?.institutionName ?? null,
      funding: e.voucherType ? `培训券（${e.voucherType}）` : '自费/单位出资',
      enrolledAt: chinaTime(e.enrolledAt),
      status: statusLabel('trainees', e.status),
      attended: e.attended ?? null,
      endedAt: chinaTime(e.endedAt),
    };
  },
};

const attendance: LedgerDef<AttendanceDoc> = {
  collection: 'attendance',
  dateField: 'scannedAt',
  statusFilter: (s) => where('offline', 'eq', s === 'offline'),
  occupationField: 'occupationCode',
  columns: [
    ...PERSON_COLUMNS,
    { key: 'band', title: '年龄段' },
    { key: 'className', title: '培训班' },
    { key: 'institution', title: '培训机构' },
    { key: 'session', title: '节次' },
    { key: 'scannedAt', title: '签到时间' },
    { key: 'mode', title: '方式' },
    { key: 'skew', title: '时钟偏差' },
  ],
  personId: (a) => a.personId,
  classId: (a) => a.classId,
  row: (a, ctx) => {
    const c = ctx.classes.get(a.classId);
    return {
      id: a._id,
      ...personCells(ctx.persons.get(a.personId), ctx),
      band: bandName(a.band),
      className: c?.name ?? null,
      institution: c?.institutionName ?? null,
      session: `第${a.session + 1}节`,
      scannedAt: chinaTime(a.scannedAt),
      mode: statusLabel('attendance', a.offline ? 'offline' : 'live'),
      skew: a.skewFlagged ? `偏差${Math.round(a.skewMs / 60_000)}分钟` : null,
    };
  },
};

const certificates: LedgerDef<CertificateDoc> = {
  collection: 'certificates',
  dateField: 'issuedAt',
  typeField: 'kind',
  statusFilter: (s) => where('status', 'eq', s),
  occupationField: 'occupationCode',
  columns: [
    { key: 'id', title: '证书编号' },
    ...PERSON_COLUMNS,
    { key: 'gender', title: '性别' },
    { key: 'band', title: '年龄段' },
    { key: 'household', title: '户籍地' },
    { key: 'kind', title: '证书类别' },
    { key: 'occupation', title: '职业(工种)' },
    { key: 'level', title: '等级' },
    { key: 'institution', title: '发证机构' },
    { key: 'issuedOn', title: '发证日期' },
    { key: 'status', title: '状态' },
  ],
  personId: (c) => c.personId,
  row: (c, ctx) => {
    const p = ctx.persons.get(c.personId);
    return {
      id: c._id,
      ...personCells(p, ctx),
      gender: p ? (p.gender === 'male' ? '男' : '女') : null,
      band: bandName(c.band),
      household: household(p, ctx),
      kind: CERTIFICATE_KIND_NAMES[c.kind as CertificateKind] ?? c.kind,
      occupation: c.occupationName,
      level: c.kind === 'skill_level' ? (LEVEL_NAMES[c.level] ?? null) : null,
      institution: c.institutionName,
      issuedOn: c.issuedOn,
      status: statusLabel('certificates', c.status),
    };
  },
};

const subsidies: LedgerDef<SubsidyDoc> = {
  collection: 'subsidies',
  dateField: 'createdAt',
  statusFilter: (s) => where('status', 'eq', s),
  occupationField: 'occupationCode',
  columns: [
    { key: 'id', title: '证书编号' },
    ...PERSON_COLUMNS,
    { key: 'band', title: '年龄段' },
    { key: 'institution', title: '申领机构' },
    { key: 'occupation', title: '职业(工种)' },
    { key: 'level', title: '等级' },
    { key: 'amountYuan', title: '金额(元)' },
    { key: 'status', title: '状态' },
    { key: 'refusal', title: '不予补贴原因' },
    { key: 'createdAt', title: '生成时间' },
  ],
  personId: (s) => s.personId,
  row: (s, ctx) => ({
    id: s._id,
    ...personCells(ctx.persons.get(s.personId), ctx),
    band: bandName(s.band),
    institution: ctx.institutions.get(s.institutionId) ?? s.institutionId,
    occupation: ctx.occupations.get(s.occupationCode) ?? s.occupationCode,
    level: LEVEL_NAMES[s.level] ?? null,
    amountYuan: yuan(s.amountFen),
    status: statusLabel('subsidies', s.status),
    refusal: s.refusal ? SUBSIDY_REFUSAL_REASONS[s.refusal as SubsidyRefusal] : null,
    createdAt: chinaTime(s.createdAt),
  }),
};

/** R12.1 补贴发放台账: the columns a county uploads to the provincial system, full ID in an official's export. */
const payments: LedgerDef<SubsidyDoc> = {
  collection: 'subsidies',
  dateField: 'paidAt',
  fixed: where('status', 'eq', 'paid'),
  // R14.4 the only ledger whose purpose needs the number in full: the provincial system matches payments by it.
  fullIdPurpose: '补贴发放上报：省级系统按身份证号码核对发放对象',
  occupationField: 'occupationCode',
  columns: [
    ...PERSON_COLUMNS,
    { key: 'occupation', title: '职业(工种)' },
    { key: 'level', title: '等级' },
    { key: 'certificate', title: '证书编号' },
    { key: 'institution', title: '培训机构' },
    { key: 'amountYuan', title: '补贴金额(元)' },
    { key: 'approvedOn', title: '审核通过日期' },
    { key: 'paidOn', title: '拨付日期' },
    { key: 'transferRef', title: '转账凭证号' },
  ],
  personId: (s) => s.personId,
  row: (s, ctx) => ({
    id: s._id,
    ...personCells(ctx.persons.get(s.personId), ctx),
    occupation: ctx.occupations.get(s.occupationCode) ?? s.occupationCode,
    level: LEVEL_NAMES[s.level] ?? null,
    certificate: s.certificateNumber,
    institution: ctx.institutions.get(s.institutionId) ?? s.institutionId,
    amountYuan: yuan(s.amountFen),
    approvedOn: s.approvedAt ? formatDate(chinaDateOf(new Date(s.approvedAt))) : null,
    paidOn: s.paidOn ?? null,
    transferRef: s.transferRef ?? null,
  }),
};

const transfers: LedgerDef<EmploymentReportDoc> = {
  collection: 'employmentReports',
  dateField: 'reportedAt',
  fixed: where('transfer', 'eq', true),
  typeField: 'place',
  statusFilter: (s) => where('status', 'eq', s),
  columns: [
    ...PERSON_COLUMNS,
    { key: 'band', title: '年龄段' },
    { key: 'household', title: '户籍地' },
    { key: 'status', title: '就业形式' },
    { key: 'employer', title: '工作单位' },
    { key: 'place', title: '就业地类别' },
    { key: 'where', title: '就业地' },
    { key: 'startDate', title: '开始工作日期' },
    { key: 'incomeYuan', title: '月收入(元)' },
    { key: 'reportedAt', title: '登记时间' },
  ],
  personId: (r) => r.personId,
  row: (r, ctx) => {
    const p = ctx.persons.get(r.personId);
    return {
      id: r._id,
      ...personCells(p, ctx),
      band: bandName(r.band),
      household: household(p, ctx),
      status: EMPLOYMENT_STATUS_NAMES[r.status as EmploymentStatus] ?? r.status,
      employer: r.employer,
      place: r.place ? WORK_PLACE_NAMES[r.place as WorkPlace] : null,
      where: (r.regionCode && ctx.regions.get(r.regionCode)?.name) || r.placeName,
      startDate: r.startDate,
      incomeYuan: yuan(r.monthlyIncomeFen),
      reportedAt: chinaTime(r.reportedAt),
    };
  },
};

// Each definition is written against its own document type; the map erases that for lookup.
export const LEDGER_DEFS: Record<LedgerKind, LedgerDef<Doc>> = {
  vouchers: vouchers as unknown as LedgerDef<Doc>,
  trainees: trainees as unknown as LedgerDef<Doc>,
  attendance: attendance as unknown as LedgerDef<Doc>,
  certificates: certificates as unknown as LedgerDef<Doc>,
  subsidies: subsidies as unknown as LedgerDef<Doc>,
  payments: payments as unknown as LedgerDef<Doc>,
  transfers: transfers as unknown as LedgerDef<Doc>,
};
