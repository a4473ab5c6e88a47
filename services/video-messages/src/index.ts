export * from './service';
export * from './videoMessage';
