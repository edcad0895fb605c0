/**
 * A stand-in for CloudBase's side of the wire, so the real `@cloudbase/node-sdk` (pointed at it
 * with `serviceUrl`) can be tested with only its network replaced. It answers the documented
 * actions with the documented reply shapes:
 * - database: getDocument (≤ 1000 documents a query, whatever the limit asked), calculateDocument,
 *   insertDocument, modifyDocument (`$set`/`$inc` by mingo, upsert), removeDocument;
 *   start/commit/abortTransaction, with snapshot isolation: a transaction reads the documents
 *   as of its start, and a write to a document that another open transaction wrote, or that was
 *   committed after this transaction started, fails at once with DATABASE_TRANSACTION_CONFLICT
 *   (the transaction is then aborted, as the SDK retries without rolling back);
 * - storage: getUploadMetadata + the upload PUT, batchGetDownloadUrl + the download GET,
 *   batchDeleteFile.
 * Errors answer HTTP 200 `{ code, message, requestId }`, as CloudBase does.
 */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EJSON } from 'bson';
import { Query, update as applyUpdate } from 'mingo';

type Json = Record<string, unknown>;
type Version = { v: number; doc: Json | null };
interface OpenTx {
  start: number;
  writes: Map<string, Json | null>;
}

/** The query cap of the real service (the SDK asks for at most 1000 too). */
export const MAX_QUERY = 1000;

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const parse = (text: unknown): Json => (typeof text === 'string' && text !== '' ? (EJSON.parse(text, { relaxed: true }) as Json) : {});

