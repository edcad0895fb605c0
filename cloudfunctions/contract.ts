/**
 * Request and response types of every action. The front end imports types only from here.
 * Wire format: request body `{ action, payload, requestId }`; answer `ApiResponse<Output>`.
 */
import type { Band } from './core/age';
import type { ErrorCode } from './core/errors';

export type { Band } from './core/age';
export type { ErrorCode } from './core/errors';

export type ApiResponse<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; requestId?: string };

export interface CallRequest<P = unknown> {
  action: string;
  payload?: P;
  /** Client-made id: makes retries idempotent and ties logs to a tap. */
  requestId?: string;
}

export type Role = 'laborer' | 'trainer' | 'official' | 'admin';

export interface RoleBinding {
  role: Role;
  /** official/admin: the region subtree they see (province, city or county code). */
  regionCode?: string;
  regionName?: string;
  /** trainer: the institution they work for. */
  institutionId?: string;
  institutionName?: string;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent?: string;
}

export interface PlaceRef {
  code: string;
  name: string;
}

export interface Profile {
  personId: string;
  /** The holder's own view: the full name. */
  name: string;
  /** R2.4: `142***********123X`. */
  idNumberMasked: string;
  gender: 'male' | 'female';
  /** `YYYY-MM-DD` */
  birthDate: string;
  /** R3.1: completed years today, China time. */
  age: number;
  /** R3.2: null under 18. */
  band: Band | null;
  bandName: string | null;
  phone: string | null;
  township: PlaceRef;
  county: PlaceRef;
  city: PlaceRef;
  registeredAt: string;
}

export interface WhoAmI {
  registered: boolean;
  profile: Profile | null;
  roles: RoleBinding[];
  /** Server time (ISO), so the app can show dates consistently. */
  now: string;
}

export interface RegisterInput {
  name: string;
  idNumber: string;
  phone?: string;
  /** Household township code from `account.regions`. */
  townshipCode: string;
}

export interface UpdateProfileInput {
  phone?: string | null;
  townshipCode?: string;
}

export interface RegionsInput {
  /** Children of this region; omitted → the whole tree. */
  parent?: string;
}

export interface VoucherTypeView {
  code: string;
  name: string;
  alias: string | null;
  validityDays: number;
  bands: Band[];
  /** e.g. `18–45周岁劳动者`. */
  audience: string;
  /** 送培训下乡: training is held in the holder's township. */
  sameTownship: boolean;
  /** 企业职工培训券: needs a current employer. */
  requiresEmployer: boolean;
  /** R4.1: the age band (and other conditions) allow this type. */
  eligible: boolean;
  /** Eligible and nothing else stands in the way (quota, one unused, 3 a year). */
  canClaim: boolean;
  /** Why not, in plain Chinese (e.g. 该券面向18–45周岁劳动者，您今年52周岁). */
  reasons: string[];
  refusalCode: ErrorCode | null;
  /** R4.2: the holder's county, this year. */
  quota: { limit: number; left: number };
  /** The caller's unused voucher of this type, if any. */
  heldVoucherId: string | null;
  /** R4.4: vouchers counting toward the yearly limit, and the limit. */
  usedThisYear: number;
  yearlyLimit: number;
}

export type { VoucherStatus } from './core/vouchers';
import type { VoucherStatus } from './core/vouchers';

export interface VoucherView {
  id: string;
  type: string;
  typeName: string;
  /** R3.3: the band it was claimed under. */
  band: Band;
  status: VoucherStatus;
  statusName: string;
  claimedAt: string;
  /** R4.5: 00:00 China time after the last valid day. */
  expiresAt: string;
  /** Whole days left (0 on the last day); null unless unused. */
  daysLeft: number | null;
  year: number;
  county: PlaceRef;
}

export interface SetCountyQuotaInput {
  type: string;
  countyCode: string;
  year: number;
  limit: number;
}

/** A voucher type of the catalogue (R4), as an admin enters it. */
export interface VoucherTypeInput {
  code: string;
  name: string;
  alias?: string;
  bands: Band[];
  validityDays: number;
  defaultCountyQuota: number;
  categories: string[];
  sameTownship?: boolean;
  requiresEmployer?: boolean;
  active: boolean;
}

export interface QuotaView {
  type: string;
  county: PlaceRef;
  year: number;
  limit: number;
  used: number;
}

export type { ClassMode } from './core/classes';
export type { SessionTimes } from './core/attendance';
import type { ClassMode } from './core/classes';
import type { SessionTimes } from './core/attendance';

