/**
 * A pure aggregate, the one shape every bounded context uses: what happened so far folds into
 * state (`evolve` from `initialState`); a command decides what happens next (`decide`). `decide`
 * refuses by throwing a DomainError and never does I/O: anything it needs from elsewhere (a
 * directory fact, the service clock's `now`) travels in the command.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}

/** The state after `events`, folded from the start. */
export const stateAfter = <Command, Event, State>(decider: Decider<Command, Event, State>, events: readonly Event[]): State =>
  events.reduce(decider.evolve, decider.initialState());
