// Errors that refuse a whole import: the transaction rolls back and the
// database stays exactly as before. Row-level problems are reject lines instead.
export class ImportRefused extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly field: string | null,
    readonly expected: string,
  ) {
    super(`${file}${line != null ? `:${line}` : ''}${field ? ` [${field}]` : ''}: ${expected}`);
    this.name = 'ImportRefused';
  }
}
