package dev.synergylink.sync;

import dev.synergylink.sync.spi.FieldContext;
import dev.synergylink.sync.spi.ProjectContext;
import dev.synergylink.sync.spi.SkipRecordException;
import dev.synergylink.tinyplus.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A field context over a small link table, with project look-ups that answer from maps: for rules' unit tests. */
final class RuleContext implements FieldContext, ProjectContext {
  final Map<String, Long> synergyIds = new HashMap<>();
  final Map<String, Long> tinyPlusIds = new HashMap<>();
  final List<String> notSynced = new ArrayList<>();
  final Map<String, String> tinyPlusTypes = new HashMap<>();
  final SyncSettings settings;
  int statusChecks;

  RuleContext(SyncSettings settings) {
    this.settings = settings;
  }

  static RuleContext of() {
    return new RuleContext(SyncSettings.builder().connectionId("acme").synergyOrganisation("acme-architects")
        .activatingUser(77L)
        .statusMapping(StatusMapping.builder().status(5, dev.synergylink.tinyplus.ProjectState.WON, 50L)
            .phase(50, 5).build())
        .build());
  }

  /** Links a Synergy record with a tiny+ record. */
  RuleContext link(RecordType type, long synergyId, long tinyPlusId) {
    synergyIds.put(type + "/" + tinyPlusId, synergyId);
    tinyPlusIds.put(type + "/" + synergyId, tinyPlusId);
    return this;
  }

  @Override
  public SyncSettings settings() {
    return settings;
  }

  @Override
  public String synergyOrganisation() {
    return settings.synergyOrganisation();
  }

  @Override
  public Long linkedSynergyId(RecordType type, long tinyPlusId) {
    return synergyIds.get(type + "/" + tinyPlusId);
  }

  @Override
  public Long linkedTinyPlusId(RecordType type, long synergyId) {
    return tinyPlusIds.get(type + "/" + synergyId);
  }

  @Override
  public String synergyWebLink(RecordType type, long synergyId) {
    return "https://synergy.example/" + type + "/" + synergyId;
  }

  @Override
  public ProjectContext projects() {
    return this;
  }

  @Override
  public StatusMapping statusMapping() {
    return settings.statusMapping();
  }

  @Override
  public StatusMapping checkedStatusMapping() {
    statusChecks++;
    return settings.statusMapping();
  }

  @Override
  public void noteSynergyStatus(long synergyProjectId, long statusId) {}

  @Override
  public List<Long> partnerStatuses(Project project) {
    return List.of();
  }

  @Override
  public void reading(Side side, long projectId) {}

  @Override
  public void fieldNotSynced(Side into, String field, String message) {
    notSynced.add(into + " " + field + ": " + message);
  }

  @Override
  public String tinyPlusProjectType(String name) {
    return tinyPlusTypes.get(name);
  }

  @Override
  public long synergyClient(long tinyPlusCompanyId) {
    Long linked = linkedSynergyId(RecordType.COMPANY, tinyPlusCompanyId);
    if (linked == null) {
      throw new SkipRecordException("its client company is not synced");
    }
    return linked;
  }

  @Override
  public long tinyPlusClient(long synergyContactId) {
    Long linked = linkedTinyPlusId(RecordType.COMPANY, synergyContactId);
    if (linked == null) {
      throw new SkipRecordException("its client is not synced");
    }
    return linked;
  }
}
