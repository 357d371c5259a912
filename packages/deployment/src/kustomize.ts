import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readYaml, readYamlDocuments } from './yaml-files';

/** A Kubernetes object as written in a manifest, with the file it came from. */
export interface ManifestObject {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Rendered {
  /** Manifest files the kustomization (and the ones below it) includes, absolute paths. */
  files: string[];
  /** Kustomization files visited. */
  kustomizations: string[];
  /** Objects in order, with the namespace kustomize would give them. */
  objects: ManifestObject[];
  /** Everything kustomize would refuse or a reviewer would flag; empty when the tree is sound. */
  problems: string[];
}

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const KNOWN_FIELDS = new Set([
  'apiVersion', 'kind', 'metadata', 'namespace', 'namePrefix', 'nameSuffix', 'resources', 'components', 'images',
  'labels', 'commonLabels', 'commonAnnotations', 'patches', 'replicas', 'configMapGenerator', 'secretGenerator',
  'generatorOptions', 'buildMetadata',
]);
/** Kinds that have no namespace (the ones this repository could plausibly hold). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'StorageClass', 'CustomResourceDefinition']);

export function kustomizationFile(dir: string): string | undefined {
  return KUSTOMIZATION_NAMES.map((n) => path.join(dir, n)).find((f) => existsSync(f));
}

/** The group of an apiVersion ("apps/v1" → "apps", "v1" → ""), as kustomize keys resources. */
function group(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
}

export function objectId(o: ManifestObject): string {
  const ns = CLUSTER_SCOPED.has(o.kind) ? '' : o.metadata.namespace ?? 'default';
  return `${group(o.apiVersion)}/${o.kind}/${ns}/${o.metadata.name}`;
}

/**
 * Follows a kustomization the way `kubectl kustomize` does for what this repository uses: local
 * resources (files and folders with their own kustomization), the namespace transformer (outer wins),
 * and the rule that one object id may appear once. Remote resources and generators are reported as
 * problems: everything here must be reviewable in the repository.
 */
export function renderKustomization(dir: string, seen: string[] = []): Rendered {
  const out: Rendered = { files: [], kustomizations: [], objects: [], problems: [] };
  const file = kustomizationFile(dir);
  if (!file) {
    out.problems.push(`${dir}: no kustomization.yaml`);
    return out;
  }
  if (seen.includes(dir)) {
    out.problems.push(`${file}: cycle through ${seen.join(' → ')}`);
    return out;
  }
  out.kustomizations.push(file);
  const k = readYaml<Record<string, unknown>>(file);
  if (k.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || k.kind !== 'Kustomization') {
    out.problems.push(`${file}: apiVersion/kind must be kustomize.config.k8s.io/v1beta1 Kustomization`);
  }
  for (const key of Object.keys(k)) if (!KNOWN_FIELDS.has(key)) out.problems.push(`${file}: unknown field "${key}"`);
  for (const key of ['configMapGenerator', 'secretGenerator']) {
    if (k[key] !== undefined) out.problems.push(`${file}: ${key} is not used here (secrets never come from the repository)`);
  }
  if (k.commonLabels !== undefined) out.problems.push(`${file}: commonLabels rewrites selectors; use labels`);

  const resources = (k.resources ?? []) as unknown[];
  if (!Array.isArray(resources)) out.problems.push(`${file}: resources must be a list`);
  const listed = new Set<string>();
  for (const entry of resources) {
    if (typeof entry !== 'string') {
      out.problems.push(`${file}: resource entry ${JSON.stringify(entry)} is not a path`);
      continue;
    }
    if (/^[a-z]+:\/\//i.test(entry) || entry.startsWith('github.com/')) {
      out.problems.push(`${file}: remote resource ${entry}: keep every manifest in the repository`);
      continue;
    }
    const target = path.resolve(dir, entry);
    if (listed.has(target)) out.problems.push(`${file}: ${entry} is listed twice`);
    listed.add(target);
    if (!existsSync(target)) {
      out.problems.push(`${file}: ${entry} does not exist`);
      continue;
    }
    if (statSync(target).isDirectory()) {
      const sub = renderKustomization(target, [...seen, dir]);
      out.files.push(...sub.files);
      out.kustomizations.push(...sub.kustomizations);
      out.objects.push(...sub.objects);
      out.problems.push(...sub.problems);
    } else {
      out.files.push(target);
      for (const doc of readYamlDocuments(target)) {
        const o = doc as ManifestObject;
        if (!o || typeof o !== 'object' || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || !o.metadata?.name) {
          out.problems.push(`${target}: a document without apiVersion, kind and metadata.name`);
          continue;
        }
        out.objects.push({ ...o, file: target, metadata: { ...o.metadata } });
      }
    }
  }
  for (const p of (k.patches ?? []) as Array<{ path?: string }>) {
    if (p.path && !existsSync(path.resolve(dir, p.path))) out.problems.push(`${file}: patch ${p.path} does not exist`);
  }

  // The namespace transformer: this level's namespace wins over the levels below.
  if (typeof k.namespace === 'string') {
    for (const o of out.objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  }

  // kustomize refuses two objects with one id.
  const ids = new Map<string, string>();
  for (const o of out.objects) {
    const id = objectId(o);
    const other = ids.get(id);
    if (other) out.problems.push(`${file}: ${id} comes from both ${other} and ${o.file}`);
    ids.set(id, o.file);
  }

  // An images entry that names no container image is a typo that silently ships the default tag.
  const used = new Set(containers(out.objects).map((c) => c.image.split(/[:@]/)[0]));
  for (const img of (k.images ?? []) as Array<{ name?: string }>) {
    if (img.name && !used.has(img.name)) out.problems.push(`${file}: images entry ${img.name} matches no container`);
  }
  out.problems = [...new Set(out.problems)];
  return out;
}

/** Every manifest file under a folder (kustomization files excluded). */
export function manifestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...manifestFiles(full));
    else if (/\.ya?ml$/.test(entry.name) && !KUSTOMIZATION_NAMES.includes(entry.name)) found.push(full);
  }
  return found.sort();
}

/** Every folder under `dir` (itself included) that holds a kustomization. */
export function kustomizationDirs(dir: string): string[] {
  const found = kustomizationFile(dir) ? [dir] : [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...kustomizationDirs(path.join(dir, entry.name)));
  }
  return found.sort();
}

export interface ContainerRef {
  owner: ManifestObject;
  name: string;
  image: string;
  init: boolean;
  spec: Record<string, any>;
}

/** Containers (and init containers) of every workload in a list of objects. */
export function containers(objects: ManifestObject[]): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const o of objects) {
    const podSpec = podSpecOf(o);
    if (!podSpec) continue;
    for (const [list, init] of [[podSpec.containers, false], [podSpec.initContainers, true]] as const) {
      for (const c of (list ?? []) as Array<Record<string, any>>) out.push({ owner: o, name: c.name, image: String(c.image ?? ''), init, spec: c });
    }
  }
  return out;
}

export function podSpecOf(o: ManifestObject): Record<string, any> | undefined {
  const spec = o.spec as Record<string, any> | undefined;
  if (!spec) return undefined;
  if (o.kind === 'Pod') return spec;
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(o.kind)) return spec.template?.spec;
  if (o.kind === 'CronJob') return spec.jobTemplate?.spec?.template?.spec;
  return undefined;
}