export class CloudbaseDouble {
  private server: Server | null = null;
  private version = 0;
  private readonly history = new Map<string, Version[]>();
  private readonly open = new Map<string, OpenTx>();
  private readonly locks = new Map<string, string>();
  private readonly files = new Map<string, Buffer>();
  /** Every database action received, for tests that count operations. */
  readonly calls: { action: string; collection?: string; transactionId?: string }[] = [];
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return `${this.url}/admin`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** How many documents a collection holds now. */
  size(collection: string): number {
    let n = 0;
    for (const [key, versions] of this.history) if (key.startsWith(`${collection}\u0000`) && versions[versions.length - 1].doc) n++;
    return n;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const path = (req.url ?? '').split('?')[0];
    if (path.startsWith('/cos/')) return this.cos(req.method ?? 'GET', decodeURIComponent(path.slice(5)), body, res);
    const requestId = randomUUID();
    let reply: Json;
    try {
      const params = JSON.parse(body.toString('utf8')) as Json;
      this.calls.push({ action: String(params.action), collection: params.collectionName as string, transactionId: params.transactionId as string });
      reply = { requestId, ...this.dispatch(params) };
    } catch (e) {
      const err = e as { code?: string; message?: string };
      reply = { requestId, code: err.code ?? 'SYS_ERR', message: err.message ?? String(e) };
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply));
  }

  private dispatch(p: Json): Json {
    switch (p.action) {
      case 'database.startTransaction':
        return this.startTransaction();
      case 'database.commitTransaction':
        return this.commit(String(p.transactionId));
      case 'database.abortTransaction':
        this.abort(String(p.transactionId));
        return {};
      case 'database.getDocument':
        return { data: this.getDocument(p) };
      case 'database.calculateDocument':
        return { data: { total: this.matching(String(p.collectionName), parse(p.query)).length } };
      case 'database.insertDocument':
        return { data: this.insert(p) };
      case 'database.modifyDocument':
        return { data: this.modify(p) };
      case 'database.removeDocument':
        return { data: this.remove(p) };
      case 'storage.getUploadMetadata':
        return { data: this.uploadMetadata(String(p.path)) };
      case 'storage.batchGetDownloadUrl':
        return { data: { download_list: (p.file_list as { fileid: string }[]).map((f) => this.downloadUrl(f.fileid)) } };
      case 'storage.batchDeleteFile':
        return { data: { delete_list: (p.fileid_list as string[]).map((id) => ({ fileID: id, code: this.files.delete(this.pathOf(id)) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' })) } };
      default:
        throw Object.assign(new Error(`action ${String(p.action)} is not answered by the double`), { code: 'INVALID_ACTION' });
    }
  }

  // ---- database ----

  private startTransaction(): Json {
    const id = `tx-${randomUUID()}`;
    this.open.set(id, { start: this.version, writes: new Map() });
    return { transactionId: id };
  }

  private tx(id: unknown): OpenTx | null {
    if (id === undefined || id === null || id === '') return null;
    const tx = this.open.get(String(id));
    if (!tx) throw Object.assign(new Error('transaction not found or already ended'), { code: 'DATABASE_TRANSACTION_FAIL' });
    return tx;
  }

  private abort(id: string): void {
    const tx = this.open.get(id);
    if (!tx) return;
    for (const key of tx.writes.keys()) if (this.locks.get(key) === id) this.locks.delete(key);
    this.open.delete(id);
  }

  private conflict(txId: string): never {
    this.abort(txId);
    throw Object.assign(new Error('[ResourceUnavailable.TransactionBusy] Transaction is busy'), { code: 'DATABASE_TRANSACTION_CONFLICT' });
  }

  private commit(id: string): Json {
    const tx = this.open.get(id);
    if (!tx) throw Object.assign(new Error('transaction not found'), { code: 'DATABASE_TRANSACTION_FAIL' });
    for (const key of tx.writes.keys()) if (this.latestVersion(key) > tx.start) this.conflict(id);
    this.version++;
    for (const [key, doc] of tx.writes) this.append(key, doc);
    this.abort(id);
    return {};
  }

  private append(key: string, doc: Json | null): void {
    const versions = this.history.get(key) ?? [];
    versions.push({ v: this.version, doc: doc === null ? null : clone(doc) });
    this.history.set(key, versions);
  }

  private latestVersion(key: string): number {
    const versions = this.history.get(key);
    return versions ? versions[versions.length - 1].v : -1;
  }

  /** The document as a transaction (or, without one, the latest commit) sees it. */
  private read(key: string, tx: OpenTx | null): Json | null {
    if (tx?.writes.has(key)) return clone(tx.writes.get(key) ?? null);
    const versions = this.history.get(key) ?? [];
    for (let i = versions.length - 1; i >= 0; i--) if (!tx || versions[i].v <= tx.start) return clone(versions[i].doc);
    return null;
  }

  /** A write inside a transaction: conflicts at once with another writer or a later commit. */
  private write(key: string, txId: unknown, tx: OpenTx | null, doc: Json | null): void {
    if (!tx) {
      this.version++;
      this.append(key, doc);
      return;
    }
    const holder = this.locks.get(key);
    if ((holder && holder !== txId) || this.latestVersion(key) > tx.start) this.conflict(String(txId));
    this.locks.set(key, String(txId));
    tx.writes.set(key, doc === null ? null : clone(doc));
  }

  private idOf(query: Json): string | null {
    const id = query._id;
    if (typeof id === 'string') return id;
    if (id && typeof id === 'object' && typeof (id as Json).$eq === 'string') return (id as Json).$eq as string;
    return null;
  }

  private matching(collection: string, query: Json): Json[] {
    const q = new Query(query);
    const out: Json[] = [];
    for (const [key, versions] of this.history) {
      if (!key.startsWith(`${collection}\u0000`)) continue;
      const doc = versions[versions.length - 1].doc;
      if (doc && q.test(doc)) out.push(clone(doc));
    }
    return out;
  }

  private getDocument(p: Json): Json {
    const collection = String(p.collectionName);
    const query = parse(p.query);
    const tx = this.tx(p.transactionId);
    const id = this.idOf(query);
    if (p.queryType === 'DOC' || (tx && id !== null)) {
      const doc = id === null ? null : this.read(keyOf(collection, id), tx);
      return { list: doc ? [EJSON.stringify(doc, { relaxed: true })] : [] };
    }
    let docs = this.matching(collection, query);
    const order = parse(p.order) as Record<string, 1 | -1>;
    if (Object.keys(order).length > 0) docs = new Query({}).find(docs, {}).sort(order).all() as Json[];
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(Number(p.limit ?? 100), MAX_QUERY);
    const page = docs.slice(offset, offset + limit);
    return { list: page.map((d) => EJSON.stringify(d, { relaxed: true })), limit, offset };
  }

  private insert(p: Json): Json {
    const collection = String(p.collectionName);
    const tx = this.tx(p.transactionId);
    const ids: string[] = [];
    for (const text of p.data as string[]) {
      const doc = parse(text);
      const id = typeof doc._id === 'string' ? doc._id : randomUUID();
      const key = keyOf(collection, id);
      if (this.read(key, tx)) throw Object.assign(new Error(`duplicate _id ${id}`), { code: 'DATABASE_DUPLICATE_WRITE' });
      this.write(key, p.transactionId, tx, { ...doc, _id: id });
      ids.push(id);
    }
    return { insertedIds: ids };
  }

  private modify(p: Json): Json {
    const collection = String(p.collectionName);
    const tx = this.tx(p.transactionId);
    const id = this.idOf(parse(p.query));
    if (id === null) throw Object.assign(new Error('the double answers document writes by _id only'), { code: 'INVALID_PARAM' });
    const key = keyOf(collection, id);
    const current = this.read(key, tx);
    const data = parse(p.data);
    if (p.merge === false) {
      // `set`: the whole document (upsert).
      if (!current && !p.upsert) return { updated: 0, upsert_id: null };
      this.write(key, p.transactionId, tx, { ...data, _id: id });
      return { updated: current ? 1 : 0, upsert_id: current ? null : id };
    }
    if (!current) return { updated: 0, upsert_id: null };
    applyUpdate(current, data as never);
    this.write(key, p.transactionId, tx, current);
    return { updated: 1, upsert_id: null };
  }

  private remove(p: Json): Json {
    const collection = String(p.collectionName);
    const tx = this.tx(p.transactionId);
    const id = this.idOf(parse(p.query));
    if (id === null) throw Object.assign(new Error('the double removes by _id only'), { code: 'INVALID_PARAM' });
    const key = keyOf(collection, id);
    if (!this.read(key, tx)) return { deleted: 0 };
    this.write(key, p.transactionId, tx, null);
    return { deleted: 1 };
  }

  // ---- storage ----

  private fileIdOf = (path: string) => `cloud://double-env.bucket/${path}`;
  private pathOf = (fileId: string) => fileId.replace(/^cloud:\/\/[^/]+\//, '');

  private uploadMetadata(path: string): Json {
    return { url: `${this.url}/cos/${encodeURI(path)}`, token: 't', authorization: 'a', fileId: this.fileIdOf(path), cosFileId: 'c' };
  }

  private downloadUrl(fileId: string): Json {
    const path = this.pathOf(fileId);
    if (!this.files.has(path)) return { fileID: fileId, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
    // Not encoded: the SDK encodes the URL it is handed (encodeURI) before downloading.
    return { fileID: fileId, tempFileURL: `${this.url}/cos/${path}?sign=${randomUUID()}`, code: 'SUCCESS' };
  }

  private cos(method: string, path: string, body: Buffer, res: ServerResponse): void {
    if (method === 'PUT') {
      this.files.set(path, body);
      res.writeHead(200).end('');
      return;
    }
    const file = this.files.get(path);
    if (!file) {
      res.writeHead(404).end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file);
  }
}
