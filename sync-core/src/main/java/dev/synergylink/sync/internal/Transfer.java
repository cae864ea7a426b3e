package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * "Download all" / "Upload all": every record of one side to the other. Linked records sync their changes; unlinked
 * ones are matched by marker, then by natural key (a key must match exactly one unlinked record), and only then
 * created. The other side is listed once, for both the markers and the keys (see {@link NaturalKeyIndex}), so that an
 * unlinked record costs its write alone: a create, or the write that aligns a record matched by key (plus the read of
 * that record). Markers are looked up one by one only for the creates an earlier run left open. Not thread-safe.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class Transfer<S, T extends SyncedRecord> {
  private final TypeStages<S, T> stages;
  private final Run run;

  Transfer(TypeStages<S, T> stages) {
    this.stages = stages;
    this.run = stages.run;
  }

  /**
   * Sends every record of the side the mode names. A transfer that went through every record of that side, leaving
   * each linked or in quarantine, is remembered in the store: the cycle then no longer lists that side in full to
   * match a new record of the other side by natural key.
   *
   * @param progress told after each record
   */
  void run(ProgressListener progress) {
    Side from = stages.mode.keyMatchWinner();
    run.touch(stages.binding.type(), Flow.into(from.other()));
    stages.poller.startCursors();
    stages.unlinked.reconcilePendingCreates();
    int allKeys = stages.binding.naturalKeys().size();
    boolean everyRecord;
    if (from == Side.SYNERGY) {
      everyRecord = walk(stages.unlinked.synergy(), stages.keys.tinyPlusMatch(allKeys), progress,
          (link, s) -> stages.quarantine.guardedPair(link, s, null, Flow.SYNERGY_TO_TINYPLUS, false, false));
    } else {
      everyRecord = walk(stages.unlinked.tinyPlus(), stages.keys.synergyMatch(allKeys), progress,
          (link, t) -> stages.quarantine.guardedPair(link, null, t, Flow.TINYPLUS_TO_SYNERGY, false, false));
    }
    if (everyRecord) {
      run.store.saveTransferred(run.lease(), stages.binding.type(), from);
    }
  }

  /**
   * Walks one side's listing: a linked record syncs its pair, an unlinked one is matched or created.
   *
   * @return whether every record listed ended linked or in quarantine
   */
  private <R, O> boolean walk(UnlinkedRecords<S, T>.View<R, O> view, Function<R, O> match, ProgressListener progress,
      BiConsumer<Link, R> linked) {
    SideAccess<R> side = view.records;
    RecordType type = stages.binding.type();
    int pageSize = run.settings.pageSize();
    long done = 0;
    boolean everyRecord = true;
    ListingGuard guard = new ListingGuard(side.side(), pageSize, true);
    for (int offset = 0; ; offset += pageSize) {
      ListPage<R> page = side.listAll(offset, pageSize);
      guard.check(page, side);
      long total = Math.max(page.total(), done + page.received());
      for (UnreadableRecord unreadable : page.unreadable()) {
        stages.quarantine.unreadable(view.side, unreadable);
        everyRecord &= unreadable.id() != null;
      }
      Map<Long, Link> links = side.side() == Side.SYNERGY
          ? run.store.linksBySynergyId(run.connectionId(), type, Cycle.ids(side, page.items()))
          : run.store.linksByTinyPlusId(run.connectionId(), type, Cycle.ids(side, page.items()));
      for (R record : page.items()) {
        long id = side.id(record);
        // looked up again when the page's look-up found none: an earlier record of the page may have linked it
        Link link = links.containsKey(id) ? links.get(id) : run.linkOf(type, side.side(), id);
        if (link != null) {
          if (!link.orphaned()) {
            linked.accept(link, record);
          }
        } else {
          stages.quarantine.guarded(view.side, id, side.modified(record), false,
              () -> stages.unlinked.unlinked(view, record, match));
          everyRecord &= run.linkOf(type, side.side(), id) != null
              || stages.quarantine.triedInCycle(new RecordRef(side.side(), id));
        }
        done++;
        progress.onProgress(type, done, total);
      }
      run.checkpoint();
      if (page.received() < pageSize) {
        return everyRecord;
      }
    }
  }
}
