/**
 * R9.5 an export job's document (DESIGN.md "Long work"): its query, its progress through the
 * chunks (rows, parts, the cursor of the next one) and its lease, so any process may resume it.
 */
import type { LedgerFilters } from '../../contract';
import type { ExportKind } from '../../core/dashboard';
import { MAX_PAGE } from '../../store/port';

export type ExportJobDoc = {
  _id: string;
  ownerOpenid: string;
  ledger: ExportKind;
  /** A ledger's query; a report written at once has none. */
  filters: LedgerFilters | null;
  regionCode: string;
  /** China date the default period was taken from, so a resumed job reads the same rows. */
  today: string;
  summary: string;
  fileName: string;
  fullIdNumbers: boolean;
  /** R14.4 who exported it (`张科长（吕梁市）`): the file's first row and the ledger entry name them. */
  exporter?: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  rows: number;
  parts: number;
  /** Cursor of the next chunk; null before the first and after the last. */
  after: string | null;
  rowsDone: boolean;
  fileRef: string | null;
  leaseUntil: string | null;
  attempts: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** Rows per chunk: one read of at most 1000 (CloudBase's limit). */
export const CHUNK_ROWS = MAX_PAGE;
