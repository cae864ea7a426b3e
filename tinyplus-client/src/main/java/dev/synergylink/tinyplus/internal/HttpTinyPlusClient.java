package dev.synergylink.tinyplus.internal;

import dev.synergylink.tinyplus.Account;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.CompanyCreate;
import dev.synergylink.tinyplus.CompanyPatch;
import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.Contact;
import dev.synergylink.tinyplus.ContactCreate;
import dev.synergylink.tinyplus.ContactPatch;
import dev.synergylink.tinyplus.ContactQuery;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.Project;
import dev.synergylink.tinyplus.ProjectCreate;
import dev.synergylink.tinyplus.ProjectPatch;
import dev.synergylink.tinyplus.ProjectPhase;
import dev.synergylink.tinyplus.ProjectQuery;
import dev.synergylink.tinyplus.ProjectType;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TeamMemberCreate;
import dev.synergylink.tinyplus.TeamMemberPatch;
import dev.synergylink.tinyplus.TeamMemberQuery;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusCompanies;
import dev.synergylink.tinyplus.TinyPlusContacts;
import dev.synergylink.tinyplus.TinyPlusProjectPhases;
import dev.synergylink.tinyplus.TinyPlusProjectTypes;
import dev.synergylink.tinyplus.TinyPlusProjects;
import dev.synergylink.tinyplus.TinyPlusTeamMembers;
import dev.synergylink.tinyplus.WriteRequest;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/** The HTTP {@link TinyPlusClient}. Immutable apart from the lazily cached account zone; thread-safe. */
public final class HttpTinyPlusClient implements TinyPlusClient {
  private final ClientSettings settings;
  private final TinyPlusService service;
  private final CallExecutor executor;
  private final OkHttpClient http;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Projects projects = new Projects();
  private final Companies companies = new Companies();
  private final Contacts contacts = new Contacts();
  private final TeamMembers teamMembers = new TeamMembers();
  private final ProjectPhases projectPhases = new ProjectPhases();
  private final ProjectTypes projectTypes = new ProjectTypes();
  private volatile ZoneId zone;

  /**
   * A client.
   *
   * @param settings what the builder collected
   */
  public HttpTinyPlusClient(ClientSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.zone = settings.zone();
    this.http = settings.transport().client(settings.okHttpClient(), settings.baseUrl())
        // a redirect could carry the token to another host
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("Accept", "application/json")
            .header("User-Agent", "synergylink-tinyplus-client")
            .build()))
        .build();
    this.service = new Retrofit.Builder()
        .baseUrl(settings.baseUrl() + "/")
        .client(http)
        .validateEagerly(true)
        .build()
        .create(TinyPlusService.class);
    this.executor = new CallExecutor(settings);
  }

  TinyPlusService service() {
    return service;
  }

  CallExecutor executor() {
    return executor;
  }

  @Override
  public Account account() {
    Account account = executor.execute("GET", "/account", service::account,
        body -> WireModel.account(WireObject.of(body, "the account")));
    if (zone == null) {
      zone = account.timezone();
    }
    return account;
  }

  @Override
  public ZoneId zone() {
    ZoneId known = zone;
    if (known == null) {
      synchronized (this) {
        known = zone;
        if (known == null) {
          known = account().timezone();
          zone = known;
        }
      }
    }
    return known;
  }

  @Override
  public TeamMember me() {
    ZoneId accountZone = zone();
    return executor.execute("GET", "/me", service::me,
        body -> WireModel.teamMember(WireObject.of(body, "the team member"), accountZone));
  }

  @Override
  public TinyPlusProjects projects() {
    return projects;
  }

  @Override
  public TinyPlusCompanies companies() {
    return companies;
  }

  @Override
  public TinyPlusContacts contacts() {
    return contacts;
  }

  @Override
  public TinyPlusTeamMembers teamMembers() {
    return teamMembers;
  }

  @Override
  public TinyPlusProjectPhases projectPhases() {
    return projectPhases;
  }

  @Override
  public TinyPlusProjectTypes projectTypes() {
    return projectTypes;
  }

  /** Refuses later calls and, when the client made its OkHttp client, releases its threads and connections. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      executor.close();
      if (settings.okHttpClient() == null) {
        HttpTransport.release(http);
      }
    }
  }

  @Override
  public String toString() {
    return "TinyPlusClient{baseUrl=" + settings.baseUrl() + "}";
  }

  private final class Projects extends HttpRecords<Project, ProjectQuery, ProjectCreate, ProjectPatch> implements TinyPlusProjects {
    Projects() {
      super(HttpTinyPlusClient.this, "projects", true, WireModel::project,
          q -> QueryParameters.of(q, HttpTinyPlusClient.this::zone));
    }
  }

  private final class Companies extends HttpRecords<Company, CompanyQuery, CompanyCreate, CompanyPatch> implements TinyPlusCompanies {
    Companies() {
      super(HttpTinyPlusClient.this, "companies", true, WireModel::company,
          q -> QueryParameters.of(q, HttpTinyPlusClient.this::zone));
    }
  }

  private final class Contacts extends HttpRecords<Contact, ContactQuery, ContactCreate, ContactPatch> implements TinyPlusContacts {
    Contacts() {
      super(HttpTinyPlusClient.this, "contacts", true, WireModel::contact,
          q -> QueryParameters.of(q, HttpTinyPlusClient.this::zone));
    }
  }

  private final class TeamMembers extends HttpRecords<TeamMember, TeamMemberQuery, TeamMemberCreate, TeamMemberPatch> implements TinyPlusTeamMembers {
    TeamMembers() {
      super(HttpTinyPlusClient.this, "team_members", true, WireModel::teamMember,
          q -> QueryParameters.of(q, HttpTinyPlusClient.this::zone));
    }

    @Override
    public TeamMember createGhost(TeamMemberCreate create) {
      return create(create);
    }
  }

  private final class ProjectPhases extends HttpRecords<ProjectPhase, ListQuery, WriteRequest, WriteRequest> implements TinyPlusProjectPhases {
    ProjectPhases() {
      super(HttpTinyPlusClient.this, "project_phases", false, (o, z) -> WireModel.projectPhase(o),
          QueryParameters::of);
    }
  }

  private final class ProjectTypes extends HttpRecords<ProjectType, ListQuery, WriteRequest, WriteRequest> implements TinyPlusProjectTypes {
    ProjectTypes() {
      super(HttpTinyPlusClient.this, "project_types", false, (o, z) -> WireModel.projectType(o),
          QueryParameters::of);
    }

    @Override
    public ProjectType create(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException(
            "a project type name must have 1 to " + MAX_NAME_LENGTH + " characters, was \"" + name + "\"");
      }
      return executor.execute("POST", "/project_types",
          token -> service.create(token, "project_types", HttpRecords.json(Map.of("name", name))), reader());
    }
  }
}
