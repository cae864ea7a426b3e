package dev.synergylink.sync.internal;

import dev.synergylink.sync.spi.Direction;
import dev.synergylink.sync.spi.FieldRule;
import dev.synergylink.tinyplus.SyncedRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of one record type's sync in one run and one mode, wired together: a change poller, the natural-key
 * index, the merge, the pair writer and linker, quarantine, the unlinked records and the pair sync.
 *
 * @param <S> the Synergy record type
 * @param <T> the tiny+ record type
 */
final class TypeStages<S, T extends SyncedRecord> {
  final Run run;
  final TypeBinding<S, T> binding;
  final Mode mode;
  final ChangePoller poller;
  final NaturalKeyIndex<S, T> keys;
  final PairWriter<S, T> writer;
  final PairLinker<S, T> linker;
  final PairSync<S, T> pairs;
  final Quarantine<S, T> quarantine;
  final UnlinkedRecords<S, T> unlinked;

  TypeStages(Run run, TypeBinding<S, T> binding, Mode mode) {
    this.run = run;
    this.binding = binding;
    this.mode = mode;
    List<FieldRule<S, T>> rules = new ArrayList<>();
    for (FieldRule<S, T> rule : binding.mapping().rules()) {
      if (rule.direction() != Direction.NONE) {
        rules.add(rule);
      }
    }
    List<FieldRule<S, T>> synced = List.copyOf(rules);
    this.poller = new ChangePoller(run, binding.type());
    OpenCreates creates = new OpenCreates();
    this.keys = new NaturalKeyIndex<>(run, binding, mode, creates::awaiting);
    this.writer = new PairWriter<>(run, binding, synced);
    PairMerger<S, T> merger = new PairMerger<>(run, binding, synced, writer);
    this.linker = new PairLinker<>(run, binding, synced, keys, merger, writer);
    this.pairs = new PairSync<>(run, binding, synced, merger, writer);
    this.quarantine = new Quarantine<>(run, binding, pairs::sync);
    pairs.guardedBy(quarantine);
    this.unlinked = new UnlinkedRecords<>(run, binding, synced, linker, writer, quarantine, creates, keys, mode);
  }

  /** How many natural keys the cycle matches by: every key, or the first alone (team members: the email). */
  int cycleKeys() {
    return binding.cycleMatchesByFirstKey() ? 1 : binding.naturalKeys().size();
  }
}
