/**
 * Every function, its actions, and their input and output types.
 */
import type { RegionsInput, RegisterInput, UpdateProfileInput, WhoAmI } from './account';
import type { CertificateView, EvaluationVoucherView, RecordResultInput, ResultView, VerifyView } from './certificate';
import type {
  InstitutionChange,
  InstitutionInput,
  InstitutionStatus,
  InstitutionView,
  ListInstitutionsInput,
  ProjectChange,
  ProjectInput,
  ProjectView,
  RegistrationInput,
} from './institution';
import type { InvitationView, InviteInput, ListStaffInput, StaffMemberView } from './staff';
import type { ProxyLinkView, RequestProxyInput } from './family';
import type { ApplicationView, ApplyInput, ListApplicationsInput, ListEntriesInput, PaymentInput, ReviewInput, ScorecardView, SubsidyEntryView } from './settlement';
import type { ErrorCode, Region } from './common';
import type { DirectedIssueInput, DirectedJobView, DirectedReport } from './directed';
import type { EmploymentReportInput, EmploymentView, FollowUpView } from './employment';
import type { ConsentAnswer, MessageList, ReminderKind, SubscribeMoment, SubscribeTemplate } from './message';
import type { DashboardInput, DashboardMetric, DashboardView, ExportDownload, ExportJobView, LedgerFilters, LedgerPage, RankingInput, RankingView, TargetView } from './official';
import type {
  AttendanceKey,
  CheckInCard,
  ClassCheckInsView,
  ClassPlanChange,
  ClassPlanInput,
  ClassView,
  CompletionView,
  EnrollmentView,
  ListClassesInput,
  OfflineScan,
  RosterView,
  ScanResult,
  TrainerClassView,
} from './training';
import type { QuotaView, SetCountyQuotaInput, VoucherCatalogueItem, VoucherTypeInput, VoucherTypeView, VoucherView } from './voucher';
import type { ClassFaceChecksView, CloseAccountResult, FaceCheckResult, FaceCheckStart, FacePolicyInput, FacePolicyView, FacePurpose, MyDataCopy, PrivacyStatus } from './privacy';

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
    /** Anyone logged in: the active types, without eligibility (a trainer's 开班 form). */
    catalogue: { input: Record<string, never>; output: VoucherCatalogueItem[] };
    /** R4.6: idempotent by the request's `requestId`. */
    claim: { input: { type: string }; output: VoucherView };
    mine: { input: Record<string, never>; output: VoucherView[] };
    cancel: { input: { voucherId: string }; output: VoucherView };
  };
  training: {
    /** Classes not yet started, soonest first. */
    listClasses: { input: ListClassesInput; output: ClassView[] };
    /** R5.2: binds one unused voucher of an accepted type; capacity never exceeded. */
    enroll: { input: { classId: string; claim?: string }; output: EnrollmentView };
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
    /** Trainer: the classes of their institution (the one named, when several), drafts included, newest first. */
    myClasses: { input: { institutionId?: string }; output: TrainerClassView[] };
    /** Trainer: after the last session, close the class now (R6.5); otherwise it closes 72 h later. */
    closeClass: { input: { classId: string }; output: CompletionView };
    /** Trainer of an active institution: plan a class, saved as a draft (R11.3). Idempotent by requestId. */
    createClass: { input: ClassPlanInput; output: TrainerClassView };
    /** Trainer: change a class (before approval anything; after, sessions and capacity before the first session). */
    updateClass: { input: ClassPlanChange; output: TrainerClassView };
    /** Trainer: send a draft or a rejected class for review (开班审核). */
    submitClass: { input: { classId: string }; output: TrainerClassView };
    /** Trainer: cancel a class before its first session; every reserved voucher goes back, every trainee is told. */
    cancelClass: { input: { classId: string; reason: string }; output: TrainerClassView & { released: number } };
    /** Trainer of it, or an official over its county: one class. */
    classDetail: { input: { classId: string }; output: TrainerClassView };
    /** Official: classes waiting for review in the region, soonest first. */
    pendingClasses: { input: { regionCode?: string }; output: TrainerClassView[] };
    /** Trainer: the 8 digits a laborer's screen shows, typed (R13.2). */
    scanTyped: { input: { classId: string; digits: string }; output: ScanResult };
    /** Trainer: mark an enrolled person present at the session under way, with a reason (R13.2; flagged). */
    markPresent: { input: { classId: string; personId: string; reason: string }; output: ScanResult };
    /** Trainer of a class the person is in, or an official over their county: print a 签到卡 (the old one stops working). */
    issueCard: { input: { personId: string }; output: CheckInCard };
    revokeCard: { input: { personId: string }; output: { revoked: boolean } };
    /** Official: classes under way with their share of card and manual check-ins, flagged first (R13.2). */
    classCheckIns: { input: { regionCode?: string }; output: ClassCheckInsView[] };
    /** Official of the class's county (or above): approve, or reject with a reason. */
    reviewClass: { input: { classId: string; approve: boolean; reason?: string }; output: TrainerClassView };
  };
  certificate: {
    /** Laborer: my certificates, newest first. */
    mine: { input: Record<string, never>; output: CertificateView[] };
    /** Trainer of a registered evaluation body: the 技能等级评价券 a person holds, by their ID number (R7.1). */
    findEvaluationVoucher: { input: { idNumber: string; institutionId?: string }; output: EvaluationVoucherView };
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
  institution: {
    /** Official: the institutions of the region (机构库; 评价库 with `evaluationBodies`), by name. */
    list: { input: ListInstitutionsInput; output: { items: InstitutionView[]; total: number } };
    /** Official over its county, or a trainer of it. */
    get: { input: { institutionId: string }; output: InstitutionView };
    /** Official of the county or above: add an institution (R11.1). Idempotent by requestId. */
    create: { input: InstitutionInput; output: InstitutionView };
    update: { input: InstitutionChange; output: InstitutionView };
    /** Suspend (with a reason) or reactivate. */
    setStatus: { input: { institutionId: string; status: InstitutionStatus; reason?: string }; output: InstitutionView };
    /** Record an evaluation registration (备案): occupation, levels, number, validity. */
    register: { input: RegistrationInput; output: InstitutionView };
    endRegistration: { input: { institutionId: string; registrationId: string; reason: string }; output: InstitutionView };
    /** The catalogue's occupations with their levels, for the pickers. */
    occupations: { input: Record<string, never>; output: { code: string; name: string; category: string; levels: number[] }[] };
    /** Projects of a year (项目库): an official's region, or those a trainer's institution may use. */
    projects: { input: { regionCode?: string; year?: number; institutionId?: string; all?: boolean }; output: ProjectView[] };
    createProject: { input: ProjectInput; output: ProjectView };
    updateProject: { input: ProjectChange & { active?: boolean }; output: ProjectView };
  };
  staff: {
    /** Official or admin: invite someone into a role inside their scope (R11.2). Idempotent by requestId. */
    invite: { input: InviteInput; output: InvitationView };
    /** Anyone logged in with the code: what accepting it means. */
    invitation: { input: { code: string }; output: InvitationView };
    /** Accept: the role is bound to the caller's own OPENID. */
    accept: { input: { code: string }; output: WhoAmI };
    /** The invitations I made, newest first. */
    invitations: { input: Record<string, never>; output: InvitationView[] };
    cancelInvitation: { input: { code: string }; output: InvitationView };
    /** The staff of a region or an institution that I could grant (and so revoke). */
    list: { input: ListStaffInput; output: StaffMemberView[] };
    revoke: { input: { bindingId: string }; output: { revoked: true } };
  };
  family: {
    /** A relative asks to act for an elder (亲情代办, R13.1); the elder is told. */
    request: { input: RequestProxyInput; output: ProxyLinkView };
    /** The elder, on their own phone: agree or decline. */
    answer: { input: { linkId: string; agree: boolean }; output: ProxyLinkView };
    /** An official of the elder's county, in person, having seen the elder's ID card. */
    approveInPerson: { input: { linkId: string; idCardSeen: boolean }; output: ProxyLinkView };
    /** Either side ends it at once. */
    end: { input: { linkId: string }; output: ProxyLinkView };
    /** The elders I act for, and who acts (or asks to) for me. */
    mine: { input: Record<string, never>; output: { asProxy: ProxyLinkView[]; asElder: ProxyLinkView[] } };
    /** Official: requests in the region waiting for an in-person approval. */
    pending: { input: { regionCode?: string }; output: ProxyLinkView[] };
  };
  settlement: {
    /** Trainer: the institution's subsidy entries of one status (default 待申领), with their evidence. */
    entries: { input: ListEntriesInput; output: SubsidyEntryView[] };
    /** Trainer: 申领 a closed class's payable entries, or those named; one application per county (R12.1). */
    apply: { input: ApplyInput; output: ApplicationView[] };
    /** Trainer: the institution's applications; official: the region's. Newest first. */
    applications: { input: ListApplicationsInput; output: ApplicationView[] };
    /** Its institution's trainer or an official over its county: one application with every entry and payment. */
    application: { input: { applicationId: string }; output: ApplicationView };
    /** Official over the county: approve, reject (reason) or return (reason) applied entries. */
    review: { input: ReviewInput; output: ApplicationView };
    /** Official: a ledgered correction of an unpaid decision, back to 已申领. */
    correct: { input: { certificateNumber: string; reason: string }; output: SubsidyEntryView };
    /** Official over the county: record a transfer for approved entries; exactly their amount, once. */
    pay: { input: PaymentInput; output: ApplicationView };
    /** Official: 培训质量考核评估 of the region's institutions for a year, ranked. */
    scorecards: { input: { regionCode?: string; year?: number }; output: ScorecardView };
    /** Official: the scorecards as an .xlsx, a finished job in 导出记录. */
    exportScorecards: { input: { regionCode?: string; year?: number }; output: ExportJobView };
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
    /** Official: a short-lived link to download my finished export (anyone else: NOT_FOUND). */
    downloadExport: { input: { jobId: string }; output: ExportDownload };
    /** R12.2 Official of the county or above: issue vouchers of a type to a named list (定向券); the same list again writes nothing new. */
    issueDirected: { input: DirectedIssueInput; output: DirectedJobView };
    /** The job and every line not issued, with its reason; each call also moves an unfinished list on. */
    directedJob: { input: { listId: string }; output: DirectedReport };
    /** Directed issues of the official's region (or the one named), newest first. */
    directedJobs: { input: { regionCode?: string }; output: DirectedJobView[] };
    /** Close an issue for people who register later (D50). */
    closeDirected: { input: { listId: string }; output: DirectedJobView };
  };
  privacy: {
    /** Anyone, logged in or not: the guide in force, my agreement and my real-name state (R14.1, R14.3). */
    status: { input: Record<string, never>; output: PrivacyStatus };
    /** Agree to the guide of this version (a stale version is refused); ledgered once registered. */
    agree: { input: { version: string }; output: PrivacyStatus };
    /** Withdraw the agreement: nothing new is collected; a training under way goes on. */
    withdraw: { input: Record<string, never>; output: PrivacyStatus };
    /** R14.2 a copy of everything held about me: every collection that names me. */
    myData: { input: Record<string, never>; output: MyDataCopy };
    /** R14.2 close the account (注销): the WeChat binding, phone and messages go; the programme's records stay with the person. */
    close: { input: { confirm: true }; output: CloseAccountResult };
    /** R14.3 start a face check: WeChat's verify id for my name and ID number. */
    startFaceCheck: { input: { purpose: FacePurpose; classId?: string }; output: FaceCheckStart };
    /** R14.3 after the phone's check: the true result, read from WeChat once (a used result is refused). */
    finishFaceCheck: { input: { verifyId: string }; output: FaceCheckResult };
    /** Official of a region containing the county: where it asks for face checks. */
    facePolicy: { input: { countyCode: string }; output: FacePolicyView };
    /** Admin of a region containing the county: set it (ledgered). */
    setFacePolicy: { input: FacePolicyInput; output: FacePolicyView };
    /** Official: classes under way in the region with the share of trainees verified. */
    classFaceChecks: { input: { regionCode?: string }; output: ClassFaceChecksView[] };
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
