/**
 * The SynergyLink sync engine: keeps Total Synergy and tiny+ records in two-way sync.
 *
 * <p>Start with {@link dev.synergylink.sync.SyncEngine}: build it from a {@code SynergyClient}, a
 * {@code TinyPlusClient}, a {@link dev.synergylink.sync.spi.StateStore} and {@link dev.synergylink.sync.SyncSettings},
 * then call {@link dev.synergylink.sync.SyncEngine#syncOnce()} on your own schedule. The field tables of the
 * integration guide are in {@link dev.synergylink.sync.FieldMappings}; each run returns a
 * {@link dev.synergylink.sync.SyncReport}; {@link dev.synergylink.sync.SyncEngine#health()} shows what is failing.
 *
 * <p>How a cycle works, per record type (team members, companies, contacts, in that order):
 * <ol>
 *   <li>Open creates of an earlier, interrupted run are settled by looking their marker up (tiny+ {@code remote_id}
 *       with {@code sync_origin}, Synergy {@code externalReference} {@code tinyplus:<id>}): never a second create.
 *   <li>Each side is listed from its cursor less the lookback, in (modified, id) order; each next page starts from
 *       the last record's modified second, so a record edited while the listing goes on is seen at its new place.
 *   <li>A linked record's values are compared with the last-synced snapshot. No difference: nothing is written
 *       (our own writes coming back, or a no-op edit). One side changed: only the changed fields are patched on
 *       the other side, with no read first. Both changed: a field-level three-way merge; a field changed on both
 *       sides to different values is settled by the {@link dev.synergylink.sync.spi.ConflictPolicy} and the losing
 *       value is kept in the report.
 *   <li>An unlinked record is matched on the other side by marker, then by natural key (ABN, email, name; a key
 *       must name exactly one unlinked record, and team members match by email alone), else created with a marker
 *       under a saved intent. The natural keys cost one listing of the other side per run, made only when a record
 *       that carries no marker first needs it and shared by every such record of the run.
 *   <li>A record that fails is quarantined with the server's field message and retried with backoff; the rest of
 *       the sync goes on and the cursor moves past it. A deleted record orphans its link: nothing is recreated and
 *       nothing is deleted on the other side.
 * </ol>
 *
 * <p>Known limits: neither API offers a conditional write, so an edit made to a field in the moment between the
 * engine reading a change and writing that same field can be overwritten (each page is written as it is processed
 * to keep that window short). Linked tiny+ records that changed are held until the Synergy side of the same cycle
 * has been listed (to merge both changes), so a cycle holds its changed linked tiny+ records in memory. When more
 * records than a page share one modified second, the listing pages by offset within that second.
 */
package dev.synergylink.sync;
