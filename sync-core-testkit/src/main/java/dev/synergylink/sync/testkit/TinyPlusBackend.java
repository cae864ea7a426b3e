package dev.synergylink.sync.testkit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The state and rules of the tiny+ fake, keyed by the contract's member names. Dates are held as account-local
 * {@link LocalDateTime}s to the second, as tiny+ holds them; filters compare in local time. The in-process fake and
 * the HTTP fake server both serve from one instance. Thread-safe: every method locks the instance.
 */
final class TinyPlusBackend {
  static final String IN_PROCESS_TOKEN = "in-process";
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  static final List<String> STATES = List.of("proposed", "won", "active", "completed", "lost", "cancelled");

  private static final Set<String> SYNC_FIELDS =
      Set.of("external_url", "remote_id", "sync_origin", "is_synced", "locked_fields");
  private static final Set<String> READ_ONLY =
      Set.of("id", "name", "record_url", "created_date", "modified_date", "related", "account_admin");
  private static final Set<String> ADDRESS = Set.of("street", "suburb", "state", "postcode", "country");

  /** The record resources, named as in the contract's paths. */
  enum Resource {
    PROJECTS("projects", "Project", 30001, Set.of("name", "project_number", "description", "state", "phase",
        "project_type", "assigned_user", "client_company", "value", "address", "record_status")),
    COMPANIES("companies", "Company", 10001, Set.of("name", "physical_address", "email", "website", "abn", "mobile",
        "office_phone", "twitter", "record_status")),
    CONTACTS("contacts", "Contact", 20001, Set.of("first_name", "last_name", "role", "direct", "email_address",
        "website", "mobile", "office_phone", "twitter", "primary_company", "record_status")),
    TEAM_MEMBERS("team_members", "Team member", 1, Set.of("name", "email", "direct", "mobile", "title",
        "record_status"));

    final String path;
    final String noun;
    final long firstId;
    final Set<String> writable;

    Resource(String path, String noun, long firstId, Set<String> own) {
      this.path = path;
      this.noun = noun;
      this.firstId = firstId;
      Set<String> all = new HashSet<>(own);
      all.addAll(SYNC_FIELDS);
      this.writable = Set.copyOf(all);
    }
  }

  /** One page of a list. */
  record Listing(List<Map<String, Object>> records, int total, int start, int limit) {}

  private final Clock clock;
  private final ZoneId zone;
  private final long accountId;
  private final String accountName;
  final Faults faults;
  final CallCounts calls = new CallCounts();
  final ViolationLog violations;
  private final List<FakeWrite> writes = new ArrayList<>();
  private final RateLimiter perMinute = new RateLimiter(Duration.ofMinutes(1), 300);
  private final Map<Resource, TreeMap<Long, Map<String, Object>>> tables = new LinkedHashMap<>();
  private final Map<Resource, Long> nextIds = new LinkedHashMap<>();
  private final TreeMap<Long, Map<String, Object>> phases = new TreeMap<>();
  private final TreeMap<Long, Map<String, Object>> projectTypes = new TreeMap<>();
  private long nextPhaseId = 1;
  private long nextProjectTypeId = 1;
  private long meId;

