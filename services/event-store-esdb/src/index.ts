export { createEsdbEventStore } from './esdbEventStore';
