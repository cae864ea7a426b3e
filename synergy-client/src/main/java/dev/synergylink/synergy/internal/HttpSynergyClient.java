package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.ContactCreate;
import dev.synergylink.synergy.ContactPatch;
import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.PersonnelCreate;
import dev.synergylink.synergy.PersonnelPatch;
import dev.synergylink.synergy.PersonnelQuery;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectCreate;
import dev.synergylink.synergy.ProjectPatch;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.RecordLinks;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyContacts;
import dev.synergylink.synergy.SynergyPersonnel;
import dev.synergylink.synergy.SynergyProjects;
import dev.synergylink.synergy.SynergyQuery;
import dev.synergylink.synergy.SynergyReadResource;
import dev.synergylink.synergy.SynergyStaff;
import dev.synergylink.synergy.SynergyWriteResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Retrofit;

/** The HTTP implementation of {@link SynergyClient}; thread-safe. */
public final class HttpSynergyClient implements SynergyClient {
  private final ClientSettings settings;
  private final SynergyService service;
  private final CallRunner runner;
  private final ErrorTranslator errors;
  private final ExchangeObserver exchanges;
  private final RecordLinks links;
  private final SynergyProjects projects;
  private final SynergyContacts contacts;
  private final SynergyPersonnel personnel;
  private final SynergyStaff staff;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A client.
   *
   * @param settings the checked settings
   */
  public HttpSynergyClient(ClientSettings settings) {
    this.settings = settings;
    this.exchanges = new ExchangeObserver(settings.clock(), settings.callListener());
    OkHttpClient hardened = SameHostGuard.harden(settings.http(), settings.baseUrl(), exchanges);
    // every credential the client holds, asked afresh each time since tokens rotate
    AtomicReference<AccessTokens> held = new AtomicReference<>();
    Redaction redaction = new Redaction(() -> {
      List<String> secrets = new ArrayList<>();
      secrets.add(settings.apiKey());
      secrets.add(settings.application() == null ? null : settings.application().applicationSecret());
      AccessTokens source = held.get();
      if (source != null) {
        secrets.addAll(source.secrets());
      }
      return secrets;
    });
    this.runner = new CallRunner(settings.rateLimiter(), settings.sleeper(), settings.clock(), redaction);
    AccessTokens tokens = settings.apiKey() != null
        ? AccessTokens.apiKey(settings.apiKey())
        : new OAuthTokenSource(new OAuthEndpoint(settings.baseUrl(), settings.application(), hardened,
            settings.clock(), new CallRunner(null, settings.sleeper(), settings.clock(), redaction),
            settings.retryPolicy(), settings.createRetryPolicy(), redaction),
            settings.tokenStore(), settings.clock(), settings.refreshMargin());
    held.set(tokens);
    this.errors = new ApiErrors(tokens.unauthorizedHint(), redaction);
    OkHttpClient api = hardened.newBuilder().addInterceptor(new AuthInterceptor(tokens)).build();
    this.service = new Retrofit.Builder().baseUrl(settings.baseUrl()).client(api).build()
        .create(SynergyService.class);
    this.links = RecordLinks.of(settings.webAppUrl().toString(), settings.organisation());
    this.projects = new Projects();
    this.contacts = new Contacts();
    this.personnel = new PersonnelResource();
    this.staff = new StaffResource();
  }

  @Override
  public String organisation() {
    return settings.organisation();
  }

  @Override
  public CurrentUser currentUser() {
    return read(() -> service.currentUser(organisation()), "CurrentUser", Wire.CURRENT_USER);
  }

  @Override
  public List<ProjectStatus> projectStatuses() {
    return read(() -> service.projectStatuses(organisation()), "ProjectStatus list", Wire.PROJECT_STATUSES);
  }

  @Override
  public SynergyProjects projects() {
    return projects;
  }

  @Override
  public SynergyContacts contacts() {
    return contacts;
  }

  @Override
  public SynergyPersonnel personnel() {
    return personnel;
  }

  @Override
  public SynergyStaff staff() {
    return staff;
  }

  @Override
  public RecordLinks recordLinks() {
    return links;
  }

  @Override
  public Optional<Quota> lastQuota() {
    return exchanges.lastQuota();
  }

  @Override
  public long requestsSentOnThisThread() {
    return exchanges.sentOnThisThread();
  }

