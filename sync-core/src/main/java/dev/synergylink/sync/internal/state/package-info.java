/**
 * The engine's stored state as typed values (a pair's {@link dev.synergylink.sync.internal.state.PairState}, a
 * create's {@link dev.synergylink.sync.internal.state.SentValues}) and their versioned JSON text encoding.
 */
package dev.synergylink.sync.internal.state;
