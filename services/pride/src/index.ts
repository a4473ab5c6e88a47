export * from './commands';
export * from './fcActivity';
export * from './service';
