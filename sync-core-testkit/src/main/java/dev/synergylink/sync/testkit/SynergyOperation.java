package dev.synergylink.sync.testkit;

/** The operations of the Synergy API contract, for call counts and fault rules. */
public enum SynergyOperation implements FakeOperation {
  /** {@code POST /OAuth2/GetAccessToken} (HTTP fake server only). */
  GET_ACCESS_TOKEN("POST", "/OAuth2/GetAccessToken"),
  /** {@code POST /OAuth2/RefreshAccessToken} (HTTP fake server only). */
  REFRESH_ACCESS_TOKEN("POST", "/OAuth2/RefreshAccessToken"),
  /** {@code GET /Organisation/{org}/CurrentUser}. */
  GET_CURRENT_USER("GET", "/Organisation/{org}/CurrentUser"),
  /** {@code GET /Organisation/{org}/ProjectStatuses}. */
  LIST_PROJECT_STATUSES("GET", "/Organisation/{org}/ProjectStatuses"),
  /** {@code GET /Organisation/{org}/Projects}. */
  LIST_PROJECTS("GET", "/Organisation/{org}/Projects"),
  /** {@code POST /Organisation/{org}/Projects}. */
  CREATE_PROJECT("POST", "/Organisation/{org}/Projects"),
  /** {@code GET /Organisation/{org}/Projects/{id}}. */
  GET_PROJECT("GET", "/Organisation/{org}/Projects/{id}"),
  /** {@code PATCH /Organisation/{org}/Projects/{id}}. */
  PATCH_PROJECT("PATCH", "/Organisation/{org}/Projects/{id}"),
  /** {@code GET /Organisation/{org}/Contacts}. */
  LIST_CONTACTS("GET", "/Organisation/{org}/Contacts"),
  /** {@code POST /Organisation/{org}/Contacts}. */
  CREATE_CONTACT("POST", "/Organisation/{org}/Contacts"),
  /** {@code GET /Organisation/{org}/Contacts/{id}}. */
  GET_CONTACT("GET", "/Organisation/{org}/Contacts/{id}"),
  /** {@code PATCH /Organisation/{org}/Contacts/{id}}. */
  PATCH_CONTACT("PATCH", "/Organisation/{org}/Contacts/{id}"),
  /** {@code GET /Organisation/{org}/Personnel}. */
  LIST_PERSONNEL("GET", "/Organisation/{org}/Personnel"),
  /** {@code POST /Organisation/{org}/Personnel}. */
  CREATE_PERSONNEL("POST", "/Organisation/{org}/Personnel"),
  /** {@code GET /Organisation/{org}/Personnel/{id}}. */
  GET_PERSONNEL("GET", "/Organisation/{org}/Personnel/{id}"),
  /** {@code PATCH /Organisation/{org}/Personnel/{id}}. */
  PATCH_PERSONNEL("PATCH", "/Organisation/{org}/Personnel/{id}"),
  /** {@code GET /Organisation/{org}/Staff}. */
  LIST_STAFF("GET", "/Organisation/{org}/Staff"),
  /** {@code GET /Organisation/{org}/Staff/{id}}. */
  GET_STAFF("GET", "/Organisation/{org}/Staff/{id}");

  private final String method;
  private final String pathTemplate;

  SynergyOperation(String method, String pathTemplate) {
    this.method = method;
    this.pathTemplate = pathTemplate;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String pathTemplate() {
    return pathTemplate;
  }

  @Override
  public String toString() {
    return method + " " + pathTemplate;
  }
}
