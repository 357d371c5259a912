// The unit dashboard query, tokens and a small GraphQL client for the benchmarks.
import { requireFromRoot, JWT_SECRET } from './stack.mjs';

/**
 * One unit page read from all five subgraphs: name and unit (personnel), plan achievement (goals),
 * learning hours (competency), the latest annual predicate (evaluation) and its reward decision
 * (recognition, through Evaluation.rewardDecision: a third hop of the query plan).
 */
export const DASHBOARD = `query UnitDashboard($code: String!, $first: Int!, $year: Int!, $lastYear: Int!) {
  organizationUnit(code: $code) {
    name
    employees(first: $first, includeSubunits: true) {
      totalCount
      edges { node {
        id nip name positionTitle
        unit { code name }
        performancePlan(year: $year) { status achievement goals { kind achievement indicators { aspect target quarterlyTargets realized } } }
        learningHours(year: $year) { completedHours requiredHours met }
        evaluations(year: $lastYear) { predicate completedAt rewardDecision { allowancePercent certificateEligible promotionEligible } }
      } }
    }
  }
}`;

export const SEARCH = `query Search($search: String!) { employees(search: $search, first: 20) { totalCount edges { node { id nip name unit { name } } } } }`;

export const dashboardVariables = (first = 50) => ({ code: 'DISDIKBUD', first, year: 2026, lastYear: 2025 });

export async function adminToken(scale) {
  const { generateRegency } = requireFromRoot('@kinerja/demo-regency');
  const { SignJWT } = requireFromRoot('jose');
  const admin = generateRegency({ employees: scale }).admin;
  return new SignJWT({ roles: ['ADMIN', 'EMPLOYEE'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(admin.id).setIssuer('kinerja').setAudience('kinerja')
    .setIssuedAt().setExpirationTime('12h')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

export async function graphql(url, query, variables, token) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`${url}: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

/** The same answer from both gateways, or an error naming the first difference. */
export function sameData(a, b) {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  if (x === y) return null;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `answers differ at character ${i}: …${x.slice(Math.max(0, i - 60), i + 60)}… vs …${y.slice(Math.max(0, i - 60), i + 60)}…`;
}
