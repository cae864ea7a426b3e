package dev.synergylink.synergy;

/** The projects of the organisation, see {@link SynergyClient}. Implementations are thread-safe. */
public interface SynergyProjects extends SynergyWriteResource<Project, ProjectQuery, ProjectCreate, ProjectPatch> {}
