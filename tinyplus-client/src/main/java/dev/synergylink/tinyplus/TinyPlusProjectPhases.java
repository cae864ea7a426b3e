package dev.synergylink.tinyplus;

/** The account's project pipeline phases ({@code /project_phases}, read only). */
public interface TinyPlusProjectPhases extends PagedResource<ProjectPhase, ListQuery> {}
