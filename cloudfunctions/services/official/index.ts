/**
 * The official context (R9.4, R9.5): targets, dashboards and rankings, ledgers and their exports.
 * Other contexts import this file only (none does today).
 */
export { buildDashboard, dashboard, ranking } from './dashboard';
export { MAX_TARGET, ensureTargets, listTargets, seedTargets, setTarget, splitByWeight } from './targets';
export { ledgerPage } from './ledgers';
export { advanceExport, exportDownload, exportFile, exportLedger, jobStatus, myExports, pendingJobs, recordReport, startExport } from './exports';
export { type ExportJobDoc, CHUNK_ROWS } from './exports';
export { LEDGER_DEFS } from './ledger-defs';
export { loadNames, readLedgerPage, resolveLedgerQuery } from './ledgers';
export { issueDirectedList } from './directed-input';
