// RFC 9457 problem+json: one place that builds every error the API returns.
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The offending parameter or field, when there is one. */
  parameter?: string;
  [extra: string]: unknown;
}

export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

const base = 'https://concord.example/problems/';

export const problems = {
  badRequest: (detail: string, parameter?: string) =>
    new HttpProblem({ type: `${base}bad-request`, title: 'Bad request', status: 400, detail, parameter }),
  notFound: (detail: string) =>
    new HttpProblem({ type: `${base}not-found`, title: 'Not found', status: 404, detail }),
  forbidden: (detail = 'You are not allowed to do this.') =>
    new HttpProblem({ type: `${base}forbidden`, title: 'Forbidden', status: 403, detail }),
  unauthorized: (detail = 'Sign in first.') =>
    new HttpProblem({ type: `${base}unauthorized`, title: 'Unauthorized', status: 401, detail }),
  conflict: (detail: string) =>
    new HttpProblem({ type: `${base}conflict`, title: 'Conflict', status: 409, detail }),
  tooLarge: (detail: string) =>
    new HttpProblem({ type: `${base}payload-too-large`, title: 'Payload too large', status: 413, detail }),
  /** Busy: the caller also sets Retry-After (seconds), given here too. */
  unavailable: (detail: string, retryAfter: number) =>
    new HttpProblem({ type: `${base}service-unavailable`, title: 'Service unavailable', status: 503, detail, retry_after: retryAfter }),
};

/** JSON schema of a problem, for route response schemas. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    parameter: { type: 'string' },
  },
  required: ['type', 'title', 'status'],
  additionalProperties: true,
} as const;
