package dev.synergylink.sync.project;

import dev.synergylink.tinyplus.Account;
import dev.synergylink.tinyplus.TeamMember;
import dev.synergylink.tinyplus.TinyPlusClient;
import dev.synergylink.tinyplus.TinyPlusCompanies;
import dev.synergylink.tinyplus.TinyPlusContacts;
import dev.synergylink.tinyplus.TinyPlusProjectPhases;
import dev.synergylink.tinyplus.TinyPlusProjectTypes;
import dev.synergylink.tinyplus.TinyPlusProjects;
import dev.synergylink.tinyplus.TinyPlusTeamMembers;

/**
 * A tiny+ client that passes every call on; a test overrides the part where something happens in between. Public for
 * the tests of other packages.
 */
public class DelegatingTinyPlus implements TinyPlusClient {
  private final TinyPlusClient delegate;

  /**
   * A client that passes every call on to another.
   *
   * @param delegate the client the calls go to
   */
  public DelegatingTinyPlus(TinyPlusClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public Account account() {
    return delegate.account();
  }

  @Override
  public TeamMember me() {
    return delegate.me();
  }

  @Override
  public TinyPlusProjects projects() {
    return delegate.projects();
  }

  @Override
  public TinyPlusCompanies companies() {
    return delegate.companies();
  }

  @Override
  public TinyPlusContacts contacts() {
    return delegate.contacts();
  }

  @Override
  public TinyPlusTeamMembers teamMembers() {
    return delegate.teamMembers();
  }

  @Override
  public TinyPlusProjectPhases projectPhases() {
    return delegate.projectPhases();
  }

  @Override
  public TinyPlusProjectTypes projectTypes() {
    return delegate.projectTypes();
  }
}
