package dev.synergylink.sync.internal;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * "Download all" / "Upload all": every record of one side to the other. Linked records sync their changes; unlinked
 * ones are matched by marker, then by natural key (a key must match exactly one unlinked record), and only then
 * created. Not thread-safe.
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
   * Sends every record of the side the mode names.
   *
   * @param progress told after each record
   */
  void run(ProgressListener progress) {
    Side from = stages.mode.keyMatchWinner();
    run.touch(stages.binding.type(), Flow.into(from.other()));
    stages.poller.startCursors();
    stages.unlinked.reconcilePendingCreates();
    int allKeys = stages.binding.naturalKeys().size();
    if (from == Side.SYNERGY) {
      walk(stages.unlinked.synergy(), stages.keys.tinyPlusMatch(allKeys), progress,
          (link, s) -> stages.quarantine.guardedPair(link, s, null, Flow.SYNERGY_TO_TINYPLUS, false, false));
    } else {
      walk(stages.unlinked.tinyPlus(), stages.keys.synergyMatch(allKeys), progress,
          (link, t) -> stages.quarantine.guardedPair(link, null, t, Flow.TINYPLUS_TO_SYNERGY, false, false));
    }
  }

  private <R, O> void walk(UnlinkedRecords<S, T>.View<R, O> view, Function<R, O> match, ProgressListener progress,
      java.util.function.BiConsumer<Link, R> linked) {
    SideAccess<R> side = view.records;
    int pageSize = run.settings.pageSize();
    long done = 0;
    ListingGuard guard = new ListingGuard(side.side(), pageSize, true);
    for (int offset = 0; ; offset += pageSize) {
      ListPage<R> page = side.listAll(offset, pageSize);
      guard.check(page, side);
      long total = Math.max(page.total(), done + page.received());
      page.unreadable().forEach(u -> stages.quarantine.unreadable(view.side, u));
      for (R record : page.items()) {
        long id = side.id(record);
        Map<Long, Link> links = side.side() == Side.SYNERGY
            ? run.store.linksBySynergyId(run.connectionId(), stages.binding.type(), List.of(id))
            : run.store.linksByTinyPlusId(run.connectionId(), stages.binding.type(), List.of(id));
        Link link = links.get(id);
        if (link != null) {
          if (!link.orphaned()) {
            linked.accept(link, record);
          }
        } else {
          stages.quarantine.guarded(view.side, id, side.modified(record), false,
              () -> stages.unlinked.unlinked(view, record, match));
        }
        done++;
        progress.onProgress(stages.binding.type(), done, total);
      }
      run.checkpoint();
      if (page.received() < pageSize) {
        return;
      }
    }
  }
}
