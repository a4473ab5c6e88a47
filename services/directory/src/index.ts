export * from './branch';
export * from './commands';
export * from './employee';
export * from './fc';
export * from './orgUnit';
export * from './service';
