package dev.synergylink.tinyplus;

/**
 * The team members of a tiny+ account ({@code /team_members}). The API cannot create active members (they are
 * invited from the tiny+ app) nor delete members: {@link #createGhost(TeamMemberCreate)} is the only create.
 */
public interface TinyPlusTeamMembers extends PagedResource<TeamMember, TeamMemberQuery> {
  /**
   * {@code GET /team_members/{id}}.
   *
   * @param id the team member id
   * @return the team member
   * @throws TinyPlusNotFoundException when there is no such member
   */
  TeamMember get(long id);

  /**
   * {@code POST /team_members} with {@code record_status: ghost}: a member who cannot log in and costs nothing.
   * A create that fails without a clear answer is never resent: look the member up by {@code remote_id} first.
   *
   * @param create the new member's members
   * @return the created ghost member
   */
  TeamMember createGhost(TeamMemberCreate create);

  /**
   * {@code PATCH /team_members/{id}}: sends only the members set; null clears. The server refuses (400) to change
   * the email of an active member.
   *
   * @param id the team member id
   * @param patch the members to change
   * @return the member after the change
   */
  TeamMember patch(long id, TeamMemberPatch patch);
}
