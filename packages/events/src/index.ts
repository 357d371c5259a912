export * from './kafka';
export * from './catalog';
export * from './outbox';
export * from './relay';
export * from './consumer';
export * from './schemas';
export * from './metrics';
export * from './consumer-in-background';
