package dev.synergylink.sync.tests;

import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.StateStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A state store that keeps the name of every change made through it (taking the lease, and each method taking a lease:
 * its renewal and release included, {@code atomically} left out as it only groups changes) and hands every call to the
 * store underneath, the SPI's later methods included.
 */
final class StoreWrites {
  private static final Set<String> NOT_COUNTED = Set.of("atomically");

  final List<String> writes = new ArrayList<>();
  final StateStore store;

  StoreWrites(StateStore delegate) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("acquireLease")
          || args != null && args.length > 0 && args[0] instanceof Lease && !NOT_COUNTED.contains(method.getName())) {
        synchronized (writes) {
          writes.add(method.getName());
        }
      }
      try {
        return method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    store = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(), new Class<?>[] {StateStore.class},
        handler);
  }

  /** The changes since the last call, and forgets them. */
  List<String> take() {
    synchronized (writes) {
      List<String> taken = List.copyOf(writes);
      writes.clear();
      return taken;
    }
  }
}
