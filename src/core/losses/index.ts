/** The paper's losses: purported (eq. 6), effective (eq. 12), Table 1, and the targets ν* (eq. 15). */

export * from './losses';
export * from './lossTable';
export * from './negLosses';
export * from './paperLog';
export * from './targets';
