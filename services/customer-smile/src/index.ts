export * from './commands';
export * from './contract';
export * from './customer';
export * from './followUps';
export * from './service';
