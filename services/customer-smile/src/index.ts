export * from './commands';
export * from './contract';
export * from './customer';
export * from './followUps';
export * from './personalData';
export * from './service';
export * from './masterKey';
export * from './personalDataAccessLog';
