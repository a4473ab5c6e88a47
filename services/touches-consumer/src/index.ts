export * from './consumer';
export * from './currentStateConsumer';
