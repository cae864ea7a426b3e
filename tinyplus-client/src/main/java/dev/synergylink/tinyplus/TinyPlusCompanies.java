package dev.synergylink.tinyplus;

/** The companies of a tiny+ account ({@code /companies}). */
public interface TinyPlusCompanies extends PagedResource<Company, CompanyQuery> {
  /**
   * {@code GET /companies/{id}}; soft-deleted companies are returned too.
   *
   * @param id the company id
   * @return the company
   * @throws TinyPlusNotFoundException when there is no such company
   */
  Company get(long id);

  /**
   * {@code POST /companies}. A create that fails without a clear answer ({@link TinyPlusTransportException}, a
   * 5xx) is never resent: look the record up by the {@code remote_id} it was created with before trying again.
   *
   * @param create the new company's members
   * @return the created company
   */
  Company create(CompanyCreate create);

  /**
   * {@code PATCH /companies/{id}}: sends only the members set on {@code patch}; a member set to null is cleared.
   *
   * @param id the company id
   * @param patch the members to change
   * @return the company after the change
   */
  Company patch(long id, CompanyPatch patch);

  /**
   * {@code DELETE /companies/{id}}: a soft delete; the record stays readable with {@link RecordStatus#DELETED}.
   *
   * @param id the company id
   * @return the deleted company
   */
  Company delete(long id);
}
