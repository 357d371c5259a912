export * from './contract';
export * from './repo';
export * from './yaml-files';
export * from './kustomize';
export * from './network';
export * from './k8s-schema';
export * from './compose';
export * from './dockerfile';