export interface ClassView {
  id: string;
  name: string;
  institution: { id: string; name: string };
  occupation: { code: string; name: string };
  /** 1–5 (五级 = 5); 0 when the course has no level. */
  level: number;
  mode: ClassMode;
  /** 全脱产 / 业余 / 送培训下乡 */
  modeName: string;
  acceptedTypes: string[];
  selfFunded: boolean;
  county: PlaceRef;
  township: PlaceRef | null;
  capacity: number;
  seatsLeft: number;
  sessions: SessionTimes[];
  firstSessionAt: string;
  lastSessionEndsAt: string;
  minAttendanceRatio: number;
  /** listClasses only: what the caller can do with this class. */
  forMe?: ClassForMe;
}

export interface ClassForMe {
  /** Already enrolled (not withdrawn). */
  enrolled: boolean;
  /** The voucher type that would pay (R5.2); null for self-funded or when none is usable. */
  voucherType: string | null;
  canEnroll: boolean;
  /** Why not, in plain Chinese; null when canEnroll. */
  reason: string | null;
  reasonCode: ErrorCode | null;
}

export interface ListClassesInput {
  countyCode?: string;
  townshipCode?: string;
  occupationCode?: string;
  mode?: ClassMode;
  /** Only classes the caller can enroll in now. */
  eligibleOnly?: boolean;
}

export interface EnrollmentView {
  id: string;
  status: 'enrolled' | 'withdrawn' | 'completed' | 'not_completed';
  statusName: string;
  voucherId: string | null;
  voucherType: string | null;
  enrolledAt: string;
  class: ClassView;
  /** Sessions (by index) the person was recorded present at. */
  attendedSessions: number[];
  /** R6.5: sessions needed to complete: ceil(total × the class ratio). */
  requiredSessions: number;
}

/** R6.1: kept on the laborer's phone to show codes offline. */
export interface AttendanceKey {
  personRef: string;
  /** base64 of 32 bytes. */
  secret: string;
  /** The server's time when the key was handed out (ISO): the phone keeps its clock offset. */
  serverNow: string;
}

export type ScanResult =
  /** `name`: the trainee's masked name (R2.4), so the trainer sees who just checked in. */
  | { status: 'accepted'; session: number; skewFlagged: boolean; name: string }
  | { status: 'duplicate'; code: 'ALREADY_CHECKED_IN'; message: string; session: number; name: string }
  | { status: 'refused'; code: ErrorCode; message: string };

export interface OfflineScan {
  /** Made on the trainer's phone: makes uploads idempotent. */
  scanId: string;
  classId: string;
  code: string;
  /** The trainer's device time at the scan (ISO). */
  deviceScannedAt: string;
}

export interface RosterView {
  classId: string;
  name: string;
  sessions: SessionTimes[];
  /** Names masked (R2.4); sessions attended by index. */
  people: {
    personId: string;
    name: string;
    sessions: number[];
    skewFlagged: boolean;
    status: EnrollmentView['status'];
    statusName: string;
  }[];
  /** The session scanning is open for now (or the next one), by index; null after the last. */
  currentSession: number | null;
  closedAt: string | null;
}

export type { ClassState } from './core/classes';
import type { ClassState } from './core/classes';

/** A trainer's class: its state and today's session, for the scan screen. */
export interface TrainerClassView extends ClassView {
  enrolled: number;
  /** upcoming: before the first session; running: sessions under way; ended: last session over,
   * waiting for offline uploads; closed: completion done (R6.5). */
  state: ClassState;
  stateName: string;
  /** The session scanning is open for now (or the next one), by index; null after the last. */
  currentSession: number | null;
  closedAt: string | null;
}

/** R6.5: the outcome of closing a class. */
export interface CompletionView {
  classId: string;
  closedAt: string;
  completed: number;
  notCompleted: number;
}

export type { CertificateKind } from './core/certificates';
import type { CertificateKind } from './core/certificates';

export type { SubsidyStatus } from './core/certificates';
import type { SubsidyStatus } from './core/certificates';

/** R7.3: the subsidy a certificate earned its institution, or why not. */
export interface SubsidyView {
  status: SubsidyStatus;
  statusName: string;
  /** R7.5: integer fen (0 when refused). */
  amountFen: number;
  reason: string | null;
}

export interface CertificateView {
  number: string;
  /** The holder's own view only: with the number, lets anyone verify (R7.2). */
  verifyCode: string;
  kind: CertificateKind;
  kindName: string;
  occupation: { code: string; name: string };
  /** 1–5, 0 for kinds without a level. */
  level: number;
  levelName: string | null;
  issuer: { id: string; name: string };
  /** `YYYY-MM-DD`, China date of the assessment. */
  issuedOn: string;
  status: 'valid' | 'revoked';
  statusName: string;
  revokedReason: string | null;
  holderName: string;
  /** R8.3: `YYYY-MM-DD` dates employment follow-ups fall due. */
  followUpsDue: string[];
}

