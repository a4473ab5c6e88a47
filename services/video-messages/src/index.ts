export * from './commands';
export * from './service';
export * from './videoMessage';
