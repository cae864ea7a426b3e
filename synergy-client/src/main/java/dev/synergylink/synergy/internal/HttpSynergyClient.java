package dev.synergylink.synergy.internal;

import dev.synergylink.synergy.CurrentUser;
import dev.synergylink.synergy.ProjectStatus;
import dev.synergylink.synergy.Quota;
import dev.synergylink.synergy.RecordLinks;
import dev.synergylink.synergy.SynergyClient;
import dev.synergylink.synergy.SynergyContacts;
import dev.synergylink.synergy.SynergyPersonnel;
import dev.synergylink.synergy.SynergyProjects;
import dev.synergylink.synergy.SynergyStaff;
import java.util.List;
import java.util.Optional;

/** The HTTP implementation of {@link SynergyClient}. */
public final class HttpSynergyClient implements SynergyClient {
  /**
   * A client.
   *
   * @param settings the checked settings
   */
  public HttpSynergyClient(ClientSettings settings) {
    throw new UnsupportedOperationException("the HTTP client lands in the next commit");
  }

  @Override
  public String organisation() {
    throw new UnsupportedOperationException();
  }

  @Override
  public CurrentUser currentUser() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ProjectStatus> projectStatuses() {
    throw new UnsupportedOperationException();
  }

  @Override
  public SynergyProjects projects() {
    throw new UnsupportedOperationException();
  }

  @Override
  public SynergyContacts contacts() {
    throw new UnsupportedOperationException();
  }

  @Override
  public SynergyPersonnel personnel() {
    throw new UnsupportedOperationException();
  }

  @Override
  public SynergyStaff staff() {
    throw new UnsupportedOperationException();
  }

  @Override
  public RecordLinks recordLinks() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<Quota> lastQuota() {
    throw new UnsupportedOperationException();
  }
}
