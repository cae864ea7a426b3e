package dev.synergylink.synergy.internal;

import static dev.synergylink.synergy.internal.SynergyContract.CONTACT_TYPE;
import static dev.synergylink.synergy.internal.SynergyContract.EXTERNAL_REFERENCE;
import static dev.synergylink.synergy.internal.SynergyContract.INCLUDE_INACTIVE;
import static dev.synergylink.synergy.internal.SynergyContract.MODIFIED_SINCE;
import static dev.synergylink.synergy.internal.SynergyContract.ORDER_BY;
import static dev.synergylink.synergy.internal.SynergyContract.PAGE;
import static dev.synergylink.synergy.internal.SynergyContract.PAGE_SIZE;
import static dev.synergylink.synergy.internal.SynergyContract.PARENT_CONTACT_ID;
import static dev.synergylink.synergy.internal.SynergyContract.PROJECT_NUMBER;

import dev.synergylink.synergy.ContactQuery;
import dev.synergylink.synergy.PersonnelQuery;
import dev.synergylink.synergy.ProjectQuery;
import dev.synergylink.synergy.StaffQuery;
import dev.synergylink.synergy.SynergyQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query parameters of each list query; unset filters are left out, the page is always sent. */
final class QueryParams {
  private final Map<String, String> params = new LinkedHashMap<>();

  private QueryParams() {}

  static Map<String, String> of(ProjectQuery query) {
    return new QueryParams().common(query)
        .put(EXTERNAL_REFERENCE, query.externalReference())
        .put(INCLUDE_INACTIVE, query.includeInactive() ? "true" : null)
        .put(PROJECT_NUMBER, query.projectNumber())
        .paging(query);
  }

  static Map<String, String> of(ContactQuery query) {
    return new QueryParams().common(query)
        .put(EXTERNAL_REFERENCE, query.externalReference())
        .put(CONTACT_TYPE, query.contactType() == null ? null : query.contactType().wireName())
        .paging(query);
  }

  static Map<String, String> of(PersonnelQuery query) {
    return new QueryParams().common(query)
        .put(EXTERNAL_REFERENCE, query.externalReference())
        .put(PARENT_CONTACT_ID, query.parentContactId() == null ? null : query.parentContactId().toString())
        .paging(query);
  }

  static Map<String, String> of(StaffQuery query) {
    return new QueryParams().common(query)
        .put(INCLUDE_INACTIVE, query.includeInactive() ? "true" : null)
        .paging(query);
  }

  private QueryParams common(SynergyQuery<?> query) {
    return put(MODIFIED_SINCE, query.modifiedSince() == null ? null : SynergyContract.format(query.modifiedSince()))
        .put(ORDER_BY, query.orderBy() == null ? null : query.orderBy().wireName());
  }

  private Map<String, String> paging(SynergyQuery<?> query) {
    put(PAGE, Integer.toString(query.page()));
    put(PAGE_SIZE, Integer.toString(query.pageSize()));
    return params;
  }

  private QueryParams put(String name, String value) {
    if (value != null) {
      params.put(name, value);
    }
    return this;
  }
}
