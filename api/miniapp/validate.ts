import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, notFound } from './errors.js';

function invalid(error: z.ZodError): ApiError {
  const fields = error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return new ApiError(422, 'invalid_request', fields);
}

/** The query string through a zod schema; 422 invalid_request naming the fields at fault. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw invalid(result.error);
  return result.data;
}

/** The JSON body through a zod schema; an empty body counts as {}. 422 invalid_json or invalid_request. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  let json: unknown = {};
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(422, 'invalid_json', 'Body is not JSON');
    }
  }
  const result = schema.safeParse(json);
  if (!result.success) throw invalid(result.error);
  return result.data;
}

/** A numeric path id; anything else is a 404, like an id that does not exist. */
export function idParam(c: Context, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,14}$/.test(raw)) throw notFound();
  return Number(raw);
}
