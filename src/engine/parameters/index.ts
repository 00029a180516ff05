/** The run parameters' registry (registry.ts) and what it is made of. */

export * from './declarations';
export * from './limits';
export * from './registry';
