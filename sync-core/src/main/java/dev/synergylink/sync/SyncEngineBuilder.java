package dev.synergylink.sync;

import dev.synergylink.sync.internal.EngineConfig;
import dev.synergylink.sync.spi.ConflictPolicy;
import dev.synergylink.sync.spi.FieldMapping;
import dev.synergylink.sync.spi.StateStore;
import dev.synergylink.sync.spi.SyncListener;
import dev.synergylink.synergy.Contact;
import dev.synergylink.synergy.Personnel;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.Staff;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.tinyplus.Company;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TinyPlusClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link SyncEngine}: {@code SyncEngine.builder()}. The clients, the state store and the settings are
 * required; everything else has a default, named on its setter. Not thread-safe.
 */
public final class SyncEngineBuilder {
  private SynergyClient synergy;
  private TinyPlusClient tinyPlus;
  private StateStore store;
  private SyncSettings settings;
  private FieldMapping<Contact, Company> companyMapping = FieldMappings.companies();
  private FieldMapping<Personnel, dev.synergylink.tinyplus.Contact> contactMapping = FieldMappings.contacts();
  private FieldMapping<Staff, TeamMember> teamMemberMapping = FieldMappings.teamMembers();
  private FieldMapping<Project, dev.synergylink.tinyplus.Project> projectMapping = ProjectMappings.projects();
  private ConflictPolicy conflictPolicy = ConflictPolicy.ownerWinsElseNewest();
  private Clock clock = Clock.systemUTC();
  private final List<SyncListener> listeners = new ArrayList<>();
  private String holder;

  SyncEngineBuilder() {}

  /**
   * The Synergy client (required).
   *
   * @param synergy the client
   * @return this builder
   */
  public SyncEngineBuilder synergy(SynergyClient synergy) {
    this.synergy = Objects.requireNonNull(synergy, "synergy == null");
    return this;
  }

  /**
   * The tiny+ client (required).
   *
   * @param tinyPlus the client
   * @return this builder
   */
  public SyncEngineBuilder tinyPlus(TinyPlusClient tinyPlus) {
    this.tinyPlus = Objects.requireNonNull(tinyPlus, "tinyPlus == null");
    return this;
  }

  /**
   * Where the engine keeps its state (required).
   *
   * @param store the store
   * @return this builder
   */
  public SyncEngineBuilder stateStore(StateStore store) {
    this.store = Objects.requireNonNull(store, "store == null");
    return this;
  }

  /**
   * The connection's settings (required).
   *
   * @param settings the settings
   * @return this builder
   */
  public SyncEngineBuilder settings(SyncSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings == null");
    return this;
  }

  /**
   * The companies mapping; default {@link FieldMappings#companies()}.
   *
   * @param mapping the mapping
   * @return this builder
   */
  public SyncEngineBuilder companyMapping(FieldMapping<Contact, Company> mapping) {
    this.companyMapping = Objects.requireNonNull(mapping, "mapping == null");
    return this;
  }

  /**
   * The contacts mapping; default {@link FieldMappings#contacts()}.
   *
   * @param mapping the mapping
   * @return this builder
   */
  public SyncEngineBuilder contactMapping(FieldMapping<Personnel, dev.synergylink.tinyplus.Contact> mapping) {
    this.contactMapping = Objects.requireNonNull(mapping, "mapping == null");
    return this;
  }

  /**
   * The team members mapping; default {@link FieldMappings#teamMembers()}. Its rules can never write to Synergy.
   *
   * @param mapping the mapping
   * @return this builder
   */
  public SyncEngineBuilder teamMemberMapping(FieldMapping<Staff, TeamMember> mapping) {
    this.teamMemberMapping = Objects.requireNonNull(mapping, "mapping == null");
    return this;
  }

  /**
   * The projects mapping; default {@link ProjectMappings#projects()}.
   *
   * @param mapping the mapping
   * @return this builder
   */
  public SyncEngineBuilder projectMapping(FieldMapping<Project, dev.synergylink.tinyplus.Project> mapping) {
    this.projectMapping = Objects.requireNonNull(mapping, "mapping == null");
    return this;
  }

  /**
   * How field conflicts are settled; default {@link ConflictPolicy#ownerWinsElseNewest()}.
   *
   * @param policy the policy
   * @return this builder
   */
  public SyncEngineBuilder conflictPolicy(ConflictPolicy policy) {
    this.conflictPolicy = Objects.requireNonNull(policy, "policy == null");
    return this;
  }

  /**
   * The clock for leases, cursors of first runs and retry times; default the system UTC clock.
   *
   * @param clock the clock
   * @return this builder
   */
  public SyncEngineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  /**
   * Adds a listener for record events, conflicts and finished runs.
   *
   * @param listener the listener
   * @return this builder
   */
  public SyncEngineBuilder addListener(SyncListener listener) {
    this.listeners.add(Objects.requireNonNull(listener, "listener == null"));
    return this;
  }

  /**
   * The name this engine takes the lease under (shown to a second engine); default {@code SyncEngine@<hash>}.
   *
   * @param holder the name, for example the worker's host name
   * @return this builder
   */
  public SyncEngineBuilder holder(String holder) {
    this.holder = Objects.requireNonNull(holder, "holder == null");
    return this;
  }

  /**
   * The engine.
   *
   * @return the engine
   * @throws IllegalStateException naming what is missing, or when the settings and the Synergy client name
   *     different organisations
   */
  public SyncEngine build() {
    List<String> missing = new ArrayList<>();
    if (synergy == null) {
      missing.add("synergy(SynergyClient)");
    }
    if (tinyPlus == null) {
      missing.add("tinyPlus(TinyPlusClient)");
    }
    if (store == null) {
      missing.add("stateStore(StateStore)");
    }
    if (settings == null) {
      missing.add("settings(SyncSettings)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("SyncEngine.builder() is missing " + String.join(", ", missing));
    }
    if (!settings.synergyOrganisation().equalsIgnoreCase(synergy.organisation())) {
      throw new IllegalStateException("settings.synergyOrganisation() is '" + settings.synergyOrganisation()
          + "' but the Synergy client works on '" + synergy.organisation() + "': give both the same organisation");
    }
    return new SyncEngine(new EngineConfig(synergy, tinyPlus, store, settings, companyMapping, contactMapping,
        teamMemberMapping, projectMapping, conflictPolicy, clock, listeners, holder));
  }
}
