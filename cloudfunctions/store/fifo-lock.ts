/**
 * A first-in, first-out async lock. better-sqlite3 has one connection and SQLite one writer:
 * async callers that interleave inside BEGIN…COMMIT break ("cannot start a transaction within
 * a transaction") or read each other's uncommitted writes, so each runs alone, in arrival order.
 */
export class FifoLock {
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(fn);
    // The next caller waits for this one to settle, whether it succeeded or not.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
