// Fastify compiles every route's request validator (Ajv) and response
// serializer (fast-json-stringify) before it listens: 1.4 s of the server's
// start on this machine. These factories wrap the default ones so each
// compiles on its route's first use instead; the result is the same function.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Factory = (externalSchemas: unknown, options: unknown) => (routeSchema: unknown) => (data: unknown) => unknown;
const ValidatorSelector = require('@fastify/ajv-compiler') as () => Factory;
const SerializerSelector = require('@fastify/fast-json-stringify-compiler') as () => Factory;

function lazy(select: () => Factory, copyErrors: boolean): Factory {
  const factory = select();
  return (externalSchemas, options) => {
    const build = factory(externalSchemas, options);
    return (routeSchema) => {
      type Fn = ((...args: unknown[]) => unknown) & { errors?: unknown; schemaEnv?: unknown };
      let compiled: Fn | undefined;
      const run: Fn = (...args) => {
        compiled ??= build(routeSchema) as unknown as Fn;
        // Fastify passes (data, { parentData, parentDataProperty }) so Ajv can coerce a root value.
        const result = compiled(...args);
        // Fastify reads an Ajv validator's errors from the function it called.
        if (copyErrors) run.errors = compiled.errors;
        return result;
      };
      // Fastify passes the parent only to functions that say they are Ajv's (schemaEnv).
      if (copyErrors) run.schemaEnv = true;
      return run as (data: unknown) => unknown;
    };
  };
}

export const lazyCompilersFactory = {
  buildValidator: lazy(ValidatorSelector, true),
  buildSerializer: lazy(SerializerSelector, false),
};
