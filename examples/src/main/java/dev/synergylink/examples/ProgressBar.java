package dev.synergylink.examples;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.spi.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link ProgressListener} that draws a progress bar on a terminal, redrawn in place; when the output is not a
 * terminal (a pipe, a log file, a CI job) it prints a plain line at each quarter instead. Not thread-safe: the
 * engine calls it on one thread.
 */
public final class ProgressBar implements ProgressListener {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final String label;
  private int lastQuarter = -1;
  private boolean drawn;

  private ProgressBar(PrintStream out, boolean terminal, String label) {
    this.out = Objects.requireNonNull(out, "out == null");
    this.terminal = terminal;
    this.label = Objects.requireNonNull(label, "label == null");
  }

  /**
   * A progress bar on {@code out}, drawn in place when the JVM has a console and {@code out} is
   * {@code System.out}.
   *
   * @param out where to print
   * @param label what is being sent, e.g. {@code "Download all"}
   * @return the listener
   */
  public static ProgressBar on(PrintStream out, String label) {
    return new ProgressBar(out, out == System.out && System.console() != null, label);
  }

  /**
   * A progress bar that prints plain lines, as when the output is not a terminal.
   *
   * @param out where to print
   * @param label what is being sent
   * @return the listener
   */
  public static ProgressBar plain(PrintStream out, String label) {
    return new ProgressBar(out, false, label);
  }

  @Override
  public void onProgress(RecordType type, long done, long total) {
    long shown = Math.max(total, done);
    String name = String.format(Locale.ROOT, "  %-13s %-13s", label, Names.plural(type));
    if (terminal) {
      int filled = shown == 0 ? WIDTH : (int) (WIDTH * done / shown);
      out.print("\r" + name + "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
          + String.format(Locale.ROOT, "%3d/%-3d", done, shown));
      out.flush();
      drawn = true;
      return;
    }
    int quarter = shown == 0 ? 4 : (int) (4 * done / shown);
    if (quarter != lastQuarter) {
      lastQuarter = quarter;
      out.println(name + String.format(Locale.ROOT, "%3d%%  %d/%d", quarter * 25, done, shown));
    }
  }

  /** Ends the bar's line, when one was drawn in place. */
  public void finish() {
    if (drawn) {
      out.println();
      drawn = false;
    }
  }
}
