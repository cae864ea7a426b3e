package dev.synergylink.tinyplus.internal;

import dev.synergylink.tinyplus.CompanyQuery;
import dev.synergylink.tinyplus.ContactQuery;
import dev.synergylink.tinyplus.ListQuery;
import dev.synergylink.tinyplus.PagedQuery;
import dev.synergylink.tinyplus.ProjectQuery;
import dev.synergylink.tinyplus.RecordQuery;
import dev.synergylink.tinyplus.RecordStatus;
import dev.synergylink.tinyplus.TeamMemberQuery;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Writes queries as the API's query parameters, in a fixed order; dates in the account zone. */
final class QueryParameters {
  private QueryParameters() {}

  static Map<String, String> of(ListQuery query) {
    return paging(query);
  }

  static Map<String, String> of(ProjectQuery query, Supplier<ZoneId> zone) {
    return records(query, status(query.recordStatus()), zone);
  }

  static Map<String, String> of(CompanyQuery query, Supplier<ZoneId> zone) {
    return records(query, status(query.recordStatus()), zone);
  }

  static Map<String, String> of(ContactQuery query, Supplier<ZoneId> zone) {
    Map<String, String> params = records(query, status(query.recordStatus()), zone);
    putIfSet(params, "primary_company", query.primaryCompany());
    return params;
  }

  static Map<String, String> of(TeamMemberQuery query, Supplier<ZoneId> zone) {
    Map<String, String> params =
        records(query, query.recordStatus() == null ? null : query.recordStatus().wireName(), zone);
    putIfSet(params, "email", query.email());
    return params;
  }

  /** {@code with_related=0}, for reads by id. */
  static Map<String, String> withoutRelated() {
    return Map.of("with_related", "0");
  }

  private static String status(RecordStatus status) {
    return status == null ? null : status.wireName();
  }

  private static Map<String, String> paging(PagedQuery<?> query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("limit", Integer.toString(query.limit()));
    params.put("start", Integer.toString(query.start()));
    return params;
  }

  private static Map<String, String> records(RecordQuery<?> query, String recordStatus, Supplier<ZoneId> zone) {
    Map<String, String> params = paging(query);
    putIfSet(params, "sort", query.sort() == null ? null : query.sort().wireName());
    params.put("with_related", query.withRelated() ? "1" : "0");
    if (query.modifiedAfter() != null) {
      params.put("modified_date", ">" + TinyPlusContract.toLocal(query.modifiedAfter(), zone.get()));
    } else if (query.modifiedBefore() != null) {
      params.put("modified_date", "<" + TinyPlusContract.toLocal(query.modifiedBefore(), zone.get()));
    } else if (query.modifiedAt() != null) {
      params.put("modified_date", TinyPlusContract.toLocal(query.modifiedAt(), zone.get()));
    }
    putIfSet(params, "record_status", recordStatus);
    putIfSet(params, "remote_id", query.remoteId());
    putIfSet(params, "sync_origin", query.syncOrigin());
    return params;
  }

  private static void putIfSet(Map<String, String> params, String name, Object value) {
    if (value != null) {
      params.put(name, value.toString());
    }
  }
}
