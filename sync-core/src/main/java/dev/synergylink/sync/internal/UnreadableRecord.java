package dev.synergylink.sync.internal;

/**
 * A record on a list page that the client could not read: it is quarantined with the reason, and the rest of the page
 * goes on.
 *
 * @param id the record's id, or null when even that could not be read
 * @param member the member at fault
 * @param reason why it could not be read
 */
public record UnreadableRecord(Long id, String member, String reason) {}
