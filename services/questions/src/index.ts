export * from './questionBoard';
export * from './recorded';
