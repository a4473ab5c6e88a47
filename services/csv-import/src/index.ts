export * from './csv';
export * from './decode';
export * from './importCsv';
export * from './kinds';
export * from './history';
