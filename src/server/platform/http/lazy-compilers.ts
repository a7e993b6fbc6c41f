// Route schemas compile on first use instead of at start-up. Compiling every validator (Ajv) and
// response serializer (fast-json-stringify) up front cost about 300 ms of a 1.5 s start; lazily, each
// route pays a few milliseconds on its first request.
// Query strings, params and headers are text, so their validator coerces ("20" → 20); JSON bodies are
// typed already, so theirs does not (a number sent where a string belongs is an error).
import ValidatorSelector from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type Factories = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type BuildValidator = NonNullable<Factories['buildValidator']>;
type BuildSerializer = NonNullable<Factories['buildSerializer']>;
type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type AjvOptions = Parameters<BuildValidator>[1];

const buildValidator: BuildValidator = (externalSchemas, ajvOptions) => {
  const strictBody = { ...ajvOptions, customOptions: { ...ajvOptions?.customOptions, coerceTypes: false } } as AjvOptions;
  const compileText = ValidatorSelector()(externalSchemas, ajvOptions);
  const compileBody = ValidatorSelector()(externalSchemas, strictBody);
  return (route) => {
    let real: Validate | undefined;
    const lazy: Validate = (data) => {
      real ??= (route.httpPart === 'body' ? compileBody(route) : compileText(route)) as Validate;
      const result = real(data);
      lazy.errors = real.errors;
      return result;
    };
    return lazy as ReturnType<typeof compileText>;
  };
};

const buildSerializer: BuildSerializer = (externalSchemas, serializerOptions) => {
  const compile = SerializerSelector()(externalSchemas, serializerOptions);
  return (route) => {
    let real: ((data: unknown) => string) | undefined;
    return (data: unknown) => {
      real ??= compile(route) as (data: unknown) => string;
      return real(data);
    };
  };
};

export const lazySchemaController: FastifyServerOptions['schemaController'] = { compilersFactory: { buildValidator, buildSerializer } };
