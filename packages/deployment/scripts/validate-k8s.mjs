#!/usr/bin/env node
// Validates Kubernetes manifests against the API schemas of the `kubernetes-models` package.
// kubernetes-models 5 is ESM-only (package "exports" with "import" conditions), which jest's CommonJS
// runtime cannot load, so the tests run this script with node and read its JSON report.
//   node scripts/validate-k8s.mjs FILE...   → prints [{ file, index, apiVersion, kind, name, error? }]
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const results = [];
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  let index = 0;
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const at = { file, index: index++ };
    if (doc.errors.length > 0) {
      results.push({ ...at, error: `YAML: ${doc.errors.map((e) => e.message).join('; ')}` });
      continue;
    }
    const value = doc.toJS();
    if (value === null || value === undefined) continue;
    const { apiVersion, kind } = value;
    const entry = { ...at, apiVersion, kind, name: value.metadata?.name };
    let Model;
    try {
      const mod = await import(`kubernetes-models/${apiVersion}`);
      Model = mod[kind];
    } catch {
      Model = undefined;
    }
    if (typeof Model !== 'function') {
      results.push({ ...entry, error: `kubernetes-models has no ${apiVersion} ${kind}` });
      continue;
    }
    try {
      new Model(value).validate();
      results.push(entry);
    } catch (e) {
      results.push({ ...entry, error: String(e.message ?? e) });
    }
  }
}
process.stdout.write(JSON.stringify(results));
