package dev.synergylink.sync.jdbc;

import static java.util.Objects.requireNonNull;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.Side;
import dev.synergylink.sync.jdbc.internal.BookkeepingTable;
import dev.synergylink.sync.jdbc.internal.CursorTable;
import dev.synergylink.sync.jdbc.internal.TransferTable;
import dev.synergylink.sync.jdbc.internal.Database;
import dev.synergylink.sync.jdbc.internal.FailureTable;
import dev.synergylink.sync.jdbc.internal.LeaseTable;
import dev.synergylink.sync.jdbc.internal.LinkTable;
import dev.synergylink.sync.jdbc.internal.PendingCreateTable;
import dev.synergylink.sync.jdbc.internal.ReportTable;
import dev.synergylink.sync.jdbc.internal.SchemaCreator;
import dev.synergylink.sync.jdbc.internal.Tables;
import dev.synergylink.sync.spi.Cursor;
import dev.synergylink.sync.spi.EncodedState;
import dev.synergylink.sync.spi.Lease;
import dev.synergylink.sync.spi.Link;
import dev.synergylink.sync.spi.PendingCreate;
import dev.synergylink.sync.spi.RecordFailure;
import dev.synergylink.sync.spi.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link StateStore} in a relational database reached through a {@link DataSource}: PostgreSQL in production, H2
 * embedded (a file database for a single machine, in memory for tests). Any number of connections share its six
 * tables, each connection's rows keyed by its connection id.
 *
 * <pre>{@code
 * JdbcStateStore store = JdbcStateStore.builder()
 *     .dataSource(dataSource)          // your pool; the store borrows a connection per call and gives it back
 *     .build();
 * store.createSchemaIfMissing();       // or let Flyway run db/migration/synergylink
 * SyncEngine engine = SyncEngine.builder().stateStore(store)...build();
 * }</pre>
 *
 * <p><b>Schema.</b> The tables are created by the SQL migrations on the classpath under
 * {@code db/migration/synergylink} in Flyway's naming ({@code V1__synergylink_state.sql}, then
 * {@code V2__synergylink_transfer.sql}, {@code V2_1__synergylink_bookkeeping.sql}, {@code V3__synergylink_report.sql}):
 * a host that runs Flyway adds that location; any other host calls {@link #createSchemaIfMissing()} once at start-up
 * (use one or the other), which also adds the tables of a later migration to a schema an earlier version created.
 * {@link Builder#schema(String)} puts the tables in a schema of their own.
 *
 * <p><b>Index reads.</b> Every look-up the engine makes is an index read: links by Synergy id through the primary key
 * {@code (connection_id, record_type, synergy_id)} and by tiny+ id through the unique index
 * {@code synergylink_link_tinyplus}; cursors, the lease, intents and failures of a record through their primary keys;
 * due failures through {@code synergylink_failure_due (connection_id, record_type, next_retry)}; intents through
 * {@code synergylink_pending_create_age}.
 *
 * <p><b>Leases and fencing.</b> Taking, renewing and giving up the lease are single conditional statements. Every
 * write checks the writer's fencing token in the same transaction as the write, holding the lease row's lock until
 * the commit, so a worker whose lease was taken over gets {@link dev.synergylink.sync.spi.LeaseLostException} and
 * never writes after the takeover. Giving the lease up keeps the run's last bookkeeping values (the Synergy calls it
 * spent) in the same transaction ({@link #releaseLease(Lease, Map)}). {@link #atomically} makes several writes one transaction; the engine uses it for
 * both sides' cursors. A page's link writes are each their own transaction on purpose: they are interleaved with the
 * remote creates they record (intent saved before the call, link after it), and their order, not one transaction,
 * is what a crash recovers from (see {@link StateStore#atomically}).
 *
 * <p>Instants are kept to the microsecond. Thread-safe.
 */
public final class JdbcStateStore implements StateStore {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final Database database;
  private final SchemaCreator schemaCreator;
  private final LeaseTable leases;
  private final LinkTable links;
  private final CursorTable cursors;
  private final TransferTable transfers;
  private final PendingCreateTable pendingCreates;
  private final FailureTable failures;
  private final ReportTable reports;

  private final BookkeepingTable bookkeeping;

  private JdbcStateStore(Builder builder) {
    Tables tables = new Tables(builder.schema);
    this.database = new Database(builder.dataSource, tables);
    this.schemaCreator = new SchemaCreator(builder.dataSource, builder.schema, tables);
    this.leases = new LeaseTable(database, tables);
    this.links = new LinkTable(database, tables);
    this.cursors = new CursorTable(database, tables);
    this.transfers = new TransferTable(database, tables);
    this.pendingCreates = new PendingCreateTable(database, tables);
    this.failures = new FailureTable(database, tables);
    this.reports = new ReportTable(database, tables);

    this.bookkeeping = new BookkeepingTable(database, tables);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the schema (and the tables' schema, when one is set) unless its tables are there already, by running the
   * same migration files Flyway would. For a host that does not run Flyway; safe to call at every start.
   *
   * @return true when the tables were created, false when they were there
   * @throws StateStoreDatabaseException when the database refuses
   */
  public boolean createSchemaIfMissing() {
    return schemaCreator.createIfMissing();
  }

  @Override
  public Optional<Lease> acquireLease(String connectionId, String holder, Instant now, Duration ttl) {
    requireNonNull(connectionId, "connectionId == null");
    requireNonNull(holder, "holder == null");
    requireNonNull(now, "now == null");
    requireNonNull(ttl, "ttl == null");
    return leases.acquire(connectionId, holder, now, ttl);
  }

  @Override
  public Optional<Lease> currentLease(String connectionId, Instant now) {
    return leases.current(requireNonNull(connectionId, "connectionId == null"), requireNonNull(now, "now == null"));
  }

  @Override
  public Lease renewLease(Lease lease, Instant now, Duration ttl) {
    return leases.renew(requireNonNull(lease, "lease == null"), requireNonNull(now, "now == null"),
        requireNonNull(ttl, "ttl == null"));
  }

  @Override
  public void releaseLease(Lease lease) {
    leases.release(requireNonNull(lease, "lease == null"));
  }

  /** Releases the lease and keeps the bookkeeping values in one transaction. */
  @Override
  public boolean releaseLease(Lease lease, Map<String, String> bookkeeping) {
    requireNonNull(lease, "lease == null");
    requireNonNull(bookkeeping, "bookkeeping == null");
    bookkeeping.keySet().forEach(JdbcStateStore::checkKey);
    return leases.release(lease, connection -> {
      for (Map.Entry<String, String> entry : bookkeeping.entrySet()) {
        this.bookkeeping.save(connection, lease.connectionId(), entry.getKey(),
            requireNonNull(entry.getValue(), "value == null"));
      }
      return null;
    });
  }

  @Override
  public <T> T atomically(Lease lease, Supplier<T> changes) {
    return database.atomically(requireNonNull(lease, "lease == null"), requireNonNull(changes, "changes == null"));
  }

  @Override
  public Map<Long, Link> linksBySynergyId(String connectionId, RecordType type, Collection<Long> synergyIds) {
    return links.byIds(connectionId, type, "synergy_id", synergyIds, Link::synergyId);
  }

  @Override
  public Map<Long, Link> linksByTinyPlusId(String connectionId, RecordType type, Collection<Long> tinyPlusIds) {
    return links.byIds(connectionId, type, "tinyplus_id", tinyPlusIds, Link::tinyPlusId);
  }

  @Override
  public List<Link> links(String connectionId, RecordType type) {
    return links.all(connectionId, type);
  }

  @Override
  public void saveLink(Lease lease, Link link) {
    links.save(requireNonNull(lease, "lease == null"), requireNonNull(link, "link == null"));
  }

  @Override
  public void deleteLink(Lease lease, RecordType type, long synergyId) {
    links.delete(requireNonNull(lease, "lease == null"), type, synergyId);
  }

  @Override
  public Optional<Cursor> cursor(String connectionId, RecordType type, Side side) {
    return cursors.read(connectionId, type, side);
  }

  @Override
  public void saveCursor(Lease lease, RecordType type, Side side, Cursor cursor) {
    cursors.save(requireNonNull(lease, "lease == null"), type, side, requireNonNull(cursor, "cursor == null"));
  }

  @Override
  public boolean transferred(String connectionId, RecordType type, Side side) {
    return transfers.read(requireNonNull(connectionId, "connectionId == null"), requireNonNull(type, "type == null"),
        requireNonNull(side, "side == null"));
  }

  @Override
  public void saveTransferred(Lease lease, RecordType type, Side side) {
    transfers.save(requireNonNull(lease, "lease == null"), requireNonNull(type, "type == null"),
        requireNonNull(side, "side == null"));
  }

  @Override
  public void savePendingCreate(Lease lease, PendingCreate intent) {
    pendingCreates.save(requireNonNull(lease, "lease == null"), requireNonNull(intent, "intent == null"));
  }

  @Override
  public List<PendingCreate> pendingCreates(String connectionId, RecordType type) {
    return pendingCreates.all(connectionId, type);
  }

  @Override
  public void completePendingCreate(Lease lease, PendingCreate intent) {
    pendingCreates.complete(requireNonNull(lease, "lease == null"), requireNonNull(intent, "intent == null"));
  }

  @Override
  public void saveFailure(Lease lease, RecordFailure failure) {
    failures.save(requireNonNull(lease, "lease == null"), requireNonNull(failure, "failure == null"));
  }

  @Override
  public void clearFailure(Lease lease, RecordType type, Side side, long recordId) {
    failures.clear(requireNonNull(lease, "lease == null"), type, side, recordId);
  }

  @Override
  public Map<Long, RecordFailure> failures(String connectionId, RecordType type, Side side,
      Collection<Long> recordIds) {
    return failures.byIds(connectionId, type, side, recordIds);
  }

  @Override
  public List<RecordFailure> dueFailures(String connectionId, RecordType type, Instant now, int limit) {
    return failures.due(connectionId, type, now, limit);
  }

  @Override
  public List<RecordFailure> failures(String connectionId) {
    return failures.all(connectionId);
  }

  // ---- connection bookkeeping (the API economy) ----

  @Override
  public Optional<String> bookkeeping(String connectionId, String key) {
    return bookkeeping.read(requireNonNull(connectionId, "connectionId == null"), requireNonNull(key, "key == null"));
  }

  @Override
  public void saveBookkeeping(Lease lease, String key, String value) {
    checkKey(key);
    bookkeeping.save(requireNonNull(lease, "lease == null"), key, requireNonNull(value, "value == null"));
  }

  private static void checkKey(String key) {
    requireNonNull(key, "key == null");
    if (key.length() > 100) {
      throw new IllegalArgumentException("a bookkeeping key is at most 100 characters, was " + key.length());
    }
  }

  @Override
  public void saveReport(String connectionId, EncodedState report, int keep) {
    reports.save(requireNonNull(connectionId, "connectionId == null"), requireNonNull(report, "report == null"),
        keep);
  }

  @Override
  public List<EncodedState> reports(String connectionId, int limit) {
    return reports.newest(requireNonNull(connectionId, "connectionId == null"), limit);
  }

  @Override
  public String toString() {
    return "JdbcStateStore";
  }

  /** Builds a {@link JdbcStateStore}. Not thread-safe. */
  public static final class Builder {
    private DataSource dataSource;
    private String schema;

    private Builder() {}

    /**
     * Where connections come from: the host's pool. Required.
     *
     * @param dataSource the data source
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = requireNonNull(dataSource, "dataSource == null");
      return this;
    }

    /**
     * The schema the tables live in, for a host that shares its database. Default: none, the connection's default
     * schema ({@code public} on PostgreSQL, {@code PUBLIC} on H2). A plain SQL identifier (letters, digits and
     * {@code _}), which the database folds to its case as usual.
     *
     * @param schema the schema
     * @return this builder
     * @throws IllegalArgumentException when the name is not a plain identifier
     */
    public Builder schema(String schema) {
      requireNonNull(schema, "schema == null");
      if (!IDENTIFIER.matcher(schema).matches()) {
        throw new IllegalArgumentException("schema must be a plain SQL identifier (letters, digits and _, starting"
            + " with a letter or _, at most 63 characters), not '" + schema + "'");
      }
      this.schema = schema;
      return this;
    }

    /**
     * Builds the store. It makes no connection until it is used.
     *
     * @return the store
     * @throws IllegalStateException when no data source was given
     */
    public JdbcStateStore build() {
      if (dataSource == null) {
        throw new IllegalStateException("JdbcStateStore needs a dataSource: call dataSource(yourPool)");
      }
      return new JdbcStateStore(this);
    }
  }
}
