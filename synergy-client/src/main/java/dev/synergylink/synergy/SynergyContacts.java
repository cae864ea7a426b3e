package dev.synergylink.synergy;

/**
 * The contacts of type Company or Individual of the organisation, see {@link SynergyClient}. Implementations are
 * thread-safe.
 */
public interface SynergyContacts extends SynergyWriteResource<Contact, ContactQuery, ContactCreate, ContactPatch> {}
