package dev.synergylink.admin;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the reference admin page on the fake servers: no setup, no real account. Open the address it prints.
 *
 * <pre>{@code
 * mvn -q compile exec:java -pl admin-example -am -Dadmin
 * }</pre>
 */
public final class AdminExample {
  /** The port the page listens on unless the first argument names another (0: a free one). */
  public static final int DEFAULT_PORT = 7070;

  private AdminExample() {}

  /**
   * Runs the page until the process is stopped (Ctrl+C).
   *
   * @param args optionally the port
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
    FakeWorld world = FakeWorld.start();
    AdminPage page = AdminPage.start(world, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      page.close();
      world.close();
      stopped.countDown();
    }, "admin-page-stop"));
    System.out.println("SynergyLink admin page on " + page.url() + " (fake Synergy and tiny+ servers on this"
        + " machine). Press Ctrl+C to stop.");
    stopped.await();
  }
}
