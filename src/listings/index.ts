// The listing engine: listing-change log + taxon tree -> status on a date.
// Pure: no I/O here; the database side is repository.ts and recompute.ts.
export * from './types.js';
export { statusOn, notYetInForce, replay, ownStates, compareChanges, type OwnState, type StatusOptions } from './status.js';
export { summaryOrder, summaryParts, isAboveSpecies } from './summary.js';
export { checklistExceptions, type ChecklistNode } from './checklist.js';
