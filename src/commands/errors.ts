// Errors commands raise; routes turn them into problem+json, the CLI into messages.
export class CommandError extends Error {
  constructor(readonly kind: 'invalid' | 'conflict' | 'not-found', message: string, readonly field?: string) {
    super(message);
    this.name = 'CommandError';
  }
}
export const invalid = (message: string, field?: string) => new CommandError('invalid', message, field);
export const conflict = (message: string) => new CommandError('conflict', message);
export const notFound = (message: string) => new CommandError('not-found', message);
