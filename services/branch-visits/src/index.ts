export * from './branchVisit';
export * from './service';
