import type { z } from 'zod';

/**
 * An API endpoint described once, as data, for both sides: the service mounts it with `route()` (bot/http/apiRoute.ts)
 * and the tab calls it with `call()` (tab/src/api.ts). The request body and query are zod schemas (the service parses
 * with them, the tab's arguments are typed by them); the answer is a type only.
 *
 * Contract modules (this folder and each stage's `api.ts`) import nothing but zod and each other: the tab compiles them.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'del';

declare const answerType: unique symbol;

/** The type of an endpoint's answer: a marker with no value at run time. */
export interface Returns<T> {
  readonly [answerType]?: T;
}

export function returns<T>(): Returns<T> {
  return {};
}

export interface EndpointSpec {
  readonly method: Method;
  /** `/api/...`, with `:name` for each path parameter. */
  readonly path: string;
  /** The JSON body; unknown fields are dropped, never stored. */
  readonly body?: z.ZodTypeAny;
  readonly query?: z.ZodTypeAny;
  /**
   * An update of something the client read: the request carries its version in `If-Match` (428 without it, 409 when
   * someone changed it since).
   */
  readonly ifMatch?: true;
  readonly response: Returns<unknown>;
}

/** Keeps the literal method and path, and the schemas' own types. */
export function endpoint<const E extends EndpointSpec>(spec: E): E {
  return spec;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<`/${Rest}`> : P extends `${string}:${infer Name}` ? Name : never;

/** `{ cohortId: string }` for `/api/cohorts/:cohortId`. */
export type PathParams<P extends string> = { readonly [K in ParamNames<P>]: string };

/** What a client sends as the body (the schema's input). */
export type BodyIn<E extends EndpointSpec> = E['body'] extends z.ZodTypeAny ? z.input<E['body']> : undefined;
/** What the service's handler receives (the schema's output: trimmed text, defaults filled in). */
export type BodyOut<E extends EndpointSpec> = E['body'] extends z.ZodTypeAny ? z.output<E['body']> : undefined;
export type QueryIn<E extends EndpointSpec> = E['query'] extends z.ZodTypeAny ? z.input<E['query']> : undefined;
export type QueryOut<E extends EndpointSpec> = E['query'] extends z.ZodTypeAny ? z.output<E['query']> : undefined;
export type ResponseOf<E extends EndpointSpec> = E['response'] extends Returns<infer T> ? T : never;

/** A part a caller must give when some of its fields are required, and may leave out when none is. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T` asks "has T no required field?"
type Part<Name extends string, T> = {} extends T ? { [K in Name]?: T } : { [K in Name]: T };

/** What a call of the endpoint carries besides its method and path: each part exactly when the endpoint has it. */
export type RequestParts<E extends EndpointSpec> = (keyof PathParams<E['path']> extends never ? { params?: undefined } : { params: PathParams<E['path']> }) &
  (E['body'] extends z.ZodTypeAny ? Part<'body', BodyIn<E>> : { body?: undefined }) &
  (E['query'] extends z.ZodTypeAny ? Part<'query', QueryIn<E>> : { query?: undefined }) &
  (E['ifMatch'] extends true ? { ifMatch: string } : { ifMatch?: undefined });

/** The path with its parameters filled in (each one URL-encoded). */
export function pathOf<E extends EndpointSpec>(spec: E, params: PathParams<E['path']>): string {
  const values: Readonly<Record<string, string>> = params;
  return spec.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** The query string (with its `?`) for a query object; values left undefined are left out. */
export function queryString(query: Readonly<Record<string, string | number | boolean | undefined>> | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