/** R7.2: what anyone sees for a number + code. */
export interface VerifyView {
  number: string;
  /** R2.4: masked. */
  holderName: string;
  kindName: string;
  occupation: string;
  levelName: string | null;
  issuer: string;
  issuedOn: string;
  status: 'valid' | 'revoked';
  statusName: string;
  revokedReason: string | null;
}

export interface RecordResultInput {
  /** A completed enrollment: the class and the person (R7.1). */
  classId?: string;
  personId?: string;
  /** Or an 技能等级评价券 held by the person, assessed without a class. */
  voucherId?: string;
  /** With a voucher: the occupation and level assessed. */
  occupationCode?: string;
  level?: number;
  passed: boolean;
  /** 0–100 */
  score: number;
  /** `YYYY-MM-DD`, the assessment day (default today); becomes the certificate date. */
  assessedOn?: string;
}

export interface ResultView {
  id: string;
  personId: string;
  passed: boolean;
  score: number;
  assessedOn: string;
  certificate: { number: string; kindName: string; levelName: string | null } | null;
  subsidy: SubsidyView | null;
}

export type { EmploymentStatus, WorkPlace } from './core/employment';
import type { EmploymentInput, EmploymentStatus, WorkPlace } from './core/employment';

/** R8.1: status; for all but `seeking`: place (+ region), start date, monthly income in whole yuan. */
export type EmploymentReportInput = EmploymentInput;

export interface EmploymentView {
  id: string;
  status: EmploymentStatus;
  statusName: string;
  employer: string | null;
  occupation: string | null;
  place: WorkPlace | null;
  placeName: string | null;
  region: PlaceRef | null;
  /** The place in words, when not picked from the regions. */
  placeDetail: string | null;
  startDate: string | null;
  /** R7.5: fen; yuan only on screen. */
  monthlyIncomeFen: number | null;
  /** R8.2: outside the household county. */
  transfer: boolean;
  reportedAt: string;
}

/** R8.3: a follow-up 3 or 6 months after a certificate. */
export interface FollowUpView {
  certificateNumber: string;
  occupation: string;
  months: number;
  dueOn: string;
  status: 'upcoming' | 'due' | 'done';
}


// ---- Officials' console (R9) ----

export type { DashboardMetric, LedgerKind } from './core/dashboard';
import type { DashboardMetric, LedgerKind } from './core/dashboard';

export interface MetricProgress {
  metric: DashboardMetric;
  name: string;
  actual: number;
  target: number | null;
  /** R9.4: actual ÷ target × 100, rounded half-up to 2 decimals (`'115.83'`); null without a target. */
  completion: string | null;
  /** Where an even pace through the year would be by `asOf`: ⌊target × elapsed share⌉. */
  expected: number | null;
  /** actual ≥ expected (null without a target). */
  onPace: boolean | null;
}

export interface DashboardInput {
  /** Default: the caller's own region. */
  regionCode?: string;
  /** Default: this year (China time). */
  year?: number;
}

export interface ChildProgress {
  region: PlaceRef;
  metrics: Pick<MetricProgress, 'metric' | 'actual' | 'target' | 'completion'>[];
}

export interface DashboardView {
  region: PlaceRef & { level: RegionLevel };
  year: number;
  /** The day the pace is measured at: today, or the year's last day for a past year. */
  asOf: string;
  /** The share of the year gone by `asOf`, in percent (`'89.86'`): the pace line. */
  pace: string;
  registeredLaborers: number;
  metrics: MetricProgress[];
  /** The regions one level down (counties of a city, cities of a province). */
  children: ChildProgress[];
  byBand: { band: Band | '-'; name: string; values: Record<DashboardMetric, number> }[];
  byMonth: { month: number; values: Record<DashboardMetric, number> }[];
  vouchers: { type: string; name: string; claimed: number; redeemed: number; expired: number; cancelled: number }[];
  trainings: { started: number; withdrawn: number; completed: number; notCompleted: number };
  /** R8.3 / D26: people first certified in the year, and how many of them reported work since. */
  employment: { certified: number; employed: number; rate: string | null };
  subsidies: { granted: number; amountFen: number; refused: number; withdrawn: number };
}

export interface RankingInput {
  regionCode?: string;
  year?: number;
  metric: DashboardMetric;
  /** Year to date up to and including this month (1–12). Default: the whole year, or this month in the current year. */
  month?: number;
}

