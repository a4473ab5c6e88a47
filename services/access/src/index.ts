export * from './roles';
export * from './tokenStore';
