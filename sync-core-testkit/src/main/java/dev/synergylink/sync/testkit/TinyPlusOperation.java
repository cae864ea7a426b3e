package dev.synergylink.sync.testkit;

/** The operations of the tiny+ API contract, for call counts and fault rules. */
public enum TinyPlusOperation implements FakeOperation {
  /** {@code GET /account}. */
  GET_ACCOUNT("GET", "/account"),
  /** {@code GET /me}. */
  GET_ME("GET", "/me"),
  /** {@code GET /projects}. */
  LIST_PROJECTS("GET", "/projects"),
  /** {@code POST /projects}. */
  CREATE_PROJECT("POST", "/projects"),
  /** {@code GET /projects/{id}}. */
  GET_PROJECT("GET", "/projects/{id}"),
  /** {@code PATCH /projects/{id}}. */
  PATCH_PROJECT("PATCH", "/projects/{id}"),
  /** {@code DELETE /projects/{id}}. */
  DELETE_PROJECT("DELETE", "/projects/{id}"),
  /** {@code GET /companies}. */
  LIST_COMPANIES("GET", "/companies"),
  /** {@code POST /companies}. */
  CREATE_COMPANY("POST", "/companies"),
  /** {@code GET /companies/{id}}. */
  GET_COMPANY("GET", "/companies/{id}"),
  /** {@code PATCH /companies/{id}}. */
  PATCH_COMPANY("PATCH", "/companies/{id}"),
  /** {@code DELETE /companies/{id}}. */
  DELETE_COMPANY("DELETE", "/companies/{id}"),
  /** {@code GET /contacts}. */
  LIST_CONTACTS("GET", "/contacts"),
  /** {@code POST /contacts}. */
  CREATE_CONTACT("POST", "/contacts"),
  /** {@code GET /contacts/{id}}. */
  GET_CONTACT("GET", "/contacts/{id}"),
  /** {@code PATCH /contacts/{id}}. */
  PATCH_CONTACT("PATCH", "/contacts/{id}"),
  /** {@code DELETE /contacts/{id}}. */
  DELETE_CONTACT("DELETE", "/contacts/{id}"),
  /** {@code GET /team_members}. */
  LIST_TEAM_MEMBERS("GET", "/team_members"),
  /** {@code POST /team_members}. */
  CREATE_TEAM_MEMBER("POST", "/team_members"),
  /** {@code GET /team_members/{id}}. */
  GET_TEAM_MEMBER("GET", "/team_members/{id}"),
  /** {@code PATCH /team_members/{id}}. */
  PATCH_TEAM_MEMBER("PATCH", "/team_members/{id}"),
  /** {@code GET /project_phases}. */
  LIST_PROJECT_PHASES("GET", "/project_phases"),
  /** {@code GET /project_types}. */
  LIST_PROJECT_TYPES("GET", "/project_types"),
  /** {@code POST /project_types}. */
  CREATE_PROJECT_TYPE("POST", "/project_types");

  private final String method;
  private final String pathTemplate;

  TinyPlusOperation(String method, String pathTemplate) {
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
