// /api/v1/coverage: what the data cover in each convention, from the data
// (the About page and every "as of" say it).
import type { FastifyInstance } from 'fastify';
import { coverage } from '../../db/repositories/coverage.js';
import { problemResponses } from '../schemas.js';

const sourceAsOf = {
  type: 'object', additionalProperties: false, required: ['source', 'file', 'as_of'],
  properties: { source: { type: 'string', description: 'Import format' }, file: { type: 'string' }, as_of: { type: 'string', description: 'YYYY-MM-DD' } },
} as const;
const conventionCoverage = {
  type: 'object', additionalProperties: false, required: ['complete', 'partial', 'recorded', 'meetings'],
  properties: {
    complete: { ...sourceAsOf, type: ['object', 'null'], description: 'The newest source of the whole Appendix list: the data are complete to its day' },
    partial: { type: 'array', items: sourceAsOf, description: 'Newer sources of some taxa only, newest first' },
    recorded: { type: 'object', additionalProperties: false, required: ['count', 'latest'], properties: { count: { type: 'integer' }, latest: { type: ['string', 'null'] } }, description: 'Listing changes recorded by hand in Concord' },
    meetings: {
      type: 'array', description: "The convention's Conferences of the Parties the data know, and whether the complete source covers them",
      items: { type: 'object', additionalProperties: false, required: ['name', 'date', 'covered'], properties: { name: { type: 'string' }, date: { type: ['string', 'null'] }, covered: { type: 'boolean' } } },
    },
  },
} as const;

export default async function coverageRoutes(app: FastifyInstance) {
  app.get('/api/v1/coverage', {
    schema: {
      tags: ['taxa'], summary: 'What the data cover in each convention: complete to which day, newer partial sources, which CoPs/COPs',
      response: { 200: { type: 'object', additionalProperties: false, required: ['CITES', 'CMS'], properties: { CITES: conventionCoverage, CMS: conventionCoverage } }, ...problemResponses },
    },
  }, async () => coverage(app.database));
}