export interface RankingView {
  region: PlaceRef;
  year: number;
  month: number;
  metric: DashboardMetric;
  metricName: string;
  rows: { rank: number; region: PlaceRef; actual: number; target: number | null; completion: string | null }[];
}

export interface TargetView {
  region: PlaceRef;
  year: number;
  metric: DashboardMetric;
  metricName: string;
  target: number;
  updatedAt: string;
}

export interface LedgerFilters {
  ledger: LedgerKind;
  /** Default: the caller's region. A county, city or province inside it. */
  regionCode?: string;
  /** China dates `YYYY-MM-DD`, inclusive. Default: this year. */
  from?: string;
  to?: string;
  /** Voucher type, certificate kind or place of work, by ledger. */
  type?: string;
  status?: string;
  band?: Band;
  occupation?: string;
}

export interface LedgerColumn {
  key: string;
  title: string;
}

export type LedgerRow = Record<string, string | number | null> & { id: string };

export interface LedgerPage {
  ledger: LedgerKind;
  title: string;
  columns: LedgerColumn[];
  rows: LedgerRow[];
  next?: string;
}

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportJobView {
  jobId: string;
  ledger: LedgerKind;
  title: string;
  /** The filters in words, e.g. `吕梁市 · 2021-01-01 至 2021-12-31 · A段`. */
  summary: string;
  status: ExportStatus;
  rows: number;
  total: number;
  /** 0–100. */
  progress: number;
  fileName: string;
  /** Where the owner downloads the file once done (the local gateway: `/exports/<jobId>`). */
  downloadUrl: string | null;
  /** Officials get full ID numbers; the export is logged in the ledger either way. */
  fullIdNumbers: boolean;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}


// ---- Reminders and the message centre (R10) ----

export type { OutboxStatus, ReminderKind } from './core/reminders';
import type { OutboxStatus, ReminderKind } from './core/reminders';

export interface MessageView {
  id: string;
  kind: ReminderKind;
  title: string;
  text: string;
  /** The app page the message opens (e.g. the dashboard for an official's digest). */
  page: string;
  read: boolean;
  createdAt: string;
  /** How the WeChat push went; the message centre shows the message whatever it says. */
  delivery: OutboxStatus;
}

export interface MessageList {
  items: MessageView[];
  unread: number;
  next?: string;
}

/** One template the app may ask consent for (`Taro.requestSubscribeMessage`, ≤ 3 per tap). */
export interface SubscribeTemplate {
  /** Configuration key, e.g. `TPL_VOUCHER_EXPIRY`. */
  key: string;
  /** The WeChat template id from configuration (empty when not configured: skip asking). */
  templateId: string;
  title: string;
}

export type SubscribeMoment = 'voucherClaimed' | 'enrolled' | 'dashboard';

/** What `requestSubscribeMessage` answered for each template id. */
export type ConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';

