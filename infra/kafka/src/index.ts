export * from './broker';
export * from './testBroker';
