package dev.synergylink.sync;

/**
 * The four kinds of record SynergyLink keeps in sync, named by their tiny+ side.
 *
 * <p>The order of the constants is the dependency order of a cycle: team members first (project managers
 * point at them), then companies (contacts and projects point at them), then contacts, then projects.
 */
public enum RecordType {
  /** tiny+ team members, fed one way from Synergy staff. */
  TEAM_MEMBER,
  /** tiny+ companies, two-way with Synergy contacts of type Company or Individual. */
  COMPANY,
  /** tiny+ contacts, two-way with Synergy personnel. */
  CONTACT,
  /** tiny+ projects, two-way with Synergy projects. */
  PROJECT
}
