import 'reflect-metadata';

export * from './audit';
export * from './config';
export * from './context';
export * from './database';
export * from './directory';
export * from './errors';
export * from './federation';
export * from './guard';
export * from './identity';
export * from './ids';
export * from './loaders';
export * from './logger';
export * from './pagination';
export * from './run';
export * from './scalars';
export * from './server';
export * from './text';
