// Excel's errors (OfficeExtension.Error: a `code` and a message) → the HostError codes the pane explains.
import { HostError, type HostErrorCode } from '../host';

const BY_CODE: Record<string, HostErrorCode> = {
  AccessDenied: 'protected',
  InvalidOperationInCellEditMode: 'cell-edit',
  RequestPayloadSizeLimitExceeded: 'too-large',
  ResponsePayloadSizeLimitExceeded: 'too-large',
  ItemAlreadyExists: 'item-exists',
  ItemNotFound: 'not-found',
  ApiNotFound: 'unsupported',
  NotImplemented: 'unsupported',
  UnsupportedOperation: 'unsupported',
  UnsupportedFeature: 'unsupported',
  UnsupportedSheet: 'unsupported',
  ActivityLimitReached: 'busy',
  RequestAborted: 'busy',
  Conflict: 'busy',
  ServiceNotAvailable: 'busy',
  ServerBusy: 'busy',
};

function field(error: unknown, name: string): unknown {
  return error && typeof error === 'object' ? (error as Record<string, unknown>)[name] : undefined;
}

/** The Excel error code of a thrown value ('' when it has none). */
export function excelErrorCode(error: unknown): string {
  const code = field(error, 'code');
  if (typeof code === 'string') return code;
  const debug = field(error, 'debugInfo');
  const inner = field(debug, 'code');
  return typeof inner === 'string' ? inner : '';
}

export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const code = excelErrorCode(error);
  const message = typeof field(error, 'message') === 'string' ? (field(error, 'message') as string) : String(error);
  const location = field(field(error, 'debugInfo'), 'errorLocation');
  const detail = [code, message, typeof location === 'string' ? `(${location})` : ''].filter(Boolean).join(': ').replace(/: \(/, ' (');
  let mapped: HostErrorCode = BY_CODE[code] ?? 'unknown';
  // Some hosts report the payload limit or protection under a general code with a telling message.
  if (mapped === 'unknown' && /payload size/i.test(message)) mapped = 'too-large';
  if (mapped === 'unknown' && /protected sheet|sheet is protected|workbook is protected/i.test(message)) mapped = 'protected';
  return new HostError(mapped, detail);
}

/** Errors after which a different route may work (an API the host lacks). */
export function isUnsupported(error: unknown): boolean {
  return BY_CODE[excelErrorCode(error)] === 'unsupported';
}
