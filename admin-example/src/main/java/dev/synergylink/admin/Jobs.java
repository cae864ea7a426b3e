package dev.synergylink.admin;

import dev.synergylink.sync.SyncException;
import dev.synergylink.sync.SyncPreview;
import dev.synergylink.sync.SyncReport;
import dev.synergylink.sync.spi.ProgressListener;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.tinyplus.TinyPlusApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manual runs, one at a time on a thread of their own, so that the page answers while Download all runs and its
 * progress bar can ask how far it got.
 */
final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "admin-page-run");
    t.setDaemon(true);
    return t;
  });
  private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** Queues a run; {@code work} reports progress to the listener it is given. */
  Job start(String label, Function<ProgressListener, SyncReport> work) {
    return queue(new Job(ids.incrementAndGet(), label, null), progress -> {
      SyncReport report = work.apply(progress);
      return () -> report;
    });
  }

  /**
   * Queues a preview; {@code run} names the operation it previews (its form fields), for the Run it now button.
   */
  Job preview(String label, List<String> run, Function<ProgressListener, SyncPreview> work) {
    return queue(new Job(ids.incrementAndGet(), label, run), progress -> {
      SyncPreview preview = work.apply(progress);
      return () -> preview;
    });
  }

  private Job queue(Job job, Function<ProgressListener, Supplier<Object>> work) {
    jobs.put(job.id, job);
    executor.execute(() -> {
      try {
        Object result = work.apply((type, done, total) -> {
          job.total = total;
          job.done = done;
        }).get();
        if (result instanceof SyncPreview) {
          job.preview = (SyncPreview) result;
        } else {
          job.report = (SyncReport) result;
        }
      } catch (RuntimeException e) {
        // the SDK's messages hold no token; anything else is said by its type only
        job.failure = e instanceof SyncException || e instanceof SynergyApiException
            || e instanceof TinyPlusApiException ? e.getMessage() : e.getClass().getSimpleName() + " (see the log)";
        LOG.warn("{} failed", job.label, e);
      } finally {
        job.finished = true;
      }
    });
    return job;
  }

  Job get(int id) {
    return jobs.get(id);
  }

  /** The runs, newest first. */
  List<Job> all() {
    List<Job> all = new ArrayList<>(jobs.values());
    all.sort((a, b) -> Integer.compare(b.id, a.id));
    return all;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One run: how far it got, then its report or why it failed. */
  static final class Job {
    final int id;
    final String label;
    final Instant queued = Instant.now();
    volatile long done;
    volatile long total;
    volatile boolean finished;
    volatile SyncReport report;
    volatile SyncPreview preview;
    volatile String failure;
    /** For a preview: the form fields of the run it previews; null for a run. */
    final List<String> previewed;

    Job(int id, String label, List<String> previewed) {
      this.id = id;
      this.label = label;
      this.previewed = previewed;
    }

    /** The progress as JSON for the progress bar's script (numbers and booleans only). */
    String progressJson() {
      return "{\"done\":" + done + ",\"total\":" + total + ",\"finished\":" + finished + "}";
    }
  }
}
