/**
 * `npm run dataset:lvliang`: Lüliang city's 2021 at full scale (or a fraction of it).
 *
 * Replaces the database in DATA_DIR (keys.json is kept), opens it through openLocalRuntime (which
 * seeds the demo data and personas), then loads the plan (plan.ts) phase by phase, in time order
 * within each phase. Every document is written as the service that owns it writes it; every
 * change goes through the real ledger and counter writers (recordChange, bumpCounters) on an
 * in-memory transaction pre-loaded with the stored chain heads and counters, and everything is
 * flushed through the SQLite adapter's bulk path.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Band, ageAt, bandOfAge } from '../../cloudfunctions/core/age';
import {
  type CertificateKind,
  type OccupationCategory,
  certificateKindOf,
  certificateNumber,
  isHighSkilled,
  subsidyFenOf,
  subsidyRefusal,
  verificationCode,
} from '../../cloudfunctions/core/certificates';
import { chinaDateOf, formatDate, parseDate } from '../../cloudfunctions/core/china-date';
import { DEFAULT_MIN_ATTENDANCE, completionOf, spanOf } from '../../cloudfunctions/core/classes';
import { isTransfer } from '../../cloudfunctions/core/employment';
import { composeIdNumber, maskIdNumber } from '../../cloudfunctions/core/id-number';
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import type { CertificateDoc, CredentialsDoc, ResultDoc, SubsidyDoc } from '../../cloudfunctions/services/certificate';
import { recordChange } from '../../cloudfunctions/services/books/changes';
import type { ClassDoc, EnrollmentDoc, InstitutionDoc } from '../../cloudfunctions/services/training';
import { bumpCounters } from '../../cloudfunctions/services/books/counters';
import type { Place } from '../../cloudfunctions/services/kernel/place';
import { METRICS, voucherMetric } from '../../cloudfunctions/core/books';
import type { Actor } from '../../cloudfunctions/services/books/ledger';
import type { VoucherDoc } from '../../cloudfunctions/services/voucher';
import type { CollectionName } from '../../cloudfunctions/store/collections';
import type { Doc } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';
import type { SqliteStore } from '../../cloudfunctions/store/sqlite-store';
import { MemTx } from './mem-tx';
import {
  CITY,
  OCCUPATIONS,
  PROVINCE,
  type PClass,
  type Plan,
  QUOTA_SET_AT,
  type TypeCode,
  VOUCHER_TYPES,
  YEAR,
  birthCal,
  birthDateText,
  makePlan,
  popcount,
} from './plan';
import { Rng } from './rng';

export interface GenerateOptions {
  dataDir: string;
  /** 1 = the full 2021; 0.01 = the 1/100 dataset. */
  scale?: number;
  seed?: number;
  log?: (line: string) => void;
  /**
   * Worker threads, each loading a share of the counties (chains, counters and records are all
   * per county, so shares never touch the same documents). Default: one per core, at most 4;
   * 1 = in this thread (jest, whose transform the worker threads do not have).
   */
  threads?: number;
}

export interface PartOptions {
  dataDir: string;
  scale: number;
  seed: number;
  part: number;
  parts: number;
}

export interface PartReport {
  part: number;
  counties: string[];
  phases: { name: string; ms: number }[];
  rows: Record<string, number>;
}

export interface GenerateReport {
  dbFile: string;
  dbBytes: number;
  totalMs: number;
  phases: { name: string; ms: number }[];
  rows: Record<string, number>;
  plan: Plan['counts'];
}

const SYSTEM: Actor = { openid: null, role: 'system' };
/** The city admin persona (gateway/personas.ts) raises the county quotas the year needs (D11). */
const CITY_ADMIN = 'dev-openid-official-lvliang';
const FLUSH_AT = 50_000;

const SURNAMES = '王张李刘郭杨赵任武冯高薛田梁贾白成马孙康陈韩胡段曹霍乔吴周秦阎许史程牛侯郝温常宋苏雷徐卫侯董裴宁石何崔靳申薛'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华平刚桂兰玉梅建国红霞文斌志宏海燕鹏飞俊峰晓东亮波春花凤琴云翠萍丽芬永生金宝喜荣旭斌瑞兴元宇浩然嘉欣'.split('');
const EMPLOYERS = [
  '山西杏花村汾酒厂股份有限公司', '吕梁东义集团', '山西中阳钢铁有限公司', '孝义市鹏飞实业有限公司', '山西焦煤汾西矿业',
  '吕梁市人民医院', '离石区城市建设有限公司', '柳林县联盛能源公司', '交城县金兰化工有限公司', '文水县华兴物流有限公司',
];
const FAR_EMPLOYERS = ['北京吕梁山护工家政服务有限公司', '天津滨海新区制造有限公司', '浙江宁波港口物流有限公司', '江苏苏州电子科技有限公司', '新加坡建筑工程公司'];
const FAR_PLACES = ['北京市朝阳区', '天津市滨海新区', '浙江省宁波市', '江苏省苏州市', '广东省深圳市'];
const ABROAD = ['新加坡', '日本', '阿联酋'];

const iso = (ms: number) => new Date(ms).toISOString();
const bandOrNull = (b: string): Band | null => (b === 'A' || b === 'B' || b === 'C' ? b : null);

