export * from './kafka';
export * from './catalog';
export * from './outbox';
