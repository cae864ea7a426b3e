package dev.synergylink.sync.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The state and rules of the Synergy fake, keyed by the contract's member names. Rows hold the contract's values:
 * String, Long, Boolean, BigDecimal, Instant, address maps and stage lists. The in-process fake and the HTTP fake
 * server both serve from one instance. Thread-safe: every method locks the instance.
 */
final class SynergyBackend {
  /** The token the in-process fake calls with, for the per-token rate limit. */
  static final String IN_PROCESS_TOKEN = "in-process";

  /** The premium plan's daily quota, reported in the headers while no quota is enforced. */
  static final int PREMIUM_DAILY_QUOTA = 60_000;

  static final Set<String> STATUS_TYPES =
      Set.of("Proposal", "Active", "PendingInvoice", "Hold", "Unsuccessful", "Complete");
  static final Set<String> SECURITY_LEVELS = Set.of("Administrator", "Manager", "Standard", "Restricted");

  private static final Map<String, Integer> ADDRESS = Map.of(
      "address1", 200, "address2", 200, "town", 100, "state", 50, "zipCode", 20, "country", 100);
  private static final Set<String> PROJECT_READ_ONLY = Set.of(
      "id", "projectNumber", "totalFee", "stages", "status", "statusType", "isActive", "createdDate", "modifiedDate");
  private static final Set<String> PROJECT_PATCH = Set.of(
      "name", "statusId", "primaryContactId", "projectType", "managerId", "address", "scope", "externalReference");
  private static final Set<String> PROJECT_CREATE = union(PROJECT_PATCH, Set.of("initialFee"));
  private static final Set<String> READ_ONLY = Set.of("id", "isActive", "createdDate", "modifiedDate");
  private static final Set<String> CONTACT_PATCH = Set.of(
      "name", "officeAddress", "email", "website", "abn", "mobile", "phone", "twitter", "externalReference");
  private static final Set<String> CONTACT_CREATE = union(CONTACT_PATCH, Set.of("contactType"));
  private static final Set<String> PERSONNEL_WRITE = Set.of("parentContactId", "firstName", "lastName", "title",
      "phone", "email", "website", "mobile", "officePhone", "twitter", "externalReference");
  private static final Set<String> STAFF_WRITE =
      Set.of("firstName", "lastName", "email", "workPhone", "mobile", "jobTitle", "securityLevel", "isActive");

  /** The four record resources, named as in the contract's paths. */
  enum Resource {
    PROJECTS("Projects", "Project"),
    CONTACTS("Contacts", "Contact"),
    PERSONNEL("Personnel", "Personnel"),
    STAFF("Staff", "Staff member");

    final String path;
    final String noun;

    Resource(String path, String noun) {
      this.path = path;
      this.noun = noun;
    }
  }

  /** One page of a list. */
  record Listing(List<Map<String, Object>> items, int totalItems) {}

  private final Clock clock;
  private final String organisation;
  private Duration replicaLag;
  final Faults faults;
  final CallCounts calls = new CallCounts();
  final ViolationLog violations;
  private final List<FakeWrite> writes = new ArrayList<>();
  private final RateLimiter daily = new RateLimiter(Duration.ofDays(1), PREMIUM_DAILY_QUOTA);
  private final RateLimiter perSecond = new RateLimiter(Duration.ofSeconds(1), 10);
  private final Map<Resource, VersionedTable> tables = new LinkedHashMap<>();
  private final TreeMap<Long, Map<String, Object>> statuses = new TreeMap<>();
  private long nextStaffId = 101;
  private long nextContactId = 1001;
  private long nextProjectId = 5001;
  private long nextStatusId = 1;
  private long nextStageId = 1;
  private long nextProjectNumber = 1;
  private long currentUserStaffId;