/** Counties to threads by population weight (greedy), so the shares take about as long. */
export function countiesOfPart(plan: Pick<Plan, 'counties'>, part: number, parts: number): Set<number> {
  const load = new Array<number>(parts).fill(0);
  const mine = new Set<number>();
  const order = plan.counties.map((c, i) => [i, c.weight] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [i, w] of order) {
    let best = 0;
    for (let k = 1; k < parts; k++) if (load[k] < load[best]) best = k;
    load[best] += w;
    if (best === part) mine.add(i);
  }
  return mine;
}

export async function generateLvliang(options: GenerateOptions): Promise<GenerateReport> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 2021;
  const parts = Math.max(1, options.threads ?? Math.min(4, availableParallelism()));
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const dataDir = resolve(options.dataDir);
  const dbFile = join(dataDir, 'chizhengtong.db');
  if (existsSync(dbFile)) log(`replacing ${dbFile} (keys.json is kept)`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  // Creates the folder, keys and database, and seeds the demo data and personas.
  const runtime = await openLocalRuntime({ dataDir, env: process.env });
  await runtime.close();
  log(`loading Lüliang ${YEAR} at scale ${scale} (seed ${seed}) in ${parts} thread(s) …`);
  const partOptions = (part: number): PartOptions => ({ dataDir, scale, seed, part, parts });
  let reports: PartReport[];
  if (parts === 1) reports = [await loadPart(partOptions(0), log)];
  else {
    reports = await Promise.all(
      Array.from({ length: parts }, (_, part) =>
        new Promise<PartReport>((resolveReport, reject) => {
          const worker = new Worker(
            // The worker compiles TypeScript the way the CLI does (tsx's CommonJS hook).
            `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(__dirname, 'part-worker.ts'))});`,
            { eval: true, workerData: partOptions(part) },
          );
          worker.on('message', (m: { log?: string; done?: PartReport; error?: string }) => {
            if (m.log) log(m.log);
            if (m.done) resolveReport(m.done);
            if (m.error) reject(new Error(m.error));
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`part ${part} exited with ${code}`));
          });
        }),
      ),
    );
  }
  const plan = makePlan({ scale, seed });
  const rows: Record<string, number> = {};
  for (const r of reports) for (const [c, n] of Object.entries(r.rows)) rows[c] = (rows[c] ?? 0) + n;
  const dbBytes = ['', '-wal'].reduce((s, suffix) => s + (existsSync(dbFile + suffix) ? statSync(dbFile + suffix).size : 0), 0);
  const totalMs = Date.now() - started;
  const phases = reports[0].phases.map((p, i) => ({ name: p.name.replace(/ \(.*\)$/, ''), ms: Math.max(...reports.map((r) => r.phases[i]?.ms ?? 0)) }));
  log(`done in ${(totalMs / 1000).toFixed(1)} s; ${dbFile} ${(dbBytes / 1e9).toFixed(2)} GB`);
  log('per phase (the slowest thread):');
  for (const p of phases) log(`  ${p.name.padEnd(28)} ${(p.ms / 1000).toFixed(1).padStart(7)} s`);
  log('rows written:');
  for (const [c, n] of Object.entries(rows).sort()) log(`  ${c.padEnd(20)} ${String(n).padStart(10)}`);
  return { dbFile, dbBytes, totalMs, phases, rows, plan: plan.counts };
}

