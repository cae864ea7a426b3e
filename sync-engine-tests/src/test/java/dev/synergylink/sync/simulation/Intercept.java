package dev.synergylink.sync.simulation;

import dev.synergylink.sync.Side;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Puts the simulation between the engine and the fakes without touching either: a dynamic proxy over a client
 * interface (and over the resource views it hands out) that tells {@link Listener} about every API call, so the
 * world can crash the engine after a call was served, run a second engine in the middle of a run, or let a person
 * edit a record between two list pages. A proxy over the {@code StateStore} makes a crashed engine's store calls
 * fail like those of a process that no longer exists.
 */
final class Intercept {
  private Intercept() {}

  /** Hears the API calls of one side. */
  interface Listener {
    /**
     * A call returned or failed.
     *
     * @param side the system called
     * @param resource the resource view the call went through ("" for the client itself)
     * @param method the client method
     * @param list whether it was a list call
     * @param result what the call returned, or null if it failed
     */
    void afterCall(Side side, String resource, String method, boolean list, Object result);

    /**
     * A call is about to be made (the record it writes is checked against what the person sees at that moment).
     *
     * @param side the system called
     * @param resource the resource view the call goes through ("" for the client itself)
     * @param method the client method
     * @param args the call's arguments
     */
    default void beforeCall(Side side, String resource, String method, Object[] args) {}

    /**
     * A call failed (before {@link #afterCall} hears of it).
     *
     * @param side the system called
     * @param resource the resource view the call went through ("" for the client itself)
     * @param method the client method
     * @param args the call's arguments
     * @param failure what the call threw
     */
    default void callFailed(Side side, String resource, String method, Object[] args, Throwable failure) {}
  }

  /** Client methods that reach the server (the rest are local: organisation(), recordLinks(), zone(), ...). */
  private static final Set<String> CALLS = Set.of("list", "get", "create", "patch", "delete", "createGhost",
      "currentUser", "projectStatuses", "account", "me");
  private static final Set<String> RESOURCES = Set.of("projects", "contacts", "personnel", "staff", "companies",
      "teamMembers", "projectPhases", "projectTypes");

  static <T> T client(Class<T> type, T target, Side side, Listener listener) {
    return client(type, target, side, "", listener);
  }

  private static <T> T client(Class<T> type, T target, Side side, String resourceName, Listener listener) {
    return proxy(type, target, (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return invoke(method, target, args);
      }
      if (RESOURCES.contains(method.getName()) && method.getReturnType().isInterface()) {
        @SuppressWarnings("unchecked")
        Class<Object> resource = (Class<Object>) method.getReturnType();
        return client(resource, invoke(method, target, args), side, method.getName(), listener);
      }
      if (!CALLS.contains(method.getName())) {
        return invoke(method, target, args);
      }
      listener.beforeCall(side, resourceName, method.getName(), args);
      Object result = null;
      try {
        result = invoke(method, target, args);
        return result;
      } catch (Throwable failure) {
        listener.callFailed(side, resourceName, method.getName(), args, failure);
        throw failure;
      } finally {
        listener.afterCall(side, resourceName, method.getName(), method.getName().equals("list"), result);
      }
    });
  }

  /** A view of {@code target} whose every call first asks {@code dead} and throws {@link SimulatedCrash} if so. */
  static <T> T dying(Class<T> type, T target, BooleanSupplier dead) {
    return proxy(type, target, (proxy, method, args) -> {
      if (method.getDeclaringClass() != Object.class && dead.getAsBoolean()) {
        throw new Intercept.SimulatedCrash("the engine's process is gone");
      }
      return invoke(method, target, args);
    });
  }

  private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(Intercept.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The engine's process stopped: what a kill -9 between two instructions looks like from inside the engine. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String message) {
      super(message, null, false, false);
    }
  }
}
