package dev.synergylink.synergy;

/** The staff of the organisation, read-only, see {@link SynergyClient}. Implementations are thread-safe. */
public interface SynergyStaff extends SynergyReadResource<Staff, StaffQuery> {}
