export * from './fcActivity';
export * from './service';
