export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  /** The response's own extensions (e.g. completeEvaluation's curveWarnings). */
  extensions?: Record<string, unknown>;
}

/** A small GraphQL client for tests: POST JSON, optional bearer token, returns status and body. */
export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T; errors?: GraphQLResponse['errors']; extensions?: Record<string, unknown> };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`Not a GraphQL response (HTTP ${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, data: body.data, errors: body.errors, ...(body.extensions ? { extensions: body.extensions } : {}) };
}

/** Returns `data`, failing the test with the errors when there are any. */
export async function graphqlOk<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, options: { token?: string } = {}): Promise<T> {
  const r = await graphql<T>(url, query, variables, options);
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors, null, 2)}`);
  return r.data as T;
}

/** The first error's code, for assertions like `expect(codeOf(r)).toBe('FORBIDDEN')`. */
export function codeOf(r: GraphQLResponse<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code as string | undefined;
}
