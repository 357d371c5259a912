export * from './database';
export * from './kafka';
export * from './tokens';
export * from './graphql-client';
export * from './silent-logger';
export * from './graph';
export * from './tools';
export * from './relations';
