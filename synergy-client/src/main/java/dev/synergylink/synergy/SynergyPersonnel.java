package dev.synergylink.synergy;

/**
 * The personnel (people who belong to a Company contact) of the organisation, see {@link SynergyClient}.
 * Implementations are thread-safe.
 */
public interface SynergyPersonnel
    extends SynergyWriteResource<Personnel, PersonnelQuery, PersonnelCreate, PersonnelPatch> {}
