export * from './employee';
export * from './service';
