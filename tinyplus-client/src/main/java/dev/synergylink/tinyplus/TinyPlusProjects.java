package dev.synergylink.tinyplus;

/** The projects of a tiny+ account ({@code /projects}). */
public interface TinyPlusProjects extends PagedResource<Project, ProjectQuery> {
  /**
   * {@code GET /projects/{id}}; soft-deleted projects are returned too.
   *
   * @param id the project id
   * @return the project
   * @throws TinyPlusNotFoundException when there is no such project
   */
  Project get(long id);

  /**
   * {@code POST /projects}. A create that fails without a clear answer ({@link TinyPlusTransportException}, a
   * 5xx) is never resent: look the record up by the {@code remote_id} it was created with before trying again.
   *
   * @param create the new project's members
   * @return the created project
   */
  Project create(ProjectCreate create);

  /**
   * {@code PATCH /projects/{id}}: sends only the members set on {@code patch}; a member set to null is cleared.
   *
   * @param id the project id
   * @param patch the members to change
   * @return the project after the change
   */
  Project patch(long id, ProjectPatch patch);

  /**
   * {@code DELETE /projects/{id}}: a soft delete; the record stays readable with {@link RecordStatus#DELETED}.
   *
   * @param id the project id
   * @return the deleted project
   */
  Project delete(long id);
}
