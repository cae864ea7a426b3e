package dev.synergylink.tinyplus;

/** The contacts of a tiny+ account ({@code /contacts}). */
public interface TinyPlusContacts extends PagedResource<Contact, ContactQuery> {
  /**
   * {@code GET /contacts/{id}}; soft-deleted contacts are returned too.
   *
   * @param id the contact id
   * @return the contact
   * @throws TinyPlusNotFoundException when there is no such contact
   */
  Contact get(long id);

  /**
   * {@code POST /contacts}. A create that fails without a clear answer ({@link TinyPlusTransportException}, a
   * 5xx) is never resent: look the record up by the {@code remote_id} it was created with before trying again.
   *
   * @param create the new contact's members
   * @return the created contact
   */
  Contact create(ContactCreate create);

  /**
   * {@code PATCH /contacts/{id}}: sends only the members set on {@code patch}; a member set to null is cleared.
   *
   * @param id the contact id
   * @param patch the members to change
   * @return the contact after the change
   */
  Contact patch(long id, ContactPatch patch);

  /**
   * {@code DELETE /contacts/{id}}: a soft delete; the record stays readable with {@link RecordStatus#DELETED}.
   *
   * @param id the contact id
   * @return the deleted contact
   */
  Contact delete(long id);
}
