package dev.synergylink.sync.simulation;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;

/**
 * One thing that happens in a simulated world: a person's edit in one of the two web apps, the clock moving, an
 * engine operation, a fault, a crash, a race or a quiescence check. Steps are plain data, so a failing run prints
 * them and a shrunk run is the same list with steps left out. A step names records by a pick number taken modulo
 * the records that exist when it runs, so any subset of a run's steps is itself a valid run.
 */
sealed interface Step {
  /** Runs the step in a world. */
  void run(World world);

  /** A person creates a record; its field values come from {@code valueSeed}. */
  record Create(RecordType type, Side side, long valueSeed, int parentPick) implements Step {
    public void run(World w) {
      w.create(this);
    }
  }

  /** A person edits one field of a record. */
  record Edit(RecordType type, Side side, int pick, String rule, String value) implements Step {
    public void run(World w) {
      w.edit(this);
    }
  }

  /** A person deletes a record. */
  record Delete(RecordType type, Side side, int pick) implements Step {
    public void run(World w) {
      w.delete(this);
    }
  }

  /** People edit the same field of a linked pair on both sides between two cycles. */
  record EditBoth(RecordType type, int pick, String rule, String synergyValue, String tinyPlusValue,
      boolean synergyFirst, long gapMillis) implements Step {
    public void run(World w) {
      w.editBoth(this);
    }
  }

  /** The clock moves on. */
  record Advance(long millis) implements Step {
    public void run(World w) {
      w.advance(millis);
    }
  }

  /** Synergy's list replica lag changes (0 to the contract's 5 s). */
  record ReplicaLag(long millis) implements Step {
    public void run(World w) {
      w.replicaLag(millis);
    }
  }

  /** The host calls {@code syncOnce()}. */
  record Sync() implements Step {
    public void run(World w) {
      w.sync();
    }
  }

  /** The host presses "Download all from Synergy". */
  record DownloadAll(RecordType type) implements Step {
    public void run(World w) {
      w.downloadAll(type);
    }
  }

  /** The host presses "Upload all to Synergy". */
  record UploadAll(RecordType type) implements Step {
    public void run(World w) {
      w.uploadAll(type);
    }
  }

  /**
   * A fault rule on one side's operation: {@code mode} 0 fails the next {@code n} calls, 1 fails only the n-th call,
   * 2 fails calls with probability n percent (at most five of them).
   */
  record Fault(Side side, String operation, FaultKind kind, int mode, int n) implements Step {
    public void run(World w) {
      w.fault(this);
    }
  }

  /** The engine process dies right after the n-th API call of the next operation is served. */
  record CrashAfter(int calls) implements Step {
    public void run(World w) {
      w.armCrash(calls);
    }
  }

  /**
   * At the n-th API call of the next operation a second engine on the same state store runs a cycle; with
   * {@code takeOver} the first engine's lease has expired by then.
   */
  record RaceAt(int calls, boolean takeOver) implements Step {
    public void run(World w) {
      w.armRace(calls, takeOver);
    }
  }

  /** After the n-th list page of the next operation is read, a person edits a record. */
  record EditWhileListing(int listCalls, Step edit) implements Step {
    public void run(World w) {
      w.armListEdit(listCalls, edit);
    }
  }

  /** A cycle of an engine with the master switch off: it must make no call and change no state. */
  record MasterSwitchOff() implements Step {
    public void run(World w) {
      w.masterSwitchOff();
    }
  }

  /** Faults stop; quiet cycles run; convergence, no lost edit and no echo write are checked. */
  record Quiesce() implements Step {
    public void run(World w) {
      w.quiesce();
    }
  }

  /** The kinds of injected fault. */
  enum FaultKind {
    RATE_LIMITED, SERVER_ERROR, BAD_GATEWAY, UNAVAILABLE, TIMEOUT, MALFORMED_BODY, AMBIGUOUS_WRITE
  }
}
