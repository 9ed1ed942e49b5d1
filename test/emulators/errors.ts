/** A refused dashboard action (bad input, unknown key). The control HTTP API answers with `status`. */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}