  /** Refuses later calls and, when the builder made the OkHttp client, releases its threads and connections. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      runner.close();
      if (settings.ownsHttp()) {
        HttpTransport.release(settings.http());
      }
    }
  }

  @Override
  public String toString() {
    return "HttpSynergyClient{baseUrl=" + settings.baseUrl() + ", organisation=" + organisation() + "}";
  }

  private <T> T read(Supplier<Call<ResponseBody>> call, String expected, BodyReader<T> reader) {
    return runner.run(settings.retryPolicy(), call, expected, reader, errors);
  }

  /** List and get of one resource. */
  private class ReadResource<T, Q extends SynergyQuery<Q>> implements SynergyReadResource<T, Q> {
    final String resource;
    final String type;
    final BodyReader<T> one;
    private final BodyReader<Page<T>> page;
    private final Function<Q, Map<String, String>> params;

    ReadResource(String resource, String type, BodyReader<T> one, BodyReader<Page<T>> page,
        Function<Q, Map<String, String>> params) {
      this.resource = resource;
      this.type = type;
      this.one = one;
      this.page = page;
      this.params = params;
    }

    @Override
    public Page<T> list(Q query) {
      Map<String, String> parameters = params.apply(Objects.requireNonNull(query, "query == null"));
      return read(() -> service.list(organisation(), resource, parameters), type + " list", page);
    }

    @Override
    public T get(long id) {
      return read(() -> service.get(organisation(), resource, id), type, one);
    }
  }

  /** Also create and patch. */
  private class WriteResource<T, Q extends SynergyQuery<Q>, C, P> extends ReadResource<T, Q>
      implements SynergyWriteResource<T, Q, C, P> {
    private final Function<C, Map<String, Object>> createMembers;
    private final Function<P, Map<String, Object>> patchMembers;

    WriteResource(String resource, String type, BodyReader<T> one, BodyReader<Page<T>> page,
        Function<Q, Map<String, String>> params, Function<C, Map<String, Object>> createMembers,
        Function<P, Map<String, Object>> patchMembers) {
      super(resource, type, one, page, params);
      this.createMembers = createMembers;
      this.patchMembers = patchMembers;
    }

    @Override
    public T create(C request) {
      RequestBody body = new OneShotBody(body(createMembers.apply(Objects.requireNonNull(request,
          "request == null")), SynergyContract.JSON));
      return runner.run(settings.createRetryPolicy(), () -> service.create(organisation(), resource, body), type,
          one, errors);
    }

    @Override
    public T patch(long id, P request) {
      RequestBody body = body(patchMembers.apply(Objects.requireNonNull(request, "request == null")),
          SynergyContract.MERGE_PATCH_JSON);
      return read(() -> service.patch(organisation(), resource, id, body), type, one);
    }

    private RequestBody body(Map<String, Object> members, MediaType type) {
      return RequestBody.create(MemberJson.write(members), type);
    }
  }

  private final class Projects extends WriteResource<Project, ProjectQuery, ProjectCreate, ProjectPatch>
      implements SynergyProjects {
    Projects() {
      super(SynergyContract.PROJECTS, "Project", Wire.PROJECT, Wire.PROJECT_PAGE, QueryParams::of,
          ProjectCreate::members, ProjectPatch::members);
    }
  }

  private final class Contacts extends WriteResource<Contact, ContactQuery, ContactCreate, ContactPatch>
      implements SynergyContacts {
    Contacts() {
      super(SynergyContract.CONTACTS, "Contact", Wire.CONTACT, Wire.CONTACT_PAGE, QueryParams::of,
          ContactCreate::members, ContactPatch::members);
    }
  }

  private final class PersonnelResource
      extends WriteResource<Personnel, PersonnelQuery, PersonnelCreate, PersonnelPatch>
      implements SynergyPersonnel {
    PersonnelResource() {
      super(SynergyContract.PERSONNEL, "Personnel", Wire.PERSONNEL, Wire.PERSONNEL_PAGE, QueryParams::of,
          PersonnelCreate::members, PersonnelPatch::members);
    }
  }

  private final class StaffResource extends ReadResource<Staff, StaffQuery> implements SynergyStaff {
    StaffResource() {
      super(SynergyContract.STAFF, "Staff", Wire.STAFF, Wire.STAFF_PAGE, QueryParams::of);
    }
  }
}
