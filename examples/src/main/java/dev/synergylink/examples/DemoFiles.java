package dev.synergylink.examples;

import dev.synergylink.sync.Flow;
import dev.synergylink.sync.RecordEvent;
import dev.synergylink.sync.RecordOutcome;
import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.testkit.SynergyFake;
import dev.synergylink.sync.testkit.TinyPlusFake;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Where the demo keeps what a next run carries on from, all in one directory: the engine's state in an H2 file
 * database ({@code state.mv.db}, through {@code JdbcStateStore}), the two fakes' records beside it
 * ({@code synergy.data}, {@code tinyplus.data}: the fakes stand in for systems that keep their data, so a saved link
 * must find its records again), and the demo's own notes ({@code demo.properties}: the simulated time the run ended,
 * the run number and the fields the engine reported as not synced). The notes are written last and removed when a
 * run starts, so a run that stops half-way leaves no notes and the next run starts over. Not thread-safe.
 */
final class DemoFiles {
  private static final String NOTES = "demo.properties";
  private static final String SYNERGY = "synergy.data";
  private static final String TINYPLUS = "tinyplus.data";
  private static final String STATE = "state";

  private final Path directory;
  private Properties notes;

  DemoFiles(Path directory) {
    this.directory = directory.toAbsolutePath();
  }

  /** The directory, as the demo prints it. */
  Path directory() {
    return directory;
  }

  /** Whether an earlier run finished and saved everything: its notes, both fakes' records and the state. */
  boolean saved() {
    return Files.isRegularFile(directory.resolve(NOTES)) && Files.isRegularFile(directory.resolve(SYNERGY))
        && Files.isRegularFile(directory.resolve(TINYPLUS)) && Files.isRegularFile(directory.resolve(STATE + ".mv.db"));
  }

  /**
   * Starts a run that carries on: loads the fakes' records and the notes, then removes the notes, so that this run
   * must finish to be carried on from.
   */
  void carryOn(SynergyFake synergy, TinyPlusFake tinyPlus) {
    synergy.loadData(directory.resolve(SYNERGY));
    tinyPlus.loadData(directory.resolve(TINYPLUS));
    notes = new Properties();
    try (Reader in = Files.newBufferedReader(directory.resolve(NOTES), StandardCharsets.UTF_8)) {
      notes.load(in);
      Files.delete(directory.resolve(NOTES));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + directory.resolve(NOTES) + "; delete " + directory
          + " to start over", e);
    }
  }

  /** Starts a first run: removes what an unfinished run left, and only the demo's own files. */
  void startOver() {
    try {
      Files.createDirectories(directory);
      for (String file : List.of(NOTES, SYNERGY, TINYPLUS, STATE + ".mv.db", STATE + ".trace.db")) {
        Files.deleteIfExists(directory.resolve(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove the demo's files from " + directory, e);
    }
    notes = new Properties();
  }

  /** The engine's state database, an H2 file in the directory, behind a small pool that keeps it open. */
  JdbcConnectionPool database() {
    return JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve(STATE), "sa", "");
  }

  /** The number of the last finished run, 0 before the first. */
  int lastRun() {
    return Integer.parseInt(notes.getProperty("run", "0"));
  }

  /** The simulated time the last run ended. */
  Instant lastRunEnded() {
    return Instant.parse(notes.getProperty("ended"));
  }

  /** The fields the engine reported as not synced in earlier runs: a report is not repeated while nothing changes. */
  List<RecordEvent> notSynced() {
    List<RecordEvent> events = new ArrayList<>();
    for (int i = 0; notes.containsKey("notSynced." + i); i++) {
      String[] f = notes.getProperty("notSynced." + i).split("\\|", 6);
      events.add(RecordEvent.builder().recordType(RecordType.valueOf(f[0])).flow(Flow.valueOf(f[1]))
          .outcome(RecordOutcome.FIELD_NOT_SYNCED).synergyId(id(f[2])).tinyPlusId(id(f[3])).field(f[4])
          .message(f[5]).build());
    }
    return events;
  }

  /** Saves both fakes' records, then the notes that make the next run carry on. */
  void save(int run, Instant ended, List<RecordEvent> notSynced, SynergyFake synergy, TinyPlusFake tinyPlus) {
    synergy.saveData(directory.resolve(SYNERGY));
    tinyPlus.saveData(directory.resolve(TINYPLUS));
    Properties saved = new Properties();
    saved.setProperty("run", Integer.toString(run));
    saved.setProperty("ended", ended.toString());
    int i = 0;
    for (RecordEvent e : notSynced) {
      saved.setProperty("notSynced." + i++, e.recordType() + "|" + e.flow() + "|" + text(e.synergyId()) + "|"
          + text(e.tinyPlusId()) + "|" + e.field() + "|" + e.message());
    }
    try (Writer out = Files.newBufferedWriter(directory.resolve(NOTES), StandardCharsets.UTF_8)) {
      saved.store(out, "SynergyLink demo: the next run carries on from here; delete this directory to start over");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + directory.resolve(NOTES), e);
    }
  }

  private static Long id(String text) {
    return text.isEmpty() ? null : Long.valueOf(text);
  }

  private static String text(Long id) {
    return id == null ? "" : id.toString();
  }
}