/** Loads one share of the counties (all of them when parts = 1). */
export async function loadPart(options: PartOptions, log: (line: string) => void): Promise<PartReport> {
  const { dataDir, scale, seed, part, parts } = options;
  const tag = parts > 1 ? `[${part + 1}/${parts}] ` : '';
  const phases: { name: string; ms: number }[] = [];
  let phaseStart = Date.now();
  const phase = (name: string) => {
    const ms = Date.now() - phaseStart;
    phases.push({ name, ms });
    log(`  ${tag}✓ ${name} (${(ms / 1000).toFixed(1)} s)`);
    phaseStart = Date.now();
  };
  const plan = makePlan({ scale, seed });
  const mineSet = countiesOfPart(plan, part, parts);
  const mine = (county: number) => mineSet.has(county);
  const myCodes = new Set([...mineSet].map((i) => plan.counties[i].code));
  phase('plan');

  const runtime = await openLocalRuntime({ dataDir, env: process.env });
  const store = runtime.deps.store as SqliteStore;
  const idVault = runtime.deps.idVault;
  const rows: Record<string, number> = {};

  // ---- the in-memory transaction and the bulk sink ----
  const tx = new MemTx();
  for (const c of ['ledgerHeads', 'counters', 'counterYears'] as CollectionName[]) {
    for await (const d of scan<Doc & { countyCode?: string }>(store, c)) {
      if (myCodes.has(c === 'ledgerHeads' ? d._id : (d.countyCode ?? ''))) tx.load(c, d);
    }
  }
  const buffers = new Map<CollectionName, Doc[]>();
  const flush = async (c: CollectionName) => {
    const docs = buffers.get(c);
    if (!docs || docs.length === 0) return;
    buffers.set(c, []);
    // Random keys (HMACs): inserting a batch in key order visits the table's pages in order.
    if (c === 'idNumbers') docs.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    await store.bulkPut(c, docs);
    rows[c] = (rows[c] ?? 0) + docs.length;
  };
  const put = (c: CollectionName, doc: Doc): Promise<void> | void => {
    let docs = buffers.get(c);
    if (!docs) {
      docs = [];
      buffers.set(c, docs);
    }
    docs.push(doc);
    if (docs.length >= FLUSH_AT) return flush(c);
  };
  const flushLedger = (force = false): Promise<void> | void => {
    if (!force && tx.size('ledger') < FLUSH_AT) return;
    return drainLedger();
  };
  const drainLedger = async () => {
    const docs = tx.drain('ledger');
    if (docs.length === 0) return;
    await store.bulkPut('ledger', docs);
    rows.ledger = (rows.ledger ?? 0) + docs.length;
  };
  const flushAll = async () => {
    for (const c of buffers.keys()) await flush(c);
    await flushLedger(true);
  };

  // ---- places, people, institutions ----
  const countyPlace: Place[] = plan.counties.map((c) => ({ countyCode: c.code, cityCode: CITY, provinceCode: PROVINCE }));
  const placeOfPerson = (p: number) => countyPlace[plan.personCounty[p]];
  // UUID-shaped like registration's `p_${randomUUID()}`, but ascending in registration order so
  // the bulk load appends to the persons table instead of inserting at random pages.
  const order = Uint32Array.from({ length: plan.n }, (_, i) => i).sort((a, b) => plan.personRegAt[a] - plan.personRegAt[b]);
  const personIds: string[] = new Array(plan.n);
  const idRng = new Rng((seed ^ 0x5eed5eed) >>> 0);
  order.forEach((p, rank) => {
    personIds[p] = `p_${(0x10000000 + rank).toString(16)}${idRng.uuid().slice(8)}`;
  });
  const rng = new Rng((seed * 131 + part * 7919 + parts) >>> 0);
  const openidOf = (p: number) => `gen:${p + 1}`;
  const occupation = new Map(OCCUPATIONS.map((o) => [o.code, o]));
  const subsidyFen = (code: string) =>
    Object.fromEntries(Object.entries(occupation.get(code)!.subsidy).map(([l, y]) => [l, Math.round(y * 100)]));
  const institutions: InstitutionDoc[] = [];
  const institutionOf = (county: number, kind: 'skills' | 'agri') => institutions[county * 2 + (kind === 'skills' ? 0 : 1)];
  const skillCodes = OCCUPATIONS.filter((o) => o.category === 'skills' || o.category === 'special').map((o) => o.code);
  const agriCodes = OCCUPATIONS.filter((o) => o.category === 'agri' || o.category === 'village').map((o) => o.code);
  for (const c of plan.counties) {
    institutions.push({ _id: `gen-inst-${c.code}-skills`, name: `${c.name}职业技能培训学校`, countyCode: c.code, evaluationBody: true, trainOccupations: skillCodes, assessOccupations: skillCodes });
    institutions.push({ _id: `gen-inst-${c.code}-agri`, name: `${c.name}农业广播电视学校`, countyCode: c.code, evaluationBody: true, trainOccupations: agriCodes, assessOccupations: agriCodes });
  }
  for (const i of institutions) if (myCodes.has(i.countyCode)) await put('institutions', i);
  const trainerOf = (institutionId: string) => `gen:trainer:${institutionId}`;

  // ---- final person state from the plan (the latest employment report) ----
  const lastReport = new Int32Array(plan.n).fill(-1);
  const reportEmployer: (string | null)[] = plan.reports.map((r) => {
    if (r.status !== 'employed') return null;
    return r.place === 'county' ? rng.pick(EMPLOYERS) : rng.pick(FAR_EMPLOYERS);
  });
  plan.reports.forEach((r, i) => {
    lastReport[r.person] = i;
  });

  // ---- phase: registrations ----
  log(`${tag}registering laborers …`);
  for (const p of order) {
    if (!mine(plan.personCounty[p])) continue;
    const county = plan.counties[plan.personCounty[p]];
    const township = plan.townships[plan.personTownship[p]];
    const birth = birthCal(plan.personBirth[p]);
    const number = composeIdNumber(county.code, birth, plan.personSeq[p]);
    const idHash = idVault.hash(number);
    const at = plan.personRegAt[p];
    const atIso = iso(at);
    const personId = personIds[p];
    const openid = openidOf(p);
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.float() < 0.65 ? rng.pick(GIVEN) : '');
    const place = placeOfPerson(p);
    const household = { townshipCode: township.code, ...place };
    await put('idNumbers', { _id: idHash, personId, openid, createdAt: atIso } as Doc);
    const last = lastReport[p];
    await put('persons', {
      _id: personId,
      openid,
      name,
      idCipher: idVault.encrypt(number),
      idHash,
      idMasked: maskIdNumber(number),
      birthDate: birthDateText(plan.personBirth[p]),
      gender: plan.personSeq[p] % 2 === 1 ? 'male' : 'female',
      phone: rng.float() < 0.7 ? `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}` : null,
      ...household,
      registeredAt: atIso,
      updatedAt: atIso,
      ...(last >= 0 ? { currentEmployer: reportEmployer[last], employmentStatus: plan.reports[last].status } : {}),
    } as Doc);
    const band = bandOfAge(ageAt(birth, new Date(at)));
    await recordChange(tx, {
      place: household,
      at: new Date(at),
      type: 'person.registered',
      subjects: { personId },
      actor: { openid, role: 'laborer' },
      data: { townshipCode: household.townshipCode, band },
      counters: [{ metric: METRICS.laborersRegistered, band, by: 1 }],
    });
    await flushLedger();
  }
  await flushAll();
  phase('registrations');

  // ---- phase: county quotas for the year (D11) ----
  const typeRow = new Map(VOUCHER_TYPES.map((t) => [t.code, t]));
  const gross = new Map<string, number>();
  const used = new Map<string, number>();
  for (const v of plan.vouchers) {
    if (!mine(plan.personCounty[v.person])) continue;
    const key = `${v.type}:${plan.counties[plan.personCounty[v.person]].code}:${YEAR}`;
    gross.set(key, (gross.get(key) ?? 0) + 1);
    if (v.status !== 'cancelled' && v.status !== 'expired') used.set(key, (used.get(key) ?? 0) + 1);
  }
  const quotaSets: number[] = [];
  for (const [key, claims] of [...gross.entries()].sort()) {
    const [type, countyCode] = key.split(':');
    const t = typeRow.get(type as TypeCode)!;
    const place: Place = { countyCode, cityCode: CITY, provinceCode: PROVINCE };
    // Never exceeded at any moment: the limit covers every claim of the year.
    const limit = Math.max(t.defaultCountyQuota, Math.ceil(claims / 100) * 100);
    if (limit > t.defaultCountyQuota) {
      quotaSets.push(1);
      await recordChange(tx, {
        place,
        at: new Date(QUOTA_SET_AT),
        type: 'quota.set',
        subjects: { quotaId: key },
        actor: { openid: CITY_ADMIN, role: 'admin' },
        data: { type, year: YEAR, limit, previousLimit: t.defaultCountyQuota },
        counters: [],
      });
    }
    await put('quotas', { _id: key, ...place, type, year: YEAR, limit, used: used.get(key) ?? 0 } as Doc);
  }
  phase(`quotas (${quotaSets.length} raised)`);

  // ---- phase: voucher claims ----
  log(`${tag}claiming vouchers …`);
  const voucherIds: string[] = new Array(plan.vouchers.length);
  const vOrder = plan.vouchers.map((_, i) => i).filter((i) => mine(plan.personCounty[plan.vouchers[i].person])).sort((a, b) => plan.vouchers[a].claimedAt - plan.vouchers[b].claimedAt);
  const personYears = new Map<string, { personId: string; counted: number }>();
  const enrollmentIdOf = (ei: number) => `${plan.classes[plan.enrollments[ei].cls].id}:${personIds[plan.enrollments[ei].person]}`;
  for (const vi of vOrder) {
    const v = plan.vouchers[vi];
    const personId = personIds[v.person];
    const openid = openidOf(v.person);
    const requestId = `gen-${seed}-v${vi}`;
    const requestKey = `${openid}:voucher.claim:${requestId}`;
    const id = `v_${createHash('sha256').update(requestKey).digest('hex').slice(0, 24)}`;
    voucherIds[vi] = id;
    const place = placeOfPerson(v.person);
    const t = typeRow.get(v.type)!;
    const claimedAt = iso(v.claimedAt);
    const expiresAt = iso(v.expiresAt);
    const doc: VoucherDoc & { enrollmentId?: string | null } = {
      _id: id,
      ...place,
      personId,
      openid,
      type: v.type,
      typeName: t.name,
      band: v.band,
      ageAtClaim: v.age,
      townshipCode: plan.townships[plan.personTownship[v.person]].code,
      year: YEAR,
      status: v.status,
      claimedAt,
      expiresAt,
      requestId,
      ...(v.endedAt !== null ? { endedAt: iso(v.endedAt) } : {}),
      // R5.2: enrolling reserved it for the enrollment (completion then redeemed it).
      ...(v.enrollment >= 0 ? { enrollmentId: enrollmentIdOf(v.enrollment) } : {}),
    };
    await put('vouchers', doc);
    await put('requests', { _id: requestKey, result: id, at: claimedAt } as Doc);
    if (v.status === 'unused') await put('voucherSlots', { _id: `${personId}:${v.type}`, voucherId: id } as Doc);
    const py = `${personId}:${YEAR}`;
    const row = personYears.get(py) ?? { personId, counted: 0 };
    if (v.status !== 'cancelled' && v.status !== 'expired') row.counted++;
    personYears.set(py, row);
    await recordChange(tx, {
      place,
      at: new Date(v.claimedAt),
      type: 'voucher.claimed',
      subjects: { voucherId: id, personId },
      actor: { openid, role: 'laborer' },
      data: { type: v.type, band: v.band, age: v.age, year: YEAR, expiresAt },
      counters: [{ metric: voucherMetric('claimed', v.type), band: v.band, by: 1 }],
    });
    await flushLedger();
  }
  for (const [id, row] of personYears) await put('personYears', { _id: id, personId: row.personId, year: YEAR, counted: row.counted } as Doc);
  await flushAll();
  phase('voucher claims');

  // ---- phase: cancelled and expired vouchers (R4.5) ----
  const ended = vOrder.filter((vi) => plan.vouchers[vi].status === 'cancelled' || plan.vouchers[vi].status === 'expired');
  ended.sort((a, b) => plan.vouchers[a].endedAt! - plan.vouchers[b].endedAt!);
  for (const vi of ended) {
    const v = plan.vouchers[vi];
    const status = v.status as 'cancelled' | 'expired';
    await recordChange(tx, {
      place: placeOfPerson(v.person),
      at: new Date(v.endedAt!),
      type: `voucher.${status}`,
      subjects: { voucherId: voucherIds[vi], personId: personIds[v.person] },
      actor: status === 'cancelled' ? { openid: openidOf(v.person), role: 'laborer' } : SYSTEM,
      data: { type: v.type, year: YEAR, band: v.band },
      counters: [{ metric: voucherMetric(status, v.type), band: v.band, by: 1 }],
    });
    await flushLedger();
  }
  phase(`voucher endings (${ended.length})`);

  // ---- phase: classes and enrollments ----
  log(`${tag}enrolling trainees …`);
  const classInstitution = (c: PClass) => institutionOf(c.county, c.institution);
  const occupationName = (code: string) => occupation.get(code)!.name;
  const LEVEL_TEXT: Record<number, string> = { 5: '五级', 4: '四级', 3: '三级', 2: '二级', 1: '一级' };
  for (const c of plan.classes) {
    if (!mine(c.county)) continue;
    const inst = classInstitution(c);
    const completed = c.enrollments.filter((ei) => plan.enrollments[ei].completed).length;
    const doc: ClassDoc = {
      _id: c.id,
      institutionId: inst._id,
      name: `${c.mode === 'village' ? '送培训下乡·' : ''}${occupationName(c.occupation)}${c.level ? `（${LEVEL_TEXT[c.level]}）` : ''}${c.selfFunded ? '·自费班' : ''}`,
      occupationCode: c.occupation,
      level: c.level,
      acceptedTypes: c.acceptedTypes,
      selfFunded: c.selfFunded,
      countyCode: plan.counties[c.county].code,
      townshipCode: c.township !== null ? plan.townships[c.township].code : null,
      mode: c.mode,
      capacity: c.capacity,
      sessions: c.sessions,
      minAttendanceRatio: DEFAULT_MIN_ATTENDANCE,
      cityCode: CITY,
      provinceCode: PROVINCE,
      institutionName: inst.name,
      occupationName: occupationName(c.occupation),
      enrolled: c.enrollments.length,
      closedAt: iso(c.closedAt),
      completion: 'done',
      firstSessionAt: iso(c.firstAt),
      lastSessionEndsAt: iso(c.lastEndAt),
      completed,
      notCompleted: c.enrollments.length - completed,
    };
    await put('classes', doc);
  }
  const eOrder = plan.enrollments.map((_, i) => i).filter((i) => mine(plan.personCounty[plan.enrollments[i].person])).sort((a, b) => plan.enrollments[a].enrolledAt - plan.enrollments[b].enrolledAt);
  const keyed = new Set<number>();
  for (const ei of eOrder) {
    const e = plan.enrollments[ei];
    const c = plan.classes[e.cls];
    const inst = classInstitution(c);
    const id = enrollmentIdOf(ei);
    const personId = personIds[e.person];
    const openid = openidOf(e.person);
    const v = e.voucher >= 0 ? plan.vouchers[e.voucher] : null;
    const status = e.completed ? 'completed' : 'not_completed';
    const doc: EnrollmentDoc = {
      _id: id,
      ...placeOfPerson(e.person),
      classId: c.id,
      personId,
      openid,
      occupationCode: c.occupation,
      institutionId: inst._id,
      voucherId: v ? voucherIds[e.voucher] : null,
      voucherType: v ? v.type : null,
      band: e.band,
      status,
      enrolledAt: iso(e.enrolledAt),
      endedAt: iso(e.endedAt),
      attended: popcount(e.attended),
    };
    await put('enrollments', doc);
    // R6.1: the attendance key is issued with the first enrollment.
    if (!keyed.has(e.person)) {
      keyed.add(e.person);
      const ref = Buffer.from(rng.bytes(9)).toString('base64url');
      await put('attendanceKeys', { _id: personId, ref, secretCipher: idVault.encrypt(Buffer.from(rng.bytes(32)).toString('base64')) } as Doc);
      await put('attendanceRefs', { _id: ref, personId } as Doc);
    }
    if (c.mode === 'fulltime') await put('personSchedules', { _id: personId, fulltime: [{ classId: c.id, ...spanOf(c.sessions) }] } as Doc);
    await recordChange(tx, {
      place: placeOfPerson(e.person),
      at: new Date(e.enrolledAt),
      type: 'enrollment.created',
      subjects: { enrollmentId: id, classId: c.id, personId, ...(v ? { voucherId: voucherIds[e.voucher] } : {}) },
      actor: { openid, role: 'laborer' },
      data: { voucherType: v ? v.type : null, band: e.band, occupationCode: c.occupation, mode: c.mode },
      counters: [{ metric: METRICS.trainingsStarted, band: bandOrNull(e.band), by: 1 }],
    });
    await flushLedger();
  }
  await flushAll();
  phase('enrollments');

  // ---- phase: attendance (R6) ----
  log(`${tag}recording attendance …`);
  type Scan = { ei: number; session: number; at: number };
  const scans: Scan[] = [];
  for (let ei = 0; ei < plan.enrollments.length; ei++) {
    const e = plan.enrollments[ei];
    if (!mine(plan.personCounty[e.person])) continue;
    const c = plan.classes[e.cls];
    for (let s = 0; s < c.sessions.length; s++) {
      if (!(e.attended & (1 << s))) continue;
      const startsAt = c.firstAt + (Date.parse(`${c.sessions[s].date}T00:00:00Z`) - Date.parse(`${c.sessions[0].date}T00:00:00Z`));
      scans.push({ ei, session: s, at: startsAt - rng.int(0, 25 * 60) * 1000 + rng.int(0, 15 * 60) * 1000 });
    }
  }
  scans.sort((a, b) => a.at - b.at);
  for (const sc of scans) {
    const e = plan.enrollments[sc.ei];
    const c = plan.classes[e.cls];
    const personId = personIds[e.person];
    const id = `${c.id}:${sc.session}:${personId}`;
    const trainer = trainerOf(classInstitution(c)._id);
    const place = placeOfPerson(e.person);
    const scannedAt = iso(sc.at);
    const recordedAt = sc.at + rng.int(150, 1500);
    await put('attendance', {
      _id: id,
      ...place,
      band: e.band,
      occupationCode: c.occupation,
      classId: c.id,
      session: sc.session,
      personId,
      scannedAt,
      recordedAt: iso(recordedAt),
      trainerOpenid: trainer,
      offline: false,
      skewMs: 0,
      skewFlagged: false,
    } as Doc);
    await recordChange(tx, {
      place,
      at: new Date(recordedAt),
      type: 'attendance.recorded',
      subjects: { attendanceId: id, classId: c.id, personId },
      actor: { openid: trainer, role: 'trainer' },
      data: { session: sc.session, scannedAt, offline: false, skewFlagged: false },
      counters: [],
    });
    await flushLedger();
  }
  scans.length = 0;
  await flushAll();
  phase('attendance');

  // ---- phase: closing and completion (R6.5, D19, D21) ----
  const cOrder = plan.classes.map((_, i) => i).filter((i) => mine(plan.classes[i].county)).sort((a, b) => plan.classes[a].closedAt - plan.classes[b].closedAt);
  for (const ci of cOrder) {
    const c = plan.classes[ci];
    const inst = classInstitution(c);
    const place = countyPlace[c.county];
    await recordChange(tx, {
      place,
      at: new Date(c.closedAt),
      type: 'class.closed',
      subjects: { classId: c.id, institutionId: inst._id },
      actor: SYSTEM,
      data: { sessions: c.sessions.length, minAttendanceRatio: DEFAULT_MIN_ATTENDANCE, enrolled: c.enrollments.length },
      counters: [],
    });
    for (const ei of c.enrollments) {
      const e = plan.enrollments[ei];
      const id = enrollmentIdOf(ei);
      const attended = popcount(e.attended);
      const status = completionOf(attended, c.sessions.length, DEFAULT_MIN_ATTENDANCE);
      if ((status === 'completed') !== e.completed) throw new Error(`plan/completion mismatch for ${id}`);
      const at = new Date(e.endedAt);
      const personId = personIds[e.person];
      if (e.voucher >= 0) {
        const v = plan.vouchers[e.voucher];
        await recordChange(tx, {
          place: placeOfPerson(v.person),
          at,
          type: 'voucher.redeemed',
          subjects: { voucherId: voucherIds[e.voucher], personId, enrollmentId: id, classId: c.id },
          actor: SYSTEM,
          data: { type: v.type, year: YEAR, band: v.band, completion: status },
          counters: [{ metric: voucherMetric('redeemed', v.type), band: v.band, by: 1 }],
        });
      }
      await recordChange(tx, {
        place: placeOfPerson(e.person),
        at,
        type: `enrollment.${status}`,
        subjects: { enrollmentId: id, classId: c.id, personId },
        actor: SYSTEM,
        data: { attended, sessions: c.sessions.length, minAttendanceRatio: DEFAULT_MIN_ATTENDANCE, voucherId: e.voucher >= 0 ? voucherIds[e.voucher] : null },
        counters: [{ metric: status === 'completed' ? METRICS.trainingsCompleted : METRICS.trainingsNotCompleted, band: bandOrNull(e.band), by: 1 }],
      });
    }
    await flushLedger();
  }
  phase('completion');

  // ---- phase: results, certificates, subsidies (R7, D23, D24, D26) ----
  log(`${tag}recording results and certificates …`);
  const seqs = new Map<string, number>();
  const credentials = new Map<number, CredentialsDoc>();
  const rOrder = plan.results.map((_, i) => i).filter((i) => mine(plan.personCounty[plan.results[i].person])).sort((a, b) => plan.results[a].at - plan.results[b].at);
  for (const ri of rOrder) {
    const r = plan.results[ri];
    const now = new Date(r.at);
    const today = chinaDateOf(now);
    const personId = personIds[r.person];
    const inst = institutionOf(plan.personCounty[r.person], r.institution);
    const actor: Actor = { openid: trainerOf(inst._id), role: 'trainer' };
    const place = placeOfPerson(r.person);
    const direct = r.enrollment < 0;
    const resultId = direct ? `voucher:${voucherIds[r.voucher]}` : enrollmentIdOf(r.enrollment);
    const band = bandOrNull(r.band);
    if (direct) {
      const v = plan.vouchers[r.voucher];
      await recordChange(tx, {
        place,
        at: now,
        type: 'voucher.redeemed',
        subjects: { voucherId: voucherIds[r.voucher], personId, resultId },
        actor,
        data: { type: v.type, year: YEAR, band: v.band },
        counters: [{ metric: voucherMetric('redeemed', v.type), band: v.band, by: 1 }],
      });
    }
    const assessed = parseDate(r.assessedOn)!;
    const o = occupation.get(r.occupation)!;
    const kind: CertificateKind = certificateKindOf(o.category as OccupationCategory);
    let number: string | null = null;
    if (r.passed) {
      const seqKey = `${place.countyCode}:${assessed.year}`;
      const seq = (seqs.get(seqKey) ?? 0) + 1;
      seqs.set(seqKey, seq);
      number = certificateNumber(assessed.year, place.countyCode, seq);
    }
    const classId = direct ? null : plan.classes[plan.enrollments[r.enrollment].cls].id;
    const result: ResultDoc = {
      _id: resultId,
      ...place,
      personId,
      classId,
      voucherId: direct ? voucherIds[r.voucher] : null,
      institutionId: inst._id,
      occupationCode: r.occupation,
      level: r.level,
      passed: r.passed,
      score: r.score,
      assessedOn: r.assessedOn,
      recordedAt: now.toISOString(),
      recordedBy: actor.openid!,
      certificateNumber: number,
      band: r.band,
    };
    await put('results', result);
    await recordChange(tx, {
      place,
      at: now,
      type: 'result.recorded',
      subjects: { resultId, personId, institutionId: inst._id },
      actor,
      data: { occupationCode: r.occupation, level: r.level, passed: r.passed, score: r.score, assessedOn: r.assessedOn },
      counters: [{ metric: r.passed ? METRICS.assessmentsPassed : METRICS.assessmentsFailed, band, by: 1 }],
    });
    if (!number) continue;
    const cred = credentials.get(r.person) ?? { _id: personId, held: [], granted: [] };
    const certificate: CertificateDoc = {
      _id: number,
      ...place,
      personId,
      resultId,
      kind,
      occupationCode: r.occupation,
      occupationName: o.name,
      level: r.level,
      institutionId: inst._id,
      institutionName: inst.name,
      issuedOn: r.assessedOn,
      year: assessed.year,
      verifyCode: verificationCode(rng.bytes(8)),
      status: 'valid',
      revokedReason: null,
      revokedAt: null,
      issuedAt: now.toISOString(),
      band: r.band,
    };
    await put('certificates', certificate);
    const firstSkilled = kind !== 'training' && !cred.held.some((h) => h.kind !== 'training');
    const firstHighSkilled = isHighSkilled(kind, r.level) && !cred.held.some((h) => isHighSkilled(h.kind, h.level));
    const cohorts = cred.cohorts ?? [];
    const issuedYear = today.year;
    const newCohort = !cohorts.some((c) => c.year === issuedYear);
    await recordChange(tx, {
      place,
      at: now,
      type: 'certificate.issued',
      subjects: { certificateNumber: number, personId, resultId, institutionId: inst._id },
      actor,
      data: { kind, occupationCode: r.occupation, level: r.level, issuedOn: r.assessedOn },
      counters: [
        { metric: METRICS.certificatesIssued, band, by: 1 },
        ...(firstSkilled ? [{ metric: METRICS.newSkilled, band, by: 1 }] : []),
        ...(firstHighSkilled ? [{ metric: METRICS.newHighSkilled, band, by: 1 }] : []),
        ...(newCohort ? [{ metric: METRICS.certifiedPeople, band, by: 1 }] : []),
      ],
    });
    const fundedByVoucher = direct || plan.enrollments[r.enrollment].voucher >= 0;
    const refusal = subsidyRefusal({
      fundedByVoucher,
      occupationCode: r.occupation,
      level: r.level,
      date: assessed,
      today,
      held: cred.held,
      granted: cred.granted,
    });
    const amountFen = subsidyFenOf(subsidyFen(r.occupation), r.level);
    if (amountFen === null) throw new Error(`no subsidy amount for ${r.occupation} level ${r.level}`);
    const subsidy: SubsidyDoc = {
      _id: number,
      ...place,
      certificateNumber: number,
      personId,
      institutionId: inst._id,
      occupationCode: r.occupation,
      level: r.level,
      year: assessed.year,
      status: refusal ? 'refused' : 'payable',
      amountFen: refusal ? 0 : amountFen,
      refusal,
      createdAt: now.toISOString(),
      band: r.band,
    };
    await put('subsidies', subsidy);
    await recordChange(tx, {
      place,
      at: now,
      type: refusal ? 'subsidy.refused' : 'subsidy.granted',
      subjects: { certificateNumber: number, personId, institutionId: inst._id },
      actor,
      data: { amountFen: subsidy.amountFen, refusal, occupationCode: r.occupation, level: r.level },
      counters: refusal
        ? [{ metric: METRICS.subsidiesRefused, band, by: 1 }]
        : [
            { metric: METRICS.subsidiesGranted, band, by: 1 },
            { metric: METRICS.subsidiesFen, band, by: amountFen },
          ],
    });
    credentials.set(r.person, {
      _id: personId,
      held: [...cred.held, { occupationCode: r.occupation, level: r.level, date: assessed, number, kind }],
      granted: refusal ? cred.granted : [...cred.granted, { occupationCode: r.occupation, level: r.level, year: assessed.year, number }],
      cohorts: newCohort ? [...cohorts, { ...place, year: issuedYear, at: now.toISOString(), band: r.band, employed: false }] : cohorts,
    });
    await flushLedger();
  }
  for (const [key, seq] of seqs) await put('certificateSeqs', { _id: key, seq } as Doc);
  await flushAll();
  phase('results and certificates');

  // ---- phase: employment reports (R8, D25, D26) ----
  log(`${tag}reporting employment …`);
  const employmentYears = new Map<string, { employed: boolean; transfer: boolean }>();
  const otherShanxi = [...plan.counties.map((c) => c.code), '140522'];
  const farRegions = ['421022', '421081', '210281', '530921'];
  for (let i = 0; i < plan.reports.length; i++) {
    const r = plan.reports[i];
    if (!mine(plan.personCounty[r.person])) continue;
    const now = new Date(r.at);
    const today = chinaDateOf(now);
    const p = r.person;
    const personId = personIds[p];
    const place = placeOfPerson(p);
    const seeking = r.status === 'seeking';
    const wp = seeking ? null : r.place;
    const transfer = !seeking && isTransfer(wp ?? undefined);
    const band = bandOfAge(ageAt(birthCal(plan.personBirth[p]), now));
    let regionCode: string | null = null;
    let placeName: string | null = null;
    if (wp === 'county') regionCode = place.countyCode;
    else if (wp === 'province') regionCode = rng.pick(otherShanxi.filter((c) => c !== place.countyCode));
    else if (wp === 'country') {
      if (rng.float() < 0.4) regionCode = rng.pick(farRegions);
      else placeName = rng.pick(FAR_PLACES);
    } else if (wp === 'abroad') placeName = rng.pick(ABROAD);
    const startDay = new Date(r.at - rng.int(0, 60) * 86_400_000);
    const reportId = `${personId}:${rng.uuid()}`;
    const report = {
      _id: reportId,
      ...place,
      personId,
      status: r.status,
      employer: seeking ? null : reportEmployer[i],
      occupation: seeking ? null : rng.pick(['焊工', '养老护理员', '家政服务员', '中式烹调师', '电工', '网约配送员', '建筑工人', '普工']),
      place: wp,
      regionCode: seeking ? null : regionCode,
      placeName: seeking ? null : placeName,
      startDate: seeking ? null : formatDate(chinaDateOf(startDay)),
      monthlyIncomeFen: seeking ? null : rng.int(20, 120) * 100 * 100,
      transfer,
      reportedAt: now.toISOString(),
      reportedOn: formatDate(today),
      band: band ?? '-',
    };
    await put('employmentReports', report as Doc);
    const yearId = `${personId}:${today.year}`;
    const counted = employmentYears.get(yearId) ?? { employed: false, transfer: false };
    const working = !seeking;
    employmentYears.set(yearId, { employed: counted.employed || working, transfer: counted.transfer || transfer });
    const cred = working ? credentials.get(p) : undefined;
    const waiting = (cred?.cohorts ?? []).filter((c) => !c.employed && c.at <= report.reportedAt);
    if (cred && waiting.length > 0) {
      for (const c of waiting) {
        await bumpCounters(tx, { countyCode: c.countyCode, cityCode: c.cityCode, provinceCode: c.provinceCode }, new Date(c.at), [
          { metric: METRICS.certifiedEmployed, band: c.band === '-' ? null : c.band, by: 1 },
        ]);
      }
      credentials.set(p, { ...cred, cohorts: (cred.cohorts ?? []).map((c) => (waiting.includes(c) ? { ...c, employed: true } : c)) });
    }
    await recordChange(tx, {
      place,
      at: now,
      type: 'employment.reported',
      subjects: { reportId, personId },
      actor: { openid: openidOf(p), role: 'laborer' },
      data: { status: r.status, place: wp, transfer, monthlyIncomeFen: report.monthlyIncomeFen },
      counters: [
        { metric: METRICS.employmentReports, band, by: 1 },
        ...(working && !counted.employed ? [{ metric: METRICS.employedPeople, band, by: 1 }] : []),
        ...(transfer && !counted.transfer ? [{ metric: METRICS.transferPeople, band, by: 1 }] : []),
      ],
    });
    await flushLedger();
  }
  for (const [id, y] of employmentYears) await put('employmentYears', { _id: id, ...y } as Doc);
  for (const c of credentials.values()) await put('personCredentials', c as Doc);
  phase('employment');

  // ---- flush chain heads and counters ----
  for (const c of ['ledgerHeads', 'counters', 'counterYears'] as CollectionName[]) {
    for (const d of tx.all(c)) await put(c, d);
  }
  await flushAll();
  await runtime.close();
  phase('heads and counters');

  return { part, counties: [...myCodes], phases, rows };
}
