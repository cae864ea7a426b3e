/**
 * What a host plugs into the engine: where state lives ({@link dev.synergylink.sync.spi.StateStore}), how fields
 * map ({@link dev.synergylink.sync.spi.FieldMapping}, {@link dev.synergylink.sync.spi.FieldRule}, whose writers set
 * typed request members: {@link dev.synergylink.sync.spi.SynergyMembers},
 * {@link dev.synergylink.sync.spi.TinyPlusMembers}), how conflicts are
 * settled ({@link dev.synergylink.sync.spi.ConflictPolicy}) and what it hears about
 * ({@link dev.synergylink.sync.spi.SyncListener}, {@link dev.synergylink.sync.spi.ProgressListener}).
 */
package dev.synergylink.sync.spi;
