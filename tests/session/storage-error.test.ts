import { describe, expect, it } from 'vitest';
import { StorageError, toStorageError } from '../../src/session/storage-error.ts';

describe('toStorageError', () => {
  it.each<[string, string, RegExp]>([
    ['QuotaExceededError', 'full', /storage is full.*kept on this page.*Try again/],
    ['InvalidStateError', 'closed', /another tab.*reload the page/],
    ['VersionError', 'closed', /another tab.*reload the page/],
    ['TransactionInactiveError', 'closed', /reload the page/],
    ['SecurityError', 'unavailable', /not letting Spinewise save anything/],
    ['DataCloneError', 'unknown', /Saving failed \(DataCloneError: boom\).*Try again/],
  ])('%s → %s', (name, kind, message) => {
    const e = toStorageError(new DOMException('boom', name));
    expect(e).toBeInstanceOf(StorageError);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
    expect(e.cause).toBeInstanceOf(DOMException);
  });

  it('keeps a StorageError as it is and describes anything else', () => {
    const e = new StorageError('blocked', 'x');
    expect(toStorageError(e)).toBe(e);
    expect(toStorageError('weird').message).toMatch(/Saving failed \(weird\)/);
  });
});
