/**
 * Runs many connections on several machines: {@link dev.synergylink.sync.scheduler.SyncScheduler} keeps one
 * db-scheduler execution per connection in the shared database, runs {@code syncOnce()} on whichever node picks it,
 * and plans the next run from the outcome.
 */
package dev.synergylink.sync.scheduler;
