import type { ManifestObject } from './kustomize';

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }>;
}

/** Kubernetes label-selector semantics; an empty selector matches everything. */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    switch (e.operator) {
      case 'In': if (!has || !(e.values ?? []).includes(value!)) return false; break;
      case 'NotIn': if (has && (e.values ?? []).includes(value!)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** A pod as a NetworkPolicy sees it. */
export interface Endpoint {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  /** Labels of its namespace (kubernetes.io/metadata.name is always there). */
  namespaceLabels: Record<string, string>;
  /** Named container ports, for policies that name a port. */
  namedPorts?: Record<string, number>;
}

interface PolicyPort { protocol?: string; port?: number | string; endPort?: number }
interface Peer { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: { cidr: string; except?: string[] } }
interface Rule { from?: Peer[]; to?: Peer[]; ports?: PolicyPort[] }
export interface NetworkPolicySpec {
  podSelector?: LabelSelector;
  policyTypes?: Array<'Ingress' | 'Egress'>;
  ingress?: Rule[];
  egress?: Rule[];
}

export type Direction = 'Ingress' | 'Egress';

function policyTypes(spec: NetworkPolicySpec): Direction[] {
  if (spec.policyTypes && spec.policyTypes.length > 0) return spec.policyTypes;
  return spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function policiesSelecting(policies: ManifestObject[], pod: Endpoint, direction: Direction): ManifestObject[] {
  return policies.filter((p) => {
    const spec = p.spec as NetworkPolicySpec;
    return (p.metadata.namespace ?? 'default') === pod.namespace
      && selects(spec.podSelector ?? {}, pod.labels)
      && policyTypes(spec).includes(direction);
  });
}

function portMatches(ports: PolicyPort[] | undefined, port: number, protocol: string, target: Endpoint): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    const number = typeof p.port === 'string' ? target.namedPorts?.[p.port] : p.port;
    if (number === undefined) return false;
    return p.endPort ? port >= number && port <= p.endPort : port === number;
  });
}

/** Does a peer of a rule in a policy of `policyNamespace` match `other`? ipBlocks are taken to match any pod. */
function peerMatches(peer: Peer, policyNamespace: string, other: Endpoint): boolean {
  if (peer.ipBlock) return true;
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, other.namespaceLabels) : other.namespace === policyNamespace;
  const podOk = peer.podSelector ? selects(peer.podSelector, other.labels) : true;
  return nsOk && podOk;
}

function allows(policies: ManifestObject[], self: Endpoint, other: Endpoint, port: number, protocol: string, direction: Direction, portOwner: Endpoint): boolean {
  const selecting = policiesSelecting(policies, self, direction);
  if (selecting.length === 0) return true; // not isolated in this direction
  return selecting.some((p) => {
    const spec = p.spec as NetworkPolicySpec;
    const rules = (direction === 'Ingress' ? spec.ingress : spec.egress) ?? [];
    return rules.some((r) => {
      const peers = direction === 'Ingress' ? r.from : r.to;
      const peerOk = !peers || peers.length === 0 || peers.some((peer) => peerMatches(peer, p.metadata.namespace ?? 'default', other));
      return peerOk && portMatches(r.ports, port, protocol, portOwner);
    });
  });
}

/** Whether a connection from `source` to `target:port` passes both the source's egress and the target's ingress policies. */
export function canConnect(policies: ManifestObject[], source: Endpoint, target: Endpoint, port: number, protocol = 'TCP'): boolean {
  return allows(policies, source, target, port, protocol, 'Egress', target)
    && allows(policies, target, source, port, protocol, 'Ingress', target);
}

/** Pods the Deployments of a list of objects would run, one endpoint per Deployment. */
export function endpointsOf(objects: ManifestObject[]): Endpoint[] {
  const nsLabels = new Map<string, Record<string, string>>();
  for (const o of objects) if (o.kind === 'Namespace') nsLabels.set(o.metadata.name!, o.metadata.labels ?? {});
  return objects.filter((o) => o.kind === 'Deployment').map((d) => {
    const template = (d.spec as any).template;
    const namespace = d.metadata.namespace ?? 'default';
    const namedPorts: Record<string, number> = {};
    for (const c of template.spec.containers ?? []) for (const p of c.ports ?? []) if (p.name) namedPorts[p.name] = p.containerPort;
    return {
      name: d.metadata.name!,
      namespace,
      labels: template.metadata?.labels ?? {},
      namespaceLabels: { ...(nsLabels.get(namespace) ?? {}), 'kubernetes.io/metadata.name': namespace },
      namedPorts,
    };
  });
}

export function endpoint(name: string, namespace: string, labels: Record<string, string>): Endpoint {
  return { name, namespace, labels, namespaceLabels: { 'kubernetes.io/metadata.name': namespace } };
}

/**
 * Peers of the ingress rules that admit traffic to `target:port`, in a form a reviewer can read:
 * "any source", "ipBlock", "namespaceSelector", or the podSelector.
 */
export function admittedPeers(policies: ManifestObject[], target: Endpoint, port: number): string[] {
  const out: string[] = [];
  for (const p of policiesSelecting(policies, target, 'Ingress')) {
    for (const r of (p.spec as NetworkPolicySpec).ingress ?? []) {
      if (!portMatches(r.ports, port, 'TCP', target)) continue;
      if (!r.from || r.from.length === 0) out.push(`${p.metadata.name}: any source`);
      for (const peer of r.from ?? []) {
        if (peer.ipBlock) out.push(`${p.metadata.name}: ipBlock ${peer.ipBlock.cidr}`);
        else if (peer.namespaceSelector) out.push(`${p.metadata.name}: namespaceSelector ${JSON.stringify(peer.namespaceSelector)}`);
        else out.push(`${p.metadata.name}: podSelector ${JSON.stringify(peer.podSelector ?? {})}`);
      }
    }
  }
  return out;
}
