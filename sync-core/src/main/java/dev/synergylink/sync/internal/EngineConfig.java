package dev.synergylink.sync.internal;

import dev.synergylink.sync.RecordType;
import dev.synergylink.sync.SyncSettings;
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
import java.util.List;

/**
 * What an engine was built with: both clients, the state store, the settings, a mapping per record type, the
 * conflict policy, the clock, the listeners and the lease holder's name. Immutable.
 *
 * @param synergy the Synergy client
 * @param tinyPlus the tiny+ client
 * @param store the state store
 * @param settings the connection's settings
 * @param companyMapping the companies mapping
 * @param contactMapping the contacts mapping
 * @param teamMemberMapping the team members mapping
 * @param projectMapping the projects mapping
 * @param conflictPolicy how field conflicts are settled
 * @param clock the clock
 * @param listeners the listeners, in the order added
 * @param holder the name the lease is taken under
 */
public record EngineConfig(
    SynergyClient synergy,
    TinyPlusClient tinyPlus,
    StateStore store,
    SyncSettings settings,
    FieldMapping<Contact, Company> companyMapping,
    FieldMapping<Personnel, dev.synergylink.tinyplus.Contact> contactMapping,
    FieldMapping<Staff, TeamMember> teamMemberMapping,
    FieldMapping<Project, dev.synergylink.tinyplus.Project> projectMapping,
    ConflictPolicy conflictPolicy,
    Clock clock,
    List<SyncListener> listeners,
    String holder) {

  /** Copies the listeners, so the builder that made this config can change without changing it. */
  public EngineConfig {
    listeners = List.copyOf(listeners);
  }

  /**
   * This config with another lease holder's name.
   *
   * @param holder the name
   * @return the config
   */
  public EngineConfig withHolder(String holder) {
    return new EngineConfig(synergy, tinyPlus, store, settings, companyMapping, contactMapping, teamMemberMapping,
        projectMapping, conflictPolicy, clock, listeners, holder);
  }

  /**
   * The connection's id, from the settings.
   *
   * @return the id
   */
  public String connectionId() {
    return settings.connectionId();
  }

  /**
   * The mapping of a record type.
   *
   * @param type the record type
   * @return the mapping
   */
  public FieldMapping<?, ?> mapping(RecordType type) {
    switch (type) {
      case TEAM_MEMBER: return teamMemberMapping;
      case COMPANY: return companyMapping;
      case CONTACT: return contactMapping;
      case PROJECT: return projectMapping;
      default: throw new AssertionError(type);
    }
  }
}
