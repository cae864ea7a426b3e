package dev.synergylink.sync.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a fake's write log ({@code fake.writes()}): a record created, changed or deleted, through the API or
 * by a person in the web app (the back door). Use it to assert what was written and by whom, e.g. that nothing was
 * ever written to Synergy staff through the API.
 *
 * <p>Immutable.
 */
public final class FakeWrite {
  /** Who wrote. */
  public enum Source {
    /** A call to the fake's API (in process or over HTTP). */
    API,
    /** A person in the web app: the fake's back door. */
    WEB_APP
  }

  /** What the write did. */
  public enum Action {
    /** A new record. */
    CREATE,
    /** A change to an existing record. */
    UPDATE,
    /** A delete: soft in tiny+ (the record stays, with {@code record_status} {@code deleted}), hard in Synergy. */
    DELETE
  }

  private final Instant at;
  private final Source source;
  private final Action action;
  private final String resource;
  private final long id;
  private final Map<String, Object> members;

  FakeWrite(Instant at, Source source, Action action, String resource, long id, Map<String, Object> members) {
    this.at = Objects.requireNonNull(at, "at == null");
    this.source = Objects.requireNonNull(source, "source == null");
    this.action = Objects.requireNonNull(action, "action == null");
    this.resource = Objects.requireNonNull(resource, "resource == null");
    this.id = id;
    this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /**
   * When the write happened, by the fake's clock.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * Who wrote.
   *
   * @return API or web app
   */
  public Source source() {
    return source;
  }

  /**
   * What the write did.
   *
   * @return create, update or delete
   */
  public Action action() {
    return action;
  }

  /**
   * The resource, named as in the contract's paths.
   *
   * @return e.g. {@code Projects}, {@code Personnel}, {@code companies}, {@code team_members}
   */
  public String resource() {
    return resource;
  }

  /**
   * The id of the record written.
   *
   * @return the id
   */
  public long id() {
    return id;
  }

  /**
   * The members the write sent, by their contract names, as the request gave them (null for a cleared member).
   *
   * @return an unmodifiable map in request order; empty for a delete
   */
  public Map<String, Object> members() {
    return members;
  }

  @Override
  public String toString() {
    return at + " " + source + " " + action + " " + resource + "/" + id + " " + members;
  }
}
