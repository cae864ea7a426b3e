package dev.synergylink.sync.testkit;

/**
 * One endpoint and method of a faked API, such as {@code GET /Organisation/{org}/Projects}. Call counts and fault
 * rules are keyed by operation; {@link SynergyOperation} and {@link TinyPlusOperation} list them.
 */
public interface FakeOperation {
  /**
   * The HTTP method.
   *
   * @return {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}
   */
  String method();

  /**
   * The path template as the contract writes it.
   *
   * @return e.g. {@code /Organisation/{org}/Projects/{id}}
   */
  String pathTemplate();

  /**
   * Whether the operation changes data on the server.
   *
   * @return true for POST, PATCH and DELETE
   */
  default boolean isWrite() {
    return !"GET".equals(method());
  }
}