/** Every function, its actions, and their input and output types. */
export interface Actions {
  account: {
    whoami: { input: Record<string, never>; output: WhoAmI };
    register: { input: RegisterInput; output: WhoAmI };
    updateProfile: { input: UpdateProfileInput; output: WhoAmI };
    regions: { input: RegionsInput; output: Region[] };
  };
  voucher: {
    listTypes: { input: Record<string, never>; output: VoucherTypeView[] };
    /** R4.6: idempotent by the request's `requestId`. */
    claim: { input: { type: string }; output: VoucherView };
    mine: { input: Record<string, never>; output: VoucherView[] };
    cancel: { input: { voucherId: string }; output: VoucherView };
  };
  training: {
    /** Classes not yet started, soonest first. */
    listClasses: { input: ListClassesInput; output: ClassView[] };
    /** R5.2: binds one unused voucher of an accepted type; capacity never exceeded. */
    enroll: { input: { classId: string }; output: EnrollmentView };
    /** R5.3: before the first session; the voucher goes back to unused. */
    withdraw: { input: { classId: string }; output: EnrollmentView };
    mine: { input: Record<string, never>; output: EnrollmentView[] };
    /** Laborer: the attendance reference and secret (R6.1). */
    attendanceKey: { input: Record<string, never>; output: AttendanceKey };
    /** Trainer: a live scan (R6.2, R6.3). */
    scan: { input: { classId: string; code: string }; output: ScanResult };
    /** Trainer: scans queued offline (R6.4). */
    uploadOfflineScans: { input: { deviceNow: string; scans: OfflineScan[] }; output: { scanId: string; result: ScanResult }[] };
    /** Trainer: who is enrolled and who attended. */
    roster: { input: { classId: string }; output: RosterView };
    /** Trainer: the classes of their institution, newest first. */
    myClasses: { input: Record<string, never>; output: TrainerClassView[] };
    /** Trainer: after the last session, close the class now (R6.5); otherwise it closes 72 h later. */
    closeClass: { input: { classId: string }; output: CompletionView };
  };
  certificate: {
    /** Laborer: my certificates, newest first. */
    mine: { input: Record<string, never>; output: CertificateView[] };
    /** Trainer of a registered evaluation body: one result (R7.1); a pass issues a certificate (R7.2). */
    record: { input: RecordResultInput; output: ResultView };
    /** Trainer: results for several people of one class at once; each is its own transaction. */
    recordBatch: {
      input: { classId: string; assessedOn?: string; results: { personId: string; passed: boolean; score: number }[] };
      output: { personId: string; result: ResultView | null; code: ErrorCode | null; message: string | null }[];
    };
    /** Anyone, no login: number + verification code (R7.2). */
    verify: { input: { number: string; code: string }; output: VerifyView };
    /** Official of a region containing the certificate's county: revoke with a reason. */
    revoke: { input: { number: string; reason: string }; output: VerifyView };
  };
  employment: {
    /** Laborer: report or update employment (R8.1); a new report each time, history kept. */
    report: { input: EmploymentReportInput; output: EmploymentView };
    /** Laborer: my reports, newest first. */
    mine: { input: Record<string, never>; output: EmploymentView[] };
    /** Laborer: follow-ups after my certificates (R8.3). */
    followUps: { input: Record<string, never>; output: FollowUpView[] };
  };
  remind: {
    /** Admin: the day's reminder run now (the timer does it at 08:00 China time), then the sends. */
    run: {
      input: Record<string, never>;
      output: {
        day: string;
        created: Partial<Record<ReminderKind, number>>;
        expiredVouchers: number;
        completedClasses: number;
        skippedPhases: string[];
        delivery: { sent: number; skippedNoConsent: number; retrying: number; failed: number } | null;
      };
    };
  };
  message: {
    /** Anyone logged in: my messages, newest first, with the unread count. */
    list: { input: { after?: string; limit?: number }; output: MessageList };
    /** Mark one message (or all, without an id) as read. */
    read: { input: { id?: string }; output: { unread: number } };
    /** The templates to ask consent for at a moment (after a claim, after enrolling, on the dashboard). */
    templates: { input: { moment: SubscribeMoment }; output: SubscribeTemplate[] };
    /** Records what the user answered; `longTerm` when the template is a long-term subscription. */
    consent: { input: { answers: { templateId: string; answer: ConsentAnswer }[]; longTerm?: boolean }; output: { recorded: number } };
  };
  official: {
    /** Admin: (re)load the reference voucher and occupation catalogue. */
    importCatalogue: { input: Record<string, never>; output: { voucherTypes: number; occupations: number } };
    /** Admin: create or change one voucher type. */
    upsertVoucherType: { input: VoucherTypeInput; output: VoucherTypeInput & { updatedAt: string } };
    /** Admin of a region containing the county: set a county's yearly quota for a type. */
    setCountyQuota: { input: SetCountyQuotaInput; output: QuotaView };
    /** Official of the region (R1.2): progress against targets (R9.4) from counters only. */
    dashboard: { input: DashboardInput; output: DashboardView };
    /** Official: the child regions ordered by completion %, year to date (R9.4). */
    ranking: { input: RankingInput; output: RankingView };
    /** Official: the region's and its children's targets for a year. */
    targets: { input: { regionCode?: string; year?: number }; output: TargetView[] };
    /** Admin of a region containing `regionCode`: set one yearly target. */
    setTarget: { input: { regionCode: string; year: number; metric: DashboardMetric; target: number }; output: TargetView };
    /** Official: one page of a ledger (R9.5), newest first. */
    ledger: { input: LedgerFilters & { after?: string; limit?: number }; output: LedgerPage };
    /** Official: start an .xlsx export of a ledger (a job, DESIGN.md "Long work"). */
    exportLedger: { input: LedgerFilters; output: ExportJobView };
    /** Official: a job's progress; each call also moves an unfinished job on (in the cloud). */
    jobStatus: { input: { jobId: string }; output: ExportJobView };
    /** Official: my exports, newest first (导出记录). */
    myExports: { input: Record<string, never>; output: ExportJobView[] };
  };
}

export type FunctionName = keyof Actions;
export type ActionName<F extends FunctionName> = keyof Actions[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Actions[F][A] extends {
  input: infer I;
}
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Actions[F][A] extends {
  output: infer O;
}
  ? O
  : never;
