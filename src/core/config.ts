import * as z from './zod.js';
import { formatIssues } from './envelope.js';

/** One attribute's problem, shown in the element and logged. */
export interface ConfigProblem {
  attribute: string;
  message: string;
}

/** An endpoint: http(s), absolute or relative to the page. */
export function checkEndpoint(value: string | undefined, attribute = 'endpoint'): ConfigProblem | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return { attribute, message: 'is empty' };
  // Characters a URL never holds unencoded: markup pasted into the attribute, not an address.
  if (/[\s<>"'`{}|\\^]/.test(trimmed)) return { attribute, message: `"${truncate(trimmed)}" is not a URL` };
  let url: URL;
  try {
    url = new URL(trimmed, document.baseURI);
  } catch {
    return { attribute, message: `"${truncate(trimmed)}" is not a URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { attribute, message: `must be an http(s) URL, not "${truncate(url.protocol)}"` };
  }
  return undefined;
}

export const localeTagSchema = z
  .string()
  .check(z.regex(/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as "en" or "da-DK"'));

/** Checks one attribute against a schema; the message names the attribute and the problem. */
export function checkAttribute(attribute: string, schema: z.ZodMiniType, value: unknown): ConfigProblem | undefined {
  if (value === undefined || value === null) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  return { attribute, message: formatIssues(result.error.issues).replace(/^\(root\): /, '') };
}

export function truncate(value: string, max = 60): string {
  const clean = value.replace(/[\u0000-\u001f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** Logs a configuration problem once per element and attribute. */
export function logProblem(el: Element, problem: ConfigProblem): void {
  console.error(`[lc-elements] <${el.localName}> ${problem.attribute}: ${problem.message}`);
}
