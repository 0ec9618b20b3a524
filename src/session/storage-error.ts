/**
 * Storage failures in words: what happened, and what to do. Every message
 * says that what the person typed is still on screen, because the forms keep
 * their contents until a save succeeds.
 */

export const STORAGE_ERROR_KINDS = ['unavailable', 'full', 'blocked', 'closed', 'unknown'] as const;
export type StorageErrorKind = (typeof STORAGE_ERROR_KINDS)[number];

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const MESSAGES: Record<Exclude<StorageErrorKind, 'unknown'>, string> = {
  unavailable:
    'This browser is not letting Spinewise save anything (a private window, or site storage switched off). You can still use the app, but nothing will be remembered after you close the tab. To keep your pain log, allow site data for this page or use a normal window.',
  full: 'Your device’s storage is full, so this was not saved. It is kept on this page for now, and Spinewise tries again by itself every few seconds. Free up some space, or press “Try again” once you have. You can also export everything, unsaved entries included.',
  blocked:
    'Spinewise is open in another tab that uses an older version of its storage. Close the other Spinewise tabs; this page carries on by itself.',
  closed:
    'Spinewise was updated in another tab, so this tab stopped saving. What you entered is still here: copy it if you need to, then reload the page.',
};

/** A StorageError of the given kind with its standard message. */
export function storageError(
  kind: Exclude<StorageErrorKind, 'unknown'>,
  cause?: unknown,
): StorageError {
  return new StorageError(kind, MESSAGES[kind], { cause });
}

/** Turns anything thrown by IndexedDB (or idb) into a StorageError with a clear message. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return storageError('full', error);
  // VersionError: another tab upgraded the database past the version this page knows.
  if (
    name === 'InvalidStateError' ||
    name === 'TransactionInactiveError' ||
    name === 'VersionError'
  ) {
    return storageError('closed', error);
  }
  if (name === 'SecurityError' || name === 'InvalidAccessError') {
    return storageError('unavailable', error);
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StorageError(
    'unknown',
    `Saving failed (${detail}). What you entered is still here; press “Try again”. If it keeps failing, export your data and reload the page.`,
    { cause: error },
  );
}