  TinyPlusBackend(Clock clock, ZoneId zone, long accountId, String accountName, long seed) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.zone = Objects.requireNonNull(zone, "zone == null");
    this.accountId = accountId;
    this.accountName = accountName;
    this.faults = new Faults(seed);
    this.violations = new ViolationLog(clock);
    for (Resource r : Resource.values()) {
      tables.put(r, new TreeMap<>());
      nextIds.put(r, r.firstId);
    }
  }

  ZoneId zone() {
    return zone;
  }

  Clock clock() {
    return clock;
  }

  synchronized void enforcePerMinuteLimit(int calls) {
    perMinute.enforce(calls);
  }

  synchronized List<FakeWrite> writes() {
    return List.copyOf(writes);
  }

  synchronized void clearWrites() {
    writes.clear();
  }

  /**
   * Serves one API call: counts it, applies the rate limit and the fault rules, then runs it. A refusal for breaking
   * the contract is recorded against {@code path} (as the contract writes it, e.g. {@code /projects/30001}).
   */
  synchronized <T> T serve(TinyPlusOperation op, String path, String token, Supplier<T> work) {
    try {
      return serveCounted(op, token, work);
    } catch (FakeError e) {
      violations.record(op.method(), path, e);
      throw e;
    }
  }

  private <T> T serveCounted(TinyPlusOperation op, String token, Supplier<T> work) {
    Instant now = clock.instant();
    calls.record(op);
    if (!perMinute.hasRoom(token, now)) {
      throw FakeError.rateLimited("More than " + perMinute.limit() + " requests per minute.",
          perMinute.retryAfter(now));
    }
    perMinute.acquire(token, now);
    return faults.apply(op, work);
  }

  synchronized Map<String, Object> account() {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("id", accountId);
    account.put("name", accountName);
    account.put("timezone", zone.getId());
    account.put("currency", "AUD");
    return account;
  }

  synchronized Map<String, Object> me() {
    Map<String, Object> me = tables.get(Resource.TEAM_MEMBERS).get(meId);
    if (me == null) {
      throw FakeError.http(401, "The token does not belong to a team member.");
    }
    return view(Resource.TEAM_MEMBERS, me);
  }

  synchronized void setMe(long teamMemberId) {
    if (!tables.get(Resource.TEAM_MEMBERS).containsKey(teamMemberId)) {
      throw new IllegalArgumentException("no team member with id " + teamMemberId);
    }
    meId = teamMemberId;
  }

  // ---------------------------------------------------------------- lists and reads

  synchronized Listing list(Resource resource, Map<String, String> params) {
    Validation v = new Validation();
    int limit = v.intParam(params, "limit", 15, 1, 100);
    int start = v.intParam(params, "start", 0, 0, Integer.MAX_VALUE);
    String sort = params.getOrDefault("sort", "id asc");
    if (!List.of("id asc", "id desc", "modified_date asc", "modified_date desc").contains(sort)) {
      v.add("sort", "must be one of: id asc, id desc, modified_date asc, modified_date desc.");
    }
    String withRelated = params.getOrDefault("with_related", "1");
    if (!withRelated.equals("0") && !withRelated.equals("1")) {
      v.add("with_related", "must be 0 or 1.");
    }
    List<Predicate<Map<String, Object>>> filters = new ArrayList<>();
    for (Map.Entry<String, String> e : params.entrySet()) {
      String name = e.getKey();
      if (List.of("limit", "start", "sort", "with_related").contains(name)) {
        continue;
      }
      Predicate<Map<String, Object>> filter = filter(resource, name, e.getValue(), v);
      if (filter != null) {
        filters.add(filter);
      }
    }
    if (resource == Resource.TEAM_MEMBERS && params.containsKey("record_status")
        && !List.of("active", "ghost", "deactivated").contains(params.get("record_status"))) {
      v.add("record_status", "must be one of active, ghost, deactivated.");
    }
    if (!params.containsKey("record_status") && resource != Resource.TEAM_MEMBERS) {
      filters.add(r -> !"deleted".equals(r.get("record_status")));
    }
    v.throwIfAny();
    Predicate<Map<String, Object>> filter = filters.stream().reduce(r -> true, Predicate::and);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : tables.get(resource).values()) {
      if (filter.test(row)) {
        rows.add(row);
      }
    }
    Comparator<Map<String, Object>> byId = Comparator.comparing(r -> (Long) r.get("id"));
    Comparator<Map<String, Object>> order;
    switch (sort) {
      case "id desc":
        order = byId.reversed();
        break;
      case "modified_date asc":
        order = Comparator.<Map<String, Object>, LocalDateTime>comparing(r -> (LocalDateTime) r.get("modified_date"))
            .thenComparing(byId);
        break;
      case "modified_date desc":
        order = Comparator.<Map<String, Object>, LocalDateTime>comparing(
            r -> (LocalDateTime) r.get("modified_date"), Comparator.reverseOrder()).thenComparing(byId);
        break;
      default:
        order = null; // the table is in id order already
    }
    if (order != null) {
      rows.sort(order);
    }
    List<Map<String, Object>> page = new ArrayList<>();
    for (int i = start; i < rows.size() && i < (long) start + limit; i++) {
      page.add(withRelated.equals("1") ? withRelated(resource, view(resource, rows.get(i)))
          : view(resource, rows.get(i)));
    }
    return new Listing(page, rows.size(), start, limit);
  }

  synchronized Map<String, Object> get(Resource resource, long id, boolean withRelated) {
    Map<String, Object> row = tables.get(resource).get(id);
    if (row == null) {
      throw FakeError.notFound(resource.noun, id);
    }
    return withRelated ? withRelated(resource, view(resource, row)) : view(resource, row);
  }

  synchronized Listing phases(Map<String, String> params) {
    return fixedList(phases, params);
  }

  synchronized Listing projectTypes(Map<String, String> params) {
    return fixedList(projectTypes, params);
  }

  synchronized Map<String, Object> createProjectType(Map<String, Object> members, FakeWrite.Source source) {
    Validation v = Validation.of(source);
    v.onlyMembers(members, Set.of("name"), Set.of("id"));
    String name = v.string(members, "name", true, false, 100);
    v.throwIfAny();
    for (Map<String, Object> type : projectTypes.values()) {
      if (((String) type.get("name")).equalsIgnoreCase(name)) {
        throw FakeError.conflict("name", "A project type named " + type.get("name") + " already exists.");
      }
    }
    Map<String, Object> type = new LinkedHashMap<>();
    type.put("id", nextProjectTypeId++);
    type.put("name", name);
    projectTypes.put((Long) type.get("id"), Collections.unmodifiableMap(type));
    writes.add(new FakeWrite(clock.instant(), source, FakeWrite.Action.CREATE, "project_types",
        (Long) type.get("id"), members));
    return new LinkedHashMap<>(type);
  }

  synchronized Map<String, Object> addPhase(String name, String state, Integer sortOrder) {
    Objects.requireNonNull(name, "name == null");
    if (!STATES.contains(state)) {
      throw new IllegalArgumentException("state must be one of " + STATES + ", was " + state);
    }
    Map<String, Object> phase = new LinkedHashMap<>();
    long id = nextPhaseId++;
    phase.put("id", id);
    phase.put("name", name);
    phase.put("state", state);
    phase.put("sort_order", sortOrder != null ? sortOrder : (int) id);
    phases.put(id, Collections.unmodifiableMap(phase));
    return new LinkedHashMap<>(phase);
  }

  // ---------------------------------------------------------------- writes

  synchronized Map<String, Object> create(Resource resource, Map<String, Object> members, FakeWrite.Source source) {
    LocalDateTime now = now();
    Validation v = Validation.of(source);
    v.onlyMembers(members, writable(resource, source), READ_ONLY);
    Map<String, Object> row = new LinkedHashMap<>();
    long id = nextIds.get(resource);
    row.put("id", id);
    defaults(resource, row, source);
    checkAndApply(resource, row, null, members, v, source);
    v.throwIfAny();
    nextIds.put(resource, id + 1);
    row.put("created_date", now);
    row.put("modified_date", now);
    tables.get(resource).put(id, Collections.unmodifiableMap(row));
    writes.add(new FakeWrite(clock.instant(), source, FakeWrite.Action.CREATE, resource.path, id, members));
    return view(resource, row);
  }

  synchronized Map<String, Object> patch(Resource resource, long id, Map<String, Object> members,
      FakeWrite.Source source) {
    Map<String, Object> old = tables.get(resource).get(id);
    if (old == null) {
      throw FakeError.notFound(resource.noun, id);
    }
    Validation v = Validation.of(source);
    v.onlyMembers(members, writable(resource, source), READ_ONLY);
    Map<String, Object> row = new LinkedHashMap<>(old);
    checkAndApply(resource, row, old, members, v, source);
    v.throwIfAny();
    row.put("modified_date", now());
    tables.get(resource).put(id, Collections.unmodifiableMap(row));
    writes.add(new FakeWrite(clock.instant(), source, FakeWrite.Action.UPDATE, resource.path, id, members));
    return view(resource, row);
  }

  synchronized Map<String, Object> delete(Resource resource, long id, FakeWrite.Source source) {
    if (resource == Resource.TEAM_MEMBERS) {
      throw FakeError.methodNotAllowed("DELETE", "/team_members/" + id, List.of("GET", "PATCH"));
    }
    Map<String, Object> old = tables.get(resource).get(id);
    if (old == null) {
      throw FakeError.notFound(resource.noun, id);
    }
    Map<String, Object> row = new LinkedHashMap<>(old);
    row.put("record_status", "deleted");
    row.put("modified_date", now());
    tables.get(resource).put(id, Collections.unmodifiableMap(row));
    writes.add(new FakeWrite(clock.instant(), source, FakeWrite.Action.DELETE, resource.path, id, Map.of()));
    return view(resource, row);
  }

  synchronized List<Map<String, Object>> all(Resource resource) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> row : tables.get(resource).values()) {
      result.add(view(resource, row));
    }
    return result;
  }

  synchronized List<Map<String, Object>> allPhases() {
    return new ArrayList<>(phases.values());
  }

  synchronized List<Map<String, Object>> allProjectTypes() {
    return new ArrayList<>(projectTypes.values());
  }

  // ---------------------------------------------------------------- saved data

  /** The records, phases, project types, id counters and API user, as plain JDK values. */
  synchronized Map<String, Object> data() {
    Map<String, Object> data = new LinkedHashMap<>();
    for (Resource r : Resource.values()) {
      data.put(r.name(), new TreeMap<>(tables.get(r)));
      data.put(r.name() + ".nextId", nextIds.get(r));
    }
    data.put("phases", new TreeMap<>(phases));
    data.put("projectTypes", new TreeMap<>(projectTypes));
    data.put("ids", new ArrayList<>(List.of(nextPhaseId, nextProjectTypeId, meId)));
    return data;
  }

  /** Replaces every record, phase, project type, id counter and the API user with {@code data}; empties the log. */
  @SuppressWarnings("unchecked")
  synchronized void replaceData(Map<String, Object> data) {
    for (Resource r : Resource.values()) {
      tables.get(r).clear();
      tables.get(r).putAll((Map<Long, Map<String, Object>>) data.get(r.name()));
      nextIds.put(r, (Long) data.get(r.name() + ".nextId"));
    }
    phases.clear();
    phases.putAll((Map<Long, Map<String, Object>>) data.get("phases"));
    projectTypes.clear();
    projectTypes.putAll((Map<Long, Map<String, Object>>) data.get("projectTypes"));
    List<Long> ids = (List<Long>) data.get("ids");
    nextPhaseId = ids.get(0);
    nextProjectTypeId = ids.get(1);
    meId = ids.get(2);
    writes.clear();
  }

  // ---------------------------------------------------------------- rules

  private static Set<String> writable(Resource resource, FakeWrite.Source source) {
    if (source == FakeWrite.Source.WEB_APP && resource == Resource.TEAM_MEMBERS) {
      Set<String> s = new HashSet<>(resource.writable);
      s.add("account_admin");
      return s;
    }
    return resource.writable;
  }

  private static void defaults(Resource resource, Map<String, Object> row, FakeWrite.Source source) {
    for (String f : resource.writable) {
      row.put(f, null);
    }
    row.put("is_synced", false);
    row.put("locked_fields", List.of());
    switch (resource) {
      case PROJECTS:
        row.put("state", "proposed");
        row.put("record_status", "active");
        break;
      case COMPANIES:
      case CONTACTS:
        row.put("record_status", "active");
        break;
      case TEAM_MEMBERS:
        row.put("record_status", "ghost");
        row.put("account_admin", false);
        break;
      default:
        throw new AssertionError(resource);
    }
  }

  private void checkAndApply(Resource resource, Map<String, Object> row, Map<String, Object> old,
      Map<String, Object> m, Validation v, FakeWrite.Source source) {
    boolean create = old == null;
    boolean webApp = source == FakeWrite.Source.WEB_APP;
    v.string(m, "external_url", false, true, 500);
    v.string(m, "remote_id", false, true, 200);
    v.string(m, "sync_origin", false, true, 50);
    if (m.containsKey("is_synced")) {
      v.bool(m, "is_synced");
    }
    if (m.containsKey("locked_fields")) {
      Object lf = m.get("locked_fields");
      if (!(lf instanceof List) || ((List<?>) lf).stream().anyMatch(x -> !(x instanceof String))) {
        v.add("locked_fields", "must be a list of field names.");
      }
    }
    switch (resource) {
      case PROJECTS:
        v.string(m, "name", create, false, 255);
        v.notEmpty(m, "name");
        v.string(m, "project_number", false, true, 50);
        v.string(m, "description", false, true, 0);
        if (m.containsKey("state") && !STATES.contains(m.get("state"))) {
          v.add("state", "must be one of " + String.join(", ", STATES) + ".");
        }
        v.id(m, "phase", false, true);
        String type = v.string(m, "project_type", false, true, 0);
        if (type != null && projectTypes.values().stream().noneMatch(t -> type.equals(t.get("name")))) {
          v.add("project_type", "There is no project type named " + type + "; add it to /project_types first.");
        }
        checkReference(v, m, "assigned_user", Resource.TEAM_MEMBERS, r -> !"deactivated".equals(r.get("record_status")),
            "active or ghost team member");
        checkReference(v, m, "client_company", Resource.COMPANIES, r -> !"deleted".equals(r.get("record_status")),
            "company");
        v.decimal(m, "value", true);
        addressObject(v, m, "address");
        recordStatus(v, m, webApp ? List.of("active", "archived", "deleted") : List.of("active", "archived"));
        break;
      case COMPANIES:
        v.string(m, "name", create, false, 255);
        v.notEmpty(m, "name");
        addressObject(v, m, "physical_address");
        for (String f : List.of("email", "website", "abn", "mobile", "office_phone", "twitter")) {
          v.string(m, f, false, true, 0);
        }
        recordStatus(v, m, webApp ? List.of("prospect", "active", "latent", "archived", "deleted")
            : List.of("prospect", "active", "latent", "archived"));
        break;
      case CONTACTS:
        for (String f : List.of("first_name", "last_name", "role", "direct", "email_address", "website", "mobile",
            "office_phone", "twitter")) {
          v.string(m, f, false, true, 0);
        }
        checkReference(v, m, "primary_company", Resource.COMPANIES, r -> !"deleted".equals(r.get("record_status")),
            "company");
        recordStatus(v, m, webApp ? List.of("active", "archived", "deleted") : List.of("active", "archived"));
        break;
      case TEAM_MEMBERS:
        v.string(m, "name", create, false, 0);
        v.notEmpty(m, "name");
        for (String f : List.of("email", "direct", "mobile", "title")) {
          v.string(m, f, false, true, 0);
        }
        if (m.containsKey("record_status")) {
          Object status = m.get("record_status");
          if (webApp) {
            if (!List.of("active", "ghost", "deactivated").contains(status)) {
              v.add("record_status", "must be active, ghost or deactivated.");
            }
          } else if (create && !"ghost".equals(status)) {
            v.add("record_status", "Only ghost team members can be created through the API; active ones are"
                + " invited from the app.");
          } else if (!create && !"ghost".equals(status) && !"deactivated".equals(status)) {
            v.add("record_status", "must be ghost or deactivated.");
          }
        }
        if (!create && !webApp && m.containsKey("email") && "active".equals(old.get("record_status"))
            && !Objects.equals(m.get("email"), old.get("email"))) {
          v.add("email", "The email of an active team member cannot be changed.");
        }
        if (m.containsKey("account_admin")) {
          v.bool(m, "account_admin");
        }
        break;
      default:
        throw new AssertionError(resource);
    }
    if (v.hasErrors()) {
      return;
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Number) {
        // a fee is a decimal however it was written (1500 or 1500.00); everything else numeric is an id
        value = e.getKey().equals("value") ? Validation.toDecimal(value) : Validation.toLong(value);
      } else if (value instanceof List) {
        value = List.copyOf((List<?>) value);
      } else if (value instanceof Map) {
        value = address(value);
      }
      row.put(e.getKey(), value);
    }
    if (resource == Resource.PROJECTS && row.get("phase") != null) {
      Map<String, Object> phase = phases.get((Long) row.get("phase"));
      if (phase == null) {
        v.add("phase", "There is no project phase with id " + row.get("phase") + ".");
      } else if (!phase.get("state").equals(row.get("state"))) {
        v.add("phase", "The phase " + row.get("phase") + " (" + phase.get("name") + ") belongs to state "
            + phase.get("state") + ", not " + row.get("state") + ".");
      }
    }
    if (resource == Resource.CONTACTS && isBlank(row.get("first_name")) && isBlank(row.get("last_name"))) {
      v.add("first_name", "At least one of first_name and last_name must not be empty.");
    }
  }

  private void checkReference(Validation v, Map<String, Object> m, String field, Resource target,
      Predicate<Map<String, Object>> usable, String what) {
    Long id = v.id(m, field, false, true);
    if (id != null) {
      Map<String, Object> row = tables.get(target).get(id);
      if (row == null || !usable.test(row)) {
        v.addStale(field, "There is no " + what + " with id " + id + ".");
      }
    }
  }

  private static void recordStatus(Validation v, Map<String, Object> m, List<String> allowed) {
    if (m.containsKey("record_status") && !allowed.contains(m.get("record_status"))) {
      v.add("record_status", "must be one of " + String.join(", ", allowed) + ".");
    }
  }

  private static void addressObject(Validation v, Map<String, Object> m, String field) {
    Map<String, Integer> keys = new LinkedHashMap<>();
    ADDRESS.forEach(k -> keys.put(k, 0));
    v.stringObject(m, field, keys);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> address(Object value) {
    Map<String, Object> address = new LinkedHashMap<>();
    for (String k : List.of("street", "suburb", "state", "postcode", "country")) {
      address.put(k, ((Map<String, Object>) value).get(k));
    }
    return Collections.unmodifiableMap(address);
  }

  private Predicate<Map<String, Object>> filter(Resource resource, String name, String raw, Validation v) {
    Set<String> known = new HashSet<>(resource.writable);
    known.addAll(List.of("id", "name", "created_date", "modified_date", "account_admin"));
    if (!known.contains(name) || name.equals("locked_fields") || name.endsWith("address")) {
      v.add(name, "is not a field that " + resource.path + " can be filtered by.");
      return null;
    }
    int op = 0;
    String value = raw;
    if (raw.startsWith(">") || raw.startsWith("<")) {
      op = raw.charAt(0) == '>' ? 1 : -1;
      value = raw.substring(1);
    }
    Comparable<?> wanted;
    try {
      wanted = parseFilterValue(name, value);
    } catch (RuntimeException e) {
      v.add(name, "has a value that cannot be read: " + raw
          + (name.endsWith("_date") ? " (expected YYYY-MM-DD hh:mm:ss in the account time zone)" : ""));
      return null;
    }
    int direction = op;
    Comparable<?> target = wanted;
    return row -> {
      Object actual = name.equals("name") && resource == Resource.CONTACTS ? contactName(row) : row.get(name);
      if (actual == null) {
        return false;
      }
      int c = compare(actual, target);
      return direction == 0 ? c == 0 : Integer.signum(c) == direction;
    };
  }

  private static Comparable<?> parseFilterValue(String name, String value) {
    switch (name) {
      case "created_date":
      case "modified_date":
        return LocalDateTime.parse(value, LOCAL);
      case "id":
      case "phase":
      case "assigned_user":
      case "client_company":
      case "primary_company":
        return Long.parseLong(value);
      case "value":
        return new BigDecimal(value);
      case "is_synced":
      case "account_admin":
        if (!List.of("0", "1", "true", "false").contains(value)) {
          throw new IllegalArgumentException(value);
        }
        return value.equals("1") || value.equals("true");
      default:
        return value;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object actual, Comparable<?> wanted) {
    if (actual instanceof BigDecimal || wanted instanceof BigDecimal) {
      return Validation.toDecimal(actual).compareTo(Validation.toDecimal(wanted));
    }
    return ((Comparable) actual).compareTo(wanted);
  }

  private Listing fixedList(TreeMap<Long, Map<String, Object>> rows, Map<String, String> params) {
    Validation v = new Validation();
    int limit = v.intParam(params, "limit", 15, 1, 100);
    int start = v.intParam(params, "start", 0, 0, Integer.MAX_VALUE);
    v.throwIfAny();
    List<Map<String, Object>> all = new ArrayList<>(rows.values());
    List<Map<String, Object>> page = new ArrayList<>();
    for (int i = start; i < all.size() && i < (long) start + limit; i++) {
      page.add(new LinkedHashMap<>(all.get(i)));
    }
    return new Listing(page, all.size(), start, limit);
  }

  private Map<String, Object> view(Resource resource, Map<String, Object> row) {
    Map<String, Object> view = new LinkedHashMap<>(row);
    if (resource == Resource.CONTACTS) {
      view.put("name", contactName(row));
    }
    view.put("record_url", "https://crm.tiny.plus/" + resource.path + "/" + row.get("id"));
    return view;
  }

  /** A contact's name: first and last name joined by one space, trimmed. */
  private static String contactName(Map<String, Object> row) {
    String first = row.get("first_name") == null ? "" : (String) row.get("first_name");
    String last = row.get("last_name") == null ? "" : (String) row.get("last_name");
    return (first.trim() + " " + last.trim()).trim();
  }

  /** The {@code related} object of {@code with_related=1}: the linked records, each as id and name. */
  private Map<String, Object> withRelated(Resource resource, Map<String, Object> view) {
    Map<String, Object> related = new LinkedHashMap<>();
    if (resource == Resource.PROJECTS) {
      related.put("client_company", summary(Resource.COMPANIES, view.get("client_company")));
      related.put("assigned_user", summary(Resource.TEAM_MEMBERS, view.get("assigned_user")));
      related.put("phase", view.get("phase") == null ? null : phases.get((Long) view.get("phase")));
    } else if (resource == Resource.CONTACTS) {
      related.put("primary_company", summary(Resource.COMPANIES, view.get("primary_company")));
    }
    view.put("related", related);
    return view;
  }

  private Map<String, Object> summary(Resource resource, Object id) {
    if (id == null) {
      return null;
    }
    Map<String, Object> row = tables.get(resource).get((Long) id);
    if (row == null) {
      return null;
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("id", id);
    summary.put("name", view(resource, row).get("name"));
    return summary;
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.SECONDS);
  }

  private static boolean isBlank(Object value) {
    return !(value instanceof String) || ((String) value).isBlank();
  }
}
