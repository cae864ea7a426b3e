package dev.synergylink.sync;

import dev.synergylink.sync.internal.ApiCalls;
import dev.synergylink.sync.internal.EngineConfig;
import dev.synergylink.sync.internal.LeaseRunner;
import dev.synergylink.sync.internal.Listings;
import dev.synergylink.sync.internal.RemoteFailure;
import dev.synergylink.sync.internal.project.ProjectRun;
import dev.synergylink.synergy.OrderBy;
import dev.synergylink.synergy.Project;
import dev.synergylink.synergy.ProjectQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The projects sync's setup screens of one engine: the status options to map, the project types to discover, and
 * what still keeps the projects sync from running. Works with the master switch off. Get it with
 * {@link SyncEngine#projectSetup()}.
 *
 * <pre>{@code
 * ProjectSetup setup = engine.projectSetup();
 * StatusMapping proposed = StatusMapping.proposeDefault(setup.statusOptions());
 * setup.discoverTypes();
 * List<String> problems = setup.problems();   // empty: the projects sync may be enabled
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ProjectSetup {
  private final EngineConfig config;
  private final LeaseRunner runner;

  ProjectSetup(EngineConfig config, LeaseRunner runner) {
    this.config = config;
    this.runner = runner;
  }

  /**
   * Loads what the Configure Project Statuses screen shows: every Synergy project status and every tiny+ pipeline
   * phase. Two API calls or a few more (phases are paged).
   *
   * @return the statuses and phases, for {@link StatusMapping#proposeDefault} and {@link StatusMapping#problems}
   * @throws SyncStoppedException when a system stopped the listing
   */
  public ProjectStatusOptions statusOptions() {
    try {
      return ProjectRun.load(config.synergy(), config.tinyPlus(), new ApiCalls());
    } catch (RemoteFailure e) {
      throw runner.stopped(e);
    }
  }

  /**
   * Configure Project Types: Synergy has no list of project types, so they are discovered from its projects
   * (complete and unsuccessful ones included), and every type tiny+ lacks is registered there (a type someone
   * registered meanwhile is fine). Reads every Synergy project.
   *
   * @return the Synergy project types found, in first-seen order, one spelling each
   * @throws SyncStoppedException when a system stopped the listing or the registration
   */
  public List<String> discoverTypes() {
    ApiCalls calls = new ApiCalls();
    try {
      Map<String, String> types = new LinkedHashMap<>();
      ProjectQuery all = ProjectQuery.builder().orderBy(OrderBy.ID).includeInactive(true).build();
      for (Project project : Listings.synergy(calls, config.synergy().projects(), all)) {
        String type = project.projectType();
        if (type != null && !type.isBlank()) {
          types.putIfAbsent(type.strip().toLowerCase(Locale.ROOT), type.strip());
        }
      }
      List<String> tinyPlusNames = new ArrayList<>();
      for (String type : types.values()) {
        String name = config.settings().projectTypeMapping().tinyPlusType(type);
        if (name != null) {
          tinyPlusNames.add(name);
        }
      }
      ProjectRun.register(tinyPlusNames, config.tinyPlus(), calls);
      return List.copyOf(types.values());
    } catch (RemoteFailure e) {
      throw runner.stopped(e);
    }
  }

  /**
   * Everything that keeps the projects sync from running, one sentence each saying what to do: the companies not
   * synced yet, the team members not linked, no status mapping, and each Synergy status and tiny+ phase the status
   * mapping leaves unmapped. Loads the statuses and phases (a few API calls).
   *
   * @return the problems; empty when the projects sync may be enabled
   * @throws SyncStoppedException when a system stopped the listing
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>(ProjectRun.orderProblems(config.store(), config.settings()));
    StatusMapping mapping = config.settings().statusMapping();
    if (mapping == null) {
      problems.add("Project sync needs statusMapping: map the project statuses (Configure Project Statuses) first");
    } else {
      problems.addAll(mapping.problems(statusOptions()));
    }
    return problems;
  }
}
