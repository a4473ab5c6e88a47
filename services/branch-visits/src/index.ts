export * from './branchVisit';
export * from './commands';
export * from './service';
