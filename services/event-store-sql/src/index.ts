export { createSqlEventStore } from './sqlEventStore';
