export * from './commands';
export * from './emailLetter';
export * from './service';
