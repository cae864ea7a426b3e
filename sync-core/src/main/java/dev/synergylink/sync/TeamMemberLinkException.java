package dev.synergylink.sync;

/**
 * A team member link that does not fit the links there are: the staff member or the team member is already linked
 * to someone else (unlink it first), or the staff member to unlink is not linked. Nothing was changed.
 */
public class TeamMemberLinkException extends SyncException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with its message.
   *
   * @param message names the records and says what to do
   */
  public TeamMemberLinkException(String message) {
    super(message);
  }
}
