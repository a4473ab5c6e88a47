export * from './cafeSession';
export * from './commands';
export * from './service';
