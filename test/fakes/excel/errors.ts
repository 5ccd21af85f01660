// Errors shaped as Office.js raises them (OfficeExtension.Error): a `code` such as 'ItemNotFound', a message,
// and `debugInfo` with the same code. Codes are the strings of Excel.ErrorCodes / OfficeExtension.ErrorCodes.

export type FakeErrorCode =
  | 'AccessDenied'
  | 'ActivityLimitReached'
  | 'ApiNotFound'
  | 'Conflict'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidReference'
  | 'InvalidRequestContext'
  | 'InvalidSelection'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'NotImplemented'
  | 'PropertyNotLoaded'
  | 'RequestAborted'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RunMustReturnPromise'
  | 'UnsupportedOperation'
  | 'ValueNotLoaded';

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: FakeErrorCode | string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

export function officeError(code: FakeErrorCode | string, message: string, location?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, location);
}

export function notLoaded(property: string): FakeOfficeError {
  return officeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
