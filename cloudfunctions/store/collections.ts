/**
 * Every collection and its indexes, declared once. The embedded adapter creates these
 * indexes; docs/deploy.md lists them for CloudBase (create them in the console or CLI).
 */
export interface IndexSpec {
  /** Fields in index order. */
  fields: string[];
  unique?: boolean;
}

export const COLLECTIONS = {
  /** id = caller's OPENID: role bindings and the link to a person. */
  accounts: { indexes: [{ fields: ['personId'] }] as IndexSpec[] },
  /** id = person id; the ID number only encrypted + keyed hash (R2.4). */
  persons: {
    indexes: [{ fields: ['countyCode'] }, { fields: ['townshipCode'] }, { fields: ['birthDate'] }] as IndexSpec[],
  },
  /** id = HMAC of the ID number: one number binds one account (R2.3). */
  idNumbers: { indexes: [] as IndexSpec[] },
  /** id = voucher type code: the voucher catalogue (R4), editable by admins. */
  voucherTypes: { indexes: [] as IndexSpec[] },
  /** id = occupation code: the subsidised training catalogue with subsidy amounts in fen (R7.5). */
  occupations: { indexes: [] as IndexSpec[] },
  /** id = `{type}:{countyCode}:{year}`: a county's yearly quota for a type and places used (R4.2). */
  quotas: { indexes: [{ fields: ['countyCode', 'year'] }] as IndexSpec[] },
  /** id = `{quotaId}:{k}`: shard k of a quota, holding its share of the limit and of the places used (D62). */
  quotaShards: { indexes: [] as IndexSpec[] },
  /** id = `{classId}:{k}`: shard k of a class's seats (D62), for classes whose seats are sharded. */
  seatShards: { indexes: [] as IndexSpec[] },
  /** id = voucher id. */
  vouchers: {
    indexes: [
      { fields: ['personId', 'claimedAt'] },
      { fields: ['status', 'expiresAt'] },
      { fields: ['countyCode', 'year', 'type'] },
      // R9.5 the vouchers ledger: a region, a period, newest first.
      { fields: ['countyCode', 'claimedAt'] },
      { fields: ['cityCode', 'claimedAt'] },
      { fields: ['provinceCode', 'claimedAt'] },
    ] as IndexSpec[],
  },
  /** id = `{personId}:{type}`: the person's one unused voucher of a type (R4.3). */
  voucherSlots: { indexes: [] as IndexSpec[] },
  /** id = `{personId}:{year}`: vouchers counting toward the 3-a-year limit (R4.4). */
  personYears: { indexes: [] as IndexSpec[] },
  /** id = `{openid}:{action}:{requestId}`: answers of idempotent requests (R4.6). */
  requests: { indexes: [] as IndexSpec[] },
  /** id = `{countyCode}:{seq}`: the append-only, hash-chained ledger (R9.1); by person too, for the copy of everything held about them (R14.2). */
  ledger: { indexes: [{ fields: ['countyCode', 'seq'] }, { fields: ['subjects.personId', 'at'] }] as IndexSpec[] },
  /** id = county code: the head (last seq and hash) of each county's chain. */
  ledgerHeads: { indexes: [] as IndexSpec[] },
  /** id = `{countyCode}:{at ms}:{random}`: changes whose entries wait for the county's sequencer (D61), oldest first. */
  ledgerQueue: { indexes: [{ fields: ['countyCode', 'at'] }] as IndexSpec[] },
  /** id = `{countyCode}:{year}:{month}:{metric}:{band}`: pre-aggregated counters (R9.2). */
  counters: { indexes: [{ fields: ['countyCode', 'year'] }, { fields: ['cityCode', 'year', 'metric'] }] as IndexSpec[] },
  /** id = `{countyCode}:{year}`: the year's counters of a county in one document, for dashboards (R9.2). */
  counterYears: { indexes: [{ fields: ['cityCode', 'year'] }, { fields: ['provinceCode', 'year'] }] as IndexSpec[] },
  /** id = `{cityCode}:{year}`: a city's yearly counters, the sum of its counties', for a province's dashboard (D63). */
  regionYears: { indexes: [{ fields: ['provinceCode', 'year'] }] as IndexSpec[] },
  /** id = `{regionCode}:{year}:{metric}`: a region's yearly target for a dashboard metric (R9.4). */
  targets: { indexes: [{ fields: ['regionCode', 'year'] }, { fields: ['parentCode', 'year', 'metric'] }] as IndexSpec[] },
  /** id = job id: a ledger export processed in resumable chunks (DESIGN.md "Long work"). */
  exportJobs: { indexes: [{ fields: ['ownerOpenid', 'createdAt'] }, { fields: ['status', 'createdAt'] }] as IndexSpec[] },
  /** id = institution id: the 机构库 with what each may train and its evaluation registrations (R11.1, R1.3). */
  institutions: { indexes: [{ fields: ['countyCode'] }, { fields: ['cityCode'] }, { fields: ['provinceCode'] }] as IndexSpec[] },
  /** id = unified social credit code: one institution per code (R11.1). */
  creditCodes: { indexes: [] as IndexSpec[] },
  /** id = project id: the 项目库, named programmes with a yearly target (R11). */
  projects: { indexes: [{ fields: ['year'] }] as IndexSpec[] },
  /** id = invitation code: a single-use, expiring invitation to a staff role (R11.2). */
  invitations: { indexes: [{ fields: ['inviterOpenid', 'createdAt'] }] as IndexSpec[] },
  /** id = class id: one institution's class, its review, capacity and enrolled count (R5.1, R5.2, R11.3). */
  classes: {
    indexes: [
      { fields: ['institutionId', 'firstSessionAt'] },
      // Laborers see approved classes only (R11.3); officials find those waiting for review.
      { fields: ['status', 'firstSessionAt'] },
      { fields: ['countyCode', 'status', 'firstSessionAt'] },
      { fields: ['cityCode', 'status', 'firstSessionAt'] },
      { fields: ['provinceCode', 'status', 'firstSessionAt'] },
      { fields: ['completion', 'lastSessionEndsAt'] },
    ] as IndexSpec[],
  },
  /** id = `{classId}:{personId}`: one enrollment per person and class (R5.2). */
  enrollments: {
    indexes: [{ fields: ['personId', 'enrolledAt'] }, { fields: ['classId', 'status'] }, { fields: ['countyCode', 'enrolledAt'] }, { fields: ['cityCode', 'enrolledAt'] }, { fields: ['provinceCode', 'enrolledAt'] }] as IndexSpec[],
  },
  /** id = person id: the person's full-time class dates, to refuse overlaps (R5.2). */
  personSchedules: { indexes: [] as IndexSpec[] },
  /** id = person id: the person's attendance reference and secret (R6.1), the secret encrypted. */
  attendanceKeys: { indexes: [] as IndexSpec[] },
  /** id = attendance reference: which person a scanned code names. */
  attendanceRefs: { indexes: [] as IndexSpec[] },
  /** R13.2 id = card id: a printed check-in card; and id = person id: their current card. */
  cards: { indexes: [] as IndexSpec[] },
  personCards: { indexes: [] as IndexSpec[] },
  /** id = `{classId}:{session}:{personId}`: one record per person and session (R6.3); `method` for the share of cards and marks (R13.2). */
  attendance: { indexes: [{ fields: ['classId', 'session'] }, { fields: ['classId', 'method'] }, { fields: ['countyCode', 'scannedAt'] }, { fields: ['cityCode', 'scannedAt'] }, { fields: ['provinceCode', 'scannedAt'] }] as IndexSpec[] },
  /** id = enrollment id, or `voucher:{voucherId}` for a direct assessment: one result each (R7.1). */
  results: { indexes: [{ fields: ['classId'] }, { fields: ['personId'] }] as IndexSpec[] },
  /** id = certificate number `{year}{county}{seq}` (R7.2). */
  certificates: { indexes: [{ fields: ['personId'] }, { fields: ['countyCode', 'issuedOn'] }, { fields: ['countyCode', 'issuedAt'] }, { fields: ['cityCode', 'issuedAt'] }, { fields: ['provinceCode', 'issuedAt'] }] as IndexSpec[] },
  /** id = `{countyCode}:{year}`: the last certificate number allocated (R7.2). */
  certificateSeqs: { indexes: [] as IndexSpec[] },
  /** id = person id: certificates held and subsidies granted, for R7.3's checks. */
  personCredentials: { indexes: [] as IndexSpec[] },
  /** id = certificate number: the institution's subsidy entry, payable or refused (R7.3). */
  subsidies: {
    indexes: [
      { fields: ['institutionId', 'status'] },
      { fields: ['countyCode', 'year'] },
      { fields: ['countyCode', 'createdAt'] },
      { fields: ['cityCode', 'createdAt'] },
      { fields: ['provinceCode', 'createdAt'] },
      // R12.1 an application's entries; the 补贴发放台账 by payment date.
      { fields: ['applicationId'] },
      { fields: ['institutionId', 'classId'] },
      { fields: ['countyCode', 'paidAt'] },
      { fields: ['cityCode', 'paidAt'] },
      { fields: ['provinceCode', 'paidAt'] },
    ] as IndexSpec[],
  },
  /** R12.1 id = application id: an institution's 申领 for one county's entries; and its payments (拨付). */
  applications: { indexes: [{ fields: ['institutionId', 'appliedAt'] }, { fields: ['countyCode', 'appliedAt'] }, { fields: ['cityCode', 'appliedAt'] }, { fields: ['provinceCode', 'appliedAt'] }] as IndexSpec[] },
  payments: { indexes: [{ fields: ['applicationId'] }] as IndexSpec[] },
  /** R12.1 id = certificate number: a paid entry's money to recover (追回) after revocation. */
  recoveries: { indexes: [{ fields: ['countyCode', 'openedAt'] }] as IndexSpec[] },
  /** id = `{personId}:{uuid}`: every employment report, history kept (R8.1). */
  employmentReports: { indexes: [{ fields: ['personId'] }, { fields: ['countyCode', 'reportedOn'] }, { fields: ['countyCode', 'reportedAt'] }, { fields: ['cityCode', 'reportedAt'] }, { fields: ['provinceCode', 'reportedAt'] }] as IndexSpec[] },
  /** id = `{personId}:{year}`: whether the person was already counted employed / transferred this year. */
  employmentYears: { indexes: [] as IndexSpec[] },
  /** id = binding id: who holds a staff role where (R11.2), so reminders and staff lists find officials and trainers by an index (R10.1). */
  staff: { indexes: [{ fields: ['role', 'regionCode'] }, { fields: ['role', 'institutionId'] }, { fields: ['openid'] }] as IndexSpec[] },
  /** id = the reminder's dedupe key (R10.2): one entry per reminder ever; the message centre reads it. */
  outbox: {
    indexes: [
      { fields: ['openid', 'createdAt'] },
      { fields: ['status', 'nextAttemptAt'] },
      { fields: ['openid', 'read'] },
    ] as IndexSpec[],
  },
  /** id = `{openid}:{templateKey}`: subscription consents (one-time counted and spent, long-term kept). */
  consents: { indexes: [] as IndexSpec[] },
  /** id = China date of the run: which of a day's reminder phases are done (resumable). */
  remindRuns: { indexes: [] as IndexSpec[] },
  /** R13.1 id = link id: a relative acting for an elder (亲情代办); by either side, and the requests waiting. */
  proxyLinks: { indexes: [{ fields: ['proxyOpenid'] }, { fields: ['elderOpenid'] }, { fields: ['status', 'requestedAt'] }] as IndexSpec[] },
  /** id = elder person id / the relative's OPENID: each side's active links, for the limits (R13.1). */
  elderProxies: { indexes: [] as IndexSpec[] },
  proxyElders: { indexes: [] as IndexSpec[] },
  /** R12.2 id = list id (from county, type, year and the list's numbers): a directed issue (定向券), its counts and progress. */
  directedJobs: { indexes: [{ fields: ['countyCode', 'createdAt'] }, { fields: ['cityCode', 'createdAt'] }, { fields: ['provinceCode', 'createdAt'] }] as IndexSpec[] },
  /** R12.2 id = `{listId}:{n}`: a directed list's numbers (keyed hashes only) and the lines refused as read, 250 a part. */
  directedChunks: { indexes: [] as IndexSpec[] },
  /** R12.2 id = `{listId}:{id hash}`: one listed person's outcome (issued, waiting for registration, refused and why). */
  directedLines: { indexes: [{ fields: ['listId', 'status', 'line'] }] as IndexSpec[] },
  /** R12.2 id = ID-number hash: the open lists waiting for this person to register. */
  directedPending: { indexes: [] as IndexSpec[] },
  /** R14.1 id = OPENID: the person's agreement to the privacy guide (version, time) and its history. */
  privacyConsents: { indexes: [] as IndexSpec[] },
  /** R14.3 id = hash of WeChat's verify id: one face check, its purpose and outcome (a result is used once). */
  faceChecks: { indexes: [{ fields: ['personId', 'startedAt'] }, { fields: ['classId', 'status'] }] as IndexSpec[] },
  /** R14.3 id = person id: the passed registration check, for the WeChat account that passed it. */
  realNames: { indexes: [] as IndexSpec[] },
  /** R14.3 id = county code: where the county asks for face checks. */
  facePolicies: { indexes: [] as IndexSpec[] },
  /** Local bookkeeping: seed version and the like. */
  meta: { indexes: [] as IndexSpec[] },
  /** Test and tooling scratch space (contract tests). */
  scratch: { indexes: [{ fields: ['group'] }, { fields: ['group', 'rank'] }] as IndexSpec[] },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export const isCollectionName = (name: string): name is CollectionName =>
  Object.prototype.hasOwnProperty.call(COLLECTIONS, name);
