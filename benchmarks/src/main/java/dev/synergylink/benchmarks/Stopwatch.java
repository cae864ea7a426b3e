package dev.synergylink.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Times (in CPU time of the calling thread) the calls the engine makes into its clients and its state store, at their
 * interfaces: the time of the
 * outermost call only (a client's resource handing back another resource is not counted twice). The engine's own
 * time of a cycle is the cycle's time less {@link #clientNanos()} and {@link #storeNanos()}. Not thread-safe: one
 * cycle on one thread.
 */
final class Stopwatch {
  /** The client interfaces whose calls hand back a resource to time as well (not a record, not a page). */
  private static final Set<String> RESOURCES = Set.of("SynergyProjects", "SynergyContacts", "SynergyPersonnel",
      "SynergyStaff", "RecordLinks", "TinyPlusProjects", "TinyPlusCompanies", "TinyPlusContacts",
      "TinyPlusTeamMembers", "TinyPlusProjectPhases", "TinyPlusProjectTypes");

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * The CPU time one reading of the thread's CPU clock costs. Each timed call reads it twice, and about one reading's
   * cost falls outside the timed span (the part of the first reading before its instant, and of the second after
   * it), so it would count as the engine's own; on a virtual machine a reading costs microseconds (2 us here), as
   * much as the engine's own work per call. Measured once, as the median of a few batches.
   */
  static final long CLOCK_NANOS = clockCost();

  private long clientNanos;
  private long storeNanos;
  private long storeCalls;
  private long timedCalls;
  private long outsideBytes;
  private final Map<String, Long> storeCallsByMethod = new TreeMap<>();
  private int depth;

  /** Time spent in client calls since the last {@link #reset()}. */
  long clientNanos() {
    return clientNanos;
  }

  /** Time spent in state store calls since the last {@link #reset()}. */
  long storeNanos() {
    return storeNanos;
  }

  /**
   * The CPU time the stopwatch's own clock readings took outside the timed calls since the last {@link #reset()}: the
   * engine's own time is the cycle's less this, less the clients' and the store's.
   */
  long overheadNanos() {
    return timedCalls * CLOCK_NANOS;
  }

  /** Bytes allocated in client and state store calls since the last {@link #reset()}. */
  long outsideBytes() {
    return outsideBytes;
  }

  /** State store calls since the last {@link #reset()}. */
  long storeCalls() {
    return storeCalls;
  }

  /** State store calls since the last {@link #reset()}, per method. */
  Map<String, Long> storeCallsByMethod() {
    return Map.copyOf(storeCallsByMethod);
  }

  void reset() {
    clientNanos = 0;
    storeNanos = 0;
    storeCalls = 0;
    timedCalls = 0;
    outsideBytes = 0;
    storeCallsByMethod.clear();
  }

  /**
   * The target behind a proxy that times each call.
   *
   * @param type the interface
   * @param target the implementation
   * @param <X> the interface type
   * @return the timed proxy
   */
  <X> X timed(Class<X> type, X target) {
    boolean store = type.getSimpleName().equals("StateStore");
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> call(store, method, target, args)));
  }

  private Object call(boolean store, Method method, Object target, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(target, args);
    }
    long start = cpuNanos();
    long bytes = allocatedBytes();
    if (store && depth == 0) {
      // counted inside the timed span: the stopwatch's bookkeeping is not the engine's
      storeCallsByMethod.merge(method.getName(), 1L, Long::sum);
    }
    depth++;
    try {
      Object result = method.invoke(target, args);
      Class<?> returned = method.getReturnType();
      if (result != null && returned.isInterface() && RESOURCES.contains(returned.getSimpleName())) {
        return wrap(returned, result);
      }
      return result;
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      depth--;
      if (depth == 0) {
        outsideBytes += allocatedBytes() - bytes;
        long spent = cpuNanos() - start;
        timedCalls++;
        if (store) {
          storeNanos += spent;
          storeCalls++;
        } else {
          clientNanos += spent;
        }
      }
    }
  }

  /**
   * The CPU time of the current thread: on a shared machine, wall time would count the time other processes held the
   * CPU.
   */
  static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /**
   * The bytes the current thread allocated so far: unlike CPU time, not swayed by the machine's load, so that two
   * versions of the engine compare on a busy machine.
   */
  static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) THREADS).getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static long clockCost() {
    long[] batches = new long[9];
    for (int b = 0; b < batches.length; b++) {
      long start = cpuNanos();
      for (int i = 0; i < 1000; i++) {
        cpuNanos();
      }
      batches[b] = (cpuNanos() - start) / 1001;
    }
    java.util.Arrays.sort(batches);
    return batches[batches.length / 2];
  }

  private <X> Object wrap(Class<X> type, Object target) {
    return timed(type, type.cast(target));
  }
}