  SynergyBackend(Clock clock, String organisation, Duration replicaLag, long seed) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.organisation = organisation;
    this.replicaLag = replicaLag;
    this.faults = new Faults(seed);
    this.violations = new ViolationLog(clock);
    for (Resource r : Resource.values()) {
      tables.put(r, new VersionedTable());
    }
  }

  String organisation() {
    return organisation;
  }

  Clock clock() {
    return clock;
  }

  synchronized void setReplicaLag(Duration lag) {
    this.replicaLag = lag;
  }

  synchronized Duration replicaLag() {
    return replicaLag;
  }

  synchronized void enforceDailyQuota(int calls) {
    daily.enforce(calls);
  }

  synchronized void enforcePerSecondLimit(int calls) {
    perSecond.enforce(calls);
  }

  /** {@code X-RateLimit-*} as the last call left them. */
  synchronized Map<String, String> rateLimitHeaders() {
    Instant now = clock.instant();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", Integer.toString(daily.limit()));
    headers.put("X-RateLimit-Remaining", Integer.toString(daily.remaining(organisation, now)));
    headers.put("X-RateLimit-Reset", Long.toString(daily.nextReset(now).getEpochSecond()));
    return headers;
  }

  synchronized List<FakeWrite> writes() {
    return List.copyOf(writes);
  }

  synchronized void clearWrites() {
    writes.clear();
  }

  // ---------------------------------------------------------------- the API

  /**
   * Serves one API call: counts it, applies the quotas and the fault rules, then runs it. A refusal for breaking the
   * contract is recorded against {@code path} (as the contract writes it, e.g. {@code /Organisation/org/Projects}).
   */
  synchronized <T> T serve(SynergyOperation op, String path, String token, Supplier<T> work) {
    try {
      return serveCounted(op, token, work);
    } catch (FakeError e) {
      violations.record(op.method(), path, e);
      throw e;
    }
  }

  private <T> T serveCounted(SynergyOperation op, String token, Supplier<T> work) {
    Instant now = clock.instant();
    calls.record(op);
    if (op != SynergyOperation.GET_ACCESS_TOKEN && op != SynergyOperation.REFRESH_ACCESS_TOKEN) {
      if (!daily.hasRoom(organisation, now)) {
        throw FakeError.rateLimited("The organisation's daily quota of " + daily.limit() + " calls is used up.",
            daily.retryAfter(now));
      }
      if (!perSecond.hasRoom(token, now)) {
        throw FakeError.rateLimited("More than " + perSecond.limit() + " requests per second.",
            perSecond.retryAfter(now));
      }
      daily.acquire(organisation, now);
      perSecond.acquire(token, now);
    }
    return faults.apply(op, work);
  }

  synchronized Map<String, Object> currentUser() {
    Map<String, Object> staff = table(Resource.STAFF).current(currentUserStaffId);
    if (staff == null) {
      throw FakeError.http(401, "The access token does not belong to a current staff member.");
    }
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("staffId", staff.get("id"));
    user.put("firstName", staff.get("firstName"));
    user.put("lastName", staff.get("lastName"));
    user.put("email", staff.get("email"));
    user.put("securityLevel", staff.get("securityLevel"));
    return user;
  }

  synchronized Listing projectStatuses() {
    List<Map<String, Object>> items = new ArrayList<>(statuses.values());
    return new Listing(items, items.size());
  }

  /** A list call, with the contract's query parameters as strings. */
  synchronized Listing list(Resource resource, Map<String, String> params) {
    Validation v = new Validation();
    int page = v.intParam(params, "page", 1, 1, Integer.MAX_VALUE);
    int pageSize = v.intParam(params, "pageSize", 25, 1, 100);
    String orderBy = params.getOrDefault("orderBy", "id");
    if (!orderBy.equals("id") && !orderBy.equals("modifiedDate")) {
      v.add("orderBy", "must be id or modifiedDate.");
    }
    List<Predicate<Map<String, Object>>> filters = new ArrayList<>();
    String since = params.get("criteria.modifiedSince");
    if (since != null) {
      try {
        Instant s = Instant.parse(since);
        filters.add(r -> !((Instant) r.get("modifiedDate")).isBefore(s));
      } catch (DateTimeParseException e) {
        v.add("criteria.modifiedSince", "must be an ISO-8601 instant such as 2026-11-28T01:02:03.456Z.");
      }
    }
    String externalReference = params.get("criteria.externalReference");
    if (externalReference != null && externalReference.length() > 100) {
      v.add("criteria.externalReference", "must be at most 100 characters.");
    }
    if (externalReference != null && resource != Resource.STAFF) {
      filters.add(r -> externalReference.equals(r.get("externalReference")));
    }
    if (resource == Resource.PROJECTS || resource == Resource.STAFF) {
      String include = params.getOrDefault("criteria.includeInactive", "false");
      if (!include.equals("true") && !include.equals("false")) {
        v.add("criteria.includeInactive", "must be true or false.");
      } else if (include.equals("false")) {
        filters.add(r -> isActive(resource, r));
      }
    }
    if (resource == Resource.PROJECTS && params.containsKey("criteria.projectNumber")) {
      String number = params.get("criteria.projectNumber");
      filters.add(r -> number.equals(r.get("projectNumber")));
    }
    if (resource == Resource.CONTACTS && params.containsKey("criteria.contactType")) {
      String type = params.get("criteria.contactType");
      if (!type.equals("Company") && !type.equals("Individual")) {
        v.add("criteria.contactType", "must be Company or Individual.");
      }
      filters.add(r -> type.equals(r.get("contactType")));
    }
    if (resource == Resource.PERSONNEL && params.containsKey("criteria.parentContactId")) {
      try {
        long parent = Long.parseLong(params.get("criteria.parentContactId"));
        filters.add(r -> Objects.equals(parent, r.get("parentContactId")));
      } catch (NumberFormatException e) {
        v.add("criteria.parentContactId", "must be an integer.");
      }
    }
    v.throwIfAny();

    // filter and sort the stored rows; build the views of one page only, so that paging a large table stays cheap
    Instant replicaTime = clock.instant().minus(replicaLag);
    Predicate<Map<String, Object>> filter = filters.stream().reduce(r -> true, Predicate::and);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : table(resource).rowsAsOf(replicaTime)) {
      if (filter.test(row)) {
        rows.add(row);
      }
    }
    if (orderBy.equals("modifiedDate")) {
      rows.sort(Comparator.<Map<String, Object>, Instant>comparing(r -> (Instant) r.get("modifiedDate"))
          .thenComparing(r -> (Long) r.get("id")));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    long from = (long) (page - 1) * pageSize;
    for (long i = from; i < rows.size() && i < from + pageSize; i++) {
      items.add(view(resource, rows.get((int) i)));
    }
    return new Listing(items, rows.size());
  }

  /** Projects are active unless their status type is Unsuccessful or Complete; others say so themselves. */
  private boolean isActive(Resource resource, Map<String, Object> row) {
    if (resource != Resource.PROJECTS) {
      return Boolean.TRUE.equals(row.get("isActive"));
    }
    Map<String, Object> status = statuses.get((Long) row.get("statusId"));
    Object type = status == null ? null : status.get("statusType");
    return !"Unsuccessful".equals(type) && !"Complete".equals(type);
  }

  /** GET by id: reads the primary. */
  synchronized Map<String, Object> get(Resource resource, long id) {
    Map<String, Object> row = table(resource).current(id);
    if (row == null) {
      throw FakeError.notFound(resource.noun, id);
    }
    return view(resource, row);
  }

  synchronized Map<String, Object> create(Resource resource, Map<String, Object> members, FakeWrite.Source source) {
    Instant now = now();
    Map<String, Object> row;
    switch (resource) {
      case PROJECTS:
        row = newProject(members, now, source);
        break;
      case CONTACTS:
        row = newContact(members, now, source);
        break;
      case PERSONNEL:
        row = newPersonnel(members, now, source);
        break;
      case STAFF:
        if (source == FakeWrite.Source.API) {
          throw FakeError.methodNotAllowed("POST", "/Organisation/" + organisation + "/Staff", List.of("GET"));
        }
        row = newStaff(members, now);
        break;
      default:
        throw new AssertionError(resource);
    }
    long id = (Long) row.get("id");
    store(resource, id, row, now);
    writes.add(new FakeWrite(now, source, FakeWrite.Action.CREATE, resource.path, id, members));
    return view(resource, row);
  }

  synchronized Map<String, Object> patch(Resource resource, long id, Map<String, Object> members,
      FakeWrite.Source source) {
    if (resource == Resource.STAFF && source == FakeWrite.Source.API) {
      throw FakeError.methodNotAllowed("PATCH", "/Organisation/" + organisation + "/Staff/" + id, List.of("GET"));
    }
    Map<String, Object> old = table(resource).current(id);
    if (old == null) {
      throw FakeError.notFound(resource.noun, id);
    }
    Instant now = now();
    Map<String, Object> row = new LinkedHashMap<>(old);
    Validation v = Validation.of(source);
    switch (resource) {
      case PROJECTS:
        v.onlyMembers(members, PROJECT_PATCH, union(PROJECT_READ_ONLY, Set.of("initialFee")));
        checkProjectMembers(v, members, false);
        break;
      case CONTACTS:
        v.onlyMembers(members, source == FakeWrite.Source.WEB_APP ? union(CONTACT_CREATE, Set.of("isActive"))
            : CONTACT_PATCH, union(READ_ONLY, Set.of("contactType")));
        checkContactMembers(v, members, false);
        break;
      case PERSONNEL:
        v.onlyMembers(members, source == FakeWrite.Source.WEB_APP ? union(PERSONNEL_WRITE, Set.of("isActive"))
            : PERSONNEL_WRITE, READ_ONLY);
        checkPersonnelMembers(v, members, false);
        break;
      case STAFF:
        v.onlyMembers(members, STAFF_WRITE, READ_ONLY);
        checkStaffMembers(v, members);
        break;
      default:
        throw new AssertionError(resource);
    }
    v.throwIfAny();
    for (Map.Entry<String, Object> e : members.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Map) {
        value = mergeAddress(row.get(e.getKey()), e.getValue());
      }
      row.put(e.getKey(), normalise(value));
    }
    row.put("modifiedDate", now);
    store(resource, id, row, now);
    writes.add(new FakeWrite(now, source, FakeWrite.Action.UPDATE, resource.path, id, members));
    return view(resource, row);
  }

  // ---------------------------------------------------------------- the web app

  synchronized void delete(Resource resource, long id) {
    if (table(resource).current(id) == null) {
      throw new IllegalArgumentException("no " + resource.noun + " with id " + id + " to delete");
    }
    Instant now = now();
    store(resource, id, null, now);
    writes.add(new FakeWrite(now, FakeWrite.Source.WEB_APP, FakeWrite.Action.DELETE, resource.path, id, Map.of()));
  }

  synchronized List<Map<String, Object>> all(Resource resource) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> row : table(resource).currentRows()) {
      result.add(view(resource, row));
    }
    return result;
  }

  synchronized Map<String, Object> addStage(long projectId, String name, BigDecimal fee) {
    checkStage(name, fee);
    Map<String, Object> row = projectForStages(projectId);
    List<Map<String, Object>> stages = stages(row);
    Map<String, Object> stage = stage(nextStageId++, name, fee);
    stages.add(stage);
    saveStages(projectId, row, stages, Map.of("stages+", stage));
    return stage;
  }

  synchronized void changeStage(long projectId, long stageId, String name, BigDecimal fee) {
    checkStage(name, fee);
    Map<String, Object> row = projectForStages(projectId);
    List<Map<String, Object>> stages = stages(row);
    int index = stageIndex(projectId, stages, stageId);
    stages.set(index, stage(stageId, name, fee));
    saveStages(projectId, row, stages, Map.of("stages[" + stageId + "]", stages.get(index)));
  }

  synchronized void removeStage(long projectId, long stageId) {
    Map<String, Object> row = projectForStages(projectId);
    List<Map<String, Object>> stages = stages(row);
    stages.remove(stageIndex(projectId, stages, stageId));
    Map<String, Object> removed = new LinkedHashMap<>();
    removed.put("stages[" + stageId + "]", null);
    saveStages(projectId, row, stages, removed);
  }

  synchronized Map<String, Object> addStatus(String name, String statusType, Integer likelihood, boolean active) {
    Objects.requireNonNull(name, "name == null");
    if (!STATUS_TYPES.contains(statusType)) {
      throw new IllegalArgumentException("statusType must be one of " + STATUS_TYPES + ", was " + statusType);
    }
    if (likelihood != null && (likelihood < 0 || likelihood > 100)) {
      throw new IllegalArgumentException("likelihood must be 0 to 100, was " + likelihood);
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", nextStatusId++);
    status.put("name", name);
    status.put("statusType", statusType);
    status.put("likelihood", likelihood);
    status.put("isActive", active);
    statuses.put((Long) status.get("id"), status);
    return new LinkedHashMap<>(status);
  }

  synchronized void setStatusActive(long statusId, boolean active) {
    Map<String, Object> status = statuses.get(statusId);
    if (status == null) {
      throw new IllegalArgumentException("no project status with id " + statusId);
    }
    status.put("isActive", active);
  }

  synchronized void setCurrentUser(long staffId) {
    if (table(Resource.STAFF).current(staffId) == null) {
      throw new IllegalArgumentException("no staff member with id " + staffId);
    }
    currentUserStaffId = staffId;
  }

  // ---------------------------------------------------------------- saved data

  /** The records, project statuses, id counters and API user, as plain JDK values (deleted records left out). */
  synchronized Map<String, Object> data() {
    Map<String, Object> data = new LinkedHashMap<>();
    for (Resource r : Resource.values()) {
      TreeMap<Long, Map<String, Object>> rows = new TreeMap<>();
      table(r).currentRows().forEach(row -> rows.put((Long) row.get("id"), row));
      data.put(r.name(), rows);
    }
    data.put("statuses", new TreeMap<>(statuses));
    data.put("ids", new ArrayList<>(List.of(nextStaffId, nextContactId, nextProjectId, nextStatusId, nextStageId,
        nextProjectNumber, currentUserStaffId)));
    return data;
  }

  /** Replaces every record, status, id counter and the API user with {@code data}; empties the write log. */
  @SuppressWarnings("unchecked")
  synchronized void replaceData(Map<String, Object> data) {
    for (Resource r : Resource.values()) {
      VersionedTable table = new VersionedTable();
      ((Map<Long, Map<String, Object>>) data.get(r.name())).forEach((id, row) -> {
        Instant modified = (Instant) row.get("modifiedDate");
        table.put(id, modified, row, modified);
      });
      tables.put(r, table);
    }
    statuses.clear();
    ((Map<Long, Map<String, Object>>) data.get("statuses")).forEach((id, s) -> statuses.put(id,
        new LinkedHashMap<>(s)));
    List<Long> ids = (List<Long>) data.get("ids");
    nextStaffId = ids.get(0);
    nextContactId = ids.get(1);
    nextProjectId = ids.get(2);
    nextStatusId = ids.get(3);
    nextStageId = ids.get(4);
    nextProjectNumber = ids.get(5);
    currentUserStaffId = ids.get(6);
    writes.clear();
  }

  // ---------------------------------------------------------------- records

  private Map<String, Object> newProject(Map<String, Object> members, Instant now, FakeWrite.Source source) {
    Validation v = Validation.of(source);
    v.onlyMembers(members, PROJECT_CREATE, PROJECT_READ_ONLY);
    checkProjectMembers(v, members, true);
    BigDecimal initialFee = v.decimal(members, "initialFee", true);
    v.cents("initialFee", initialFee);
    v.throwIfAny();
    Map<String, Object> row = new LinkedHashMap<>();
    long id = nextProjectId++;
    row.put("id", id);
    row.put("projectNumber", nextProjectNumber());
    row.put("name", members.get("name"));
    row.put("statusId", Validation.toLong(members.get("statusId")));
    row.put("primaryContactId", Validation.toLong(members.get("primaryContactId")));
    row.put("projectType", members.get("projectType"));
    row.put("managerId", normalise(members.get("managerId")));
    row.put("address", mergeAddress(null, members.get("address")));
    row.put("scope", members.get("scope"));
    List<Map<String, Object>> stages = new ArrayList<>();
    if (initialFee != null) {
      stages.add(stage(nextStageId++, "Fee", initialFee));
    }
    row.put("stages", List.copyOf(stages));
    row.put("externalReference", members.get("externalReference"));
    row.put("createdDate", now);
    row.put("modifiedDate", now);
    return row;
  }

  /** Numbers are the server's alone (no request can set one), so a counter never repeats one. */
  private String nextProjectNumber() {
    return String.format("P%05d", nextProjectNumber++);
  }

  private void checkProjectMembers(Validation v, Map<String, Object> m, boolean create) {
    v.string(m, "name", create, false, 200);
    if (!create) {
      v.notEmpty(m, "name");
    }
    Long statusId = v.id(m, "statusId", create, false);
    if (statusId != null) {
      Map<String, Object> status = statuses.get(statusId);
      if (status == null) {
        v.add("statusId", "There is no project status with id " + statusId + ".");
      } else if (!Boolean.TRUE.equals(status.get("isActive"))) {
        v.addStale("statusId", "The project status " + statusId + " is not active.");
      }
    }
    Long contactId = v.id(m, "primaryContactId", create, false);
    if (contactId != null && table(Resource.CONTACTS).current(contactId) == null) {
      v.addStale("primaryContactId", "There is no Company or Individual contact with id " + contactId + ".");
    }
    v.string(m, "projectType", false, true, 100);
    checkManager(v, m, "managerId");
    v.stringObject(m, "address", ADDRESS);
    v.string(m, "scope", false, true, 4000);
    v.string(m, "externalReference", false, true, 100);
  }

  private void checkManager(Validation v, Map<String, Object> m, String field) {
    Long managerId = v.id(m, field, false, true);
    if (managerId != null) {
      Map<String, Object> staff = table(Resource.STAFF).current(managerId);
      if (staff == null) {
        v.addStale(field, "There is no staff member with id " + managerId + ".");
      } else if (!Boolean.TRUE.equals(staff.get("isActive"))) {
        v.addStale(field, "The staff member " + managerId + " is not active.");
      }
    }
  }

  private Map<String, Object> newContact(Map<String, Object> members, Instant now, FakeWrite.Source source) {
    Validation v = Validation.of(source);
    v.onlyMembers(members, source == FakeWrite.Source.WEB_APP ? union(CONTACT_CREATE, Set.of("isActive"))
        : CONTACT_CREATE, READ_ONLY);
    checkContactMembers(v, members, true);
    Object type = members.getOrDefault("contactType", "Company");
    if (!"Company".equals(type) && !"Individual".equals(type)) {
      v.add("contactType", "must be Company or Individual.");
    }
    v.throwIfAny();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", nextContactId++);
    row.put("contactType", type);
    for (String f : List.of("name", "officeAddress", "email", "website", "abn", "mobile", "phone", "twitter",
        "externalReference")) {
      row.put(f, f.equals("officeAddress") ? mergeAddress(null, members.get(f)) : members.get(f));
    }
    row.put("isActive", members.getOrDefault("isActive", Boolean.TRUE));
    row.put("createdDate", now);
    row.put("modifiedDate", now);
    return row;
  }

  private void checkContactMembers(Validation v, Map<String, Object> m, boolean create) {
    v.string(m, "name", create, false, 200);
    if (!create) {
      v.notEmpty(m, "name");
    }
    v.stringObject(m, "officeAddress", ADDRESS);
    v.string(m, "email", false, true, 200);
    v.string(m, "website", false, true, 200);
    String abn = v.string(m, "abn", false, true, 0);
    if (abn != null && !Abn.isValid(abn)) {
      v.add("abn", "is not a valid ABN: it must be 11 digits with a correct checksum.");
    }
    v.string(m, "mobile", false, true, 50);
    v.string(m, "phone", false, true, 50);
    v.string(m, "twitter", false, true, 100);
    v.string(m, "externalReference", false, true, 100);
    if (m.containsKey("isActive")) {
      v.bool(m, "isActive");
    }
  }

  private Map<String, Object> newPersonnel(Map<String, Object> members, Instant now, FakeWrite.Source source) {
    Validation v = Validation.of(source);
    v.onlyMembers(members, source == FakeWrite.Source.WEB_APP ? union(PERSONNEL_WRITE, Set.of("isActive"))
        : PERSONNEL_WRITE, READ_ONLY);
    checkPersonnelMembers(v, members, true);
    if (isBlank(members.get("firstName")) && isBlank(members.get("lastName"))) {
      v.add("firstName", "At least one of firstName and lastName is required.");
    }
    v.throwIfAny();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", nextContactId++);
    row.put("parentContactId", Validation.toLong(members.get("parentContactId")));
    for (String f : List.of("firstName", "lastName", "title", "phone", "email", "website", "mobile", "officePhone",
        "twitter", "externalReference")) {
      row.put(f, members.get(f));
    }
    row.put("isActive", members.getOrDefault("isActive", Boolean.TRUE));
    row.put("createdDate", now);
    row.put("modifiedDate", now);
    return row;
  }

  private void checkPersonnelMembers(Validation v, Map<String, Object> m, boolean create) {
    Long parent = v.id(m, "parentContactId", create, false);
    if (parent != null) {
      Map<String, Object> contact = table(Resource.CONTACTS).current(parent);
      if (contact == null) {
        v.addStale("parentContactId", "There is no Company contact with id " + parent + ".");
      } else if (!"Company".equals(contact.get("contactType"))) {
        v.add("parentContactId", "The contact " + parent + " is an Individual; personnel belong to a Company.");
      }
    }
    v.string(m, "firstName", false, true, 100);
    v.string(m, "lastName", false, true, 100);
    v.string(m, "title", false, true, 100);
    v.string(m, "phone", false, true, 50);
    v.string(m, "email", false, true, 200);
    v.string(m, "website", false, true, 200);
    v.string(m, "mobile", false, true, 50);
    v.string(m, "officePhone", false, true, 50);
    v.string(m, "twitter", false, true, 100);
    v.string(m, "externalReference", false, true, 100);
    if (m.containsKey("isActive")) {
      v.bool(m, "isActive");
    }
  }

  private Map<String, Object> newStaff(Map<String, Object> members, Instant now) {
    Validation v = new Validation();
    v.onlyMembers(members, STAFF_WRITE, READ_ONLY);
    checkStaffMembers(v, members);
    v.throwIfAny();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", nextStaffId++);
    for (String f : List.of("firstName", "lastName", "email", "workPhone", "mobile", "jobTitle")) {
      row.put(f, members.get(f));
    }
    row.put("securityLevel", members.getOrDefault("securityLevel", "Standard"));
    row.put("isActive", members.getOrDefault("isActive", Boolean.TRUE));
    row.put("createdDate", now);
    row.put("modifiedDate", now);
    return row;
  }

  private void checkStaffMembers(Validation v, Map<String, Object> m) {
    for (String f : List.of("firstName", "lastName", "email", "workPhone", "mobile", "jobTitle")) {
      v.string(m, f, false, true, 0);
    }
    if (m.containsKey("securityLevel") && !SECURITY_LEVELS.contains(m.get("securityLevel"))) {
      v.add("securityLevel", "must be one of " + SECURITY_LEVELS + ".");
    }
    if (m.containsKey("isActive")) {
      v.bool(m, "isActive");
    }
  }

  // ---------------------------------------------------------------- stages

  private Map<String, Object> projectForStages(long projectId) {
    Map<String, Object> row = table(Resource.PROJECTS).current(projectId);
    if (row == null) {
      throw new IllegalArgumentException("no project with id " + projectId);
    }
    return row;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> stages(Map<String, Object> row) {
    return new ArrayList<>((List<Map<String, Object>>) row.get("stages"));
  }

  private static int stageIndex(long projectId, List<Map<String, Object>> stages, long stageId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).get("id").equals(stageId)) {
        return i;
      }
    }
    throw new IllegalArgumentException("project " + projectId + " has no stage with id " + stageId);
  }

  private static void checkStage(String name, BigDecimal fee) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(fee, "fee == null");
    if (fee.signum() < 0) {
      throw new IllegalArgumentException("a stage fee must be 0 or more, was " + fee);
    }
    if (fee.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("a stage fee has at most two decimal places (cents), was "
          + fee.toPlainString());
    }
  }

  private static Map<String, Object> stage(long id, String name, BigDecimal fee) {
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("id", id);
    stage.put("name", name);
    stage.put("fee", fee.setScale(2, RoundingMode.HALF_UP));
    return java.util.Collections.unmodifiableMap(stage);
  }

  private void saveStages(long projectId, Map<String, Object> old, List<Map<String, Object>> stages,
      Map<String, Object> logged) {
    Instant now = now();
    Map<String, Object> row = new LinkedHashMap<>(old);
    row.put("stages", List.copyOf(stages));
    row.put("modifiedDate", now);
    store(Resource.PROJECTS, projectId, row, now);
    writes.add(new FakeWrite(now, FakeWrite.Source.WEB_APP, FakeWrite.Action.UPDATE, Resource.PROJECTS.path,
        projectId, logged));
  }

  // ---------------------------------------------------------------- views and helpers

  private Map<String, Object> view(Resource resource, Map<String, Object> row) {
    if (resource != Resource.PROJECTS) {
      return new LinkedHashMap<>(row);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    Map<String, Object> status = statuses.get((Long) row.get("statusId"));
    String statusType = status == null ? null : (String) status.get("statusType");
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Map<String, Object> stage : stages(row)) {
      total = total.add((BigDecimal) stage.get("fee"));
    }
    for (Map.Entry<String, Object> e : row.entrySet()) {
      view.put(e.getKey(), e.getValue());
      if (e.getKey().equals("statusId")) {
        view.put("status", status == null ? null : status.get("name"));
        view.put("statusType", statusType);
      } else if (e.getKey().equals("scope")) {
        view.put("totalFee", total);
      }
    }
    view.put("isActive", isActive(Resource.PROJECTS, row));
    // isActive goes before the dates, as in the contract
    Object created = view.remove("createdDate");
    Object modified = view.remove("modifiedDate");
    view.put("createdDate", created);
    view.put("modifiedDate", modified);
    return view;
  }

  private void store(Resource resource, long id, Map<String, Object> row, Instant now) {
    table(resource).put(id, now, row, now.minus(replicaLag));
  }

  private VersionedTable table(Resource resource) {
    return tables.get(resource);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mergeAddress(Object old, Object patch) {
    if (patch == null) {
      return null;
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    for (String key : List.of("address1", "address2", "town", "state", "zipCode", "country")) {
      merged.put(key, old == null ? null : ((Map<String, Object>) old).get(key));
    }
    merged.putAll((Map<String, Object>) patch);
    return java.util.Collections.unmodifiableMap(merged);
  }

  private static Object normalise(Object value) {
    Long id = value instanceof Number && !(value instanceof BigDecimal) ? Validation.toLong(value) : null;
    if (id != null) {
      return id;
    }
    if (value instanceof BigDecimal && ((BigDecimal) value).scale() <= 0) {
      Long exact = Validation.toLong(value);
      return exact != null ? exact : value;
    }
    return value;
  }

  private static boolean isBlank(Object value) {
    return !(value instanceof String) || ((String) value).isBlank();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }
}
