// Waiting for a state with a deadline: one implementation, in @kinerja/events/testing.
export { waitFor, type WaitOptions } from '@kinerja/events/testing';
