package dev.synergylink.tinyplus.internal;

import dev.synergylink.tinyplus.Page;
import dev.synergylink.tinyplus.WriteRequest;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * One tiny+ resource over HTTP: list, get, create, patch, delete. The typed resource views extend it.
 *
 * @param <T> the record type
 * @param <Q> the query type
 * @param <C> the create request type
 * @param <P> the patch request type
 */
class HttpRecords<T, Q, C extends WriteRequest, P extends WriteRequest> {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  final HttpTinyPlusClient client;
  final String resource;
  private final BiFunction<WireObject, ZoneId, T> mapper;
  private final Function<Q, Map<String, String>> query;
  private final boolean dated;

  /**
   * A resource.
   *
   * @param dated whether its records carry local date-times, so that the account zone is needed to read them
   */
  HttpRecords(
      HttpTinyPlusClient client,
      String resource,
      boolean dated,
      BiFunction<WireObject, ZoneId, T> mapper,
      Function<Q, Map<String, String>> query) {
    this.client = client;
    this.resource = resource;
    this.dated = dated;
    this.mapper = mapper;
    this.query = query;
  }

  public Page<T> list(Q q) {
    Objects.requireNonNull(q, "query == null");
    Map<String, String> params = query.apply(q);
    ZoneId zone = zone();
    return client.executor().execute("GET", "/" + resource, token -> client.service().list(token, resource, params),
        body -> WireModel.page(WireObject.of(body, "the list"), record -> mapper.apply(record, zone)));
  }

  public T get(long id) {
    return client.executor().execute("GET", path(id),
        token -> client.service().get(token, resource, id, QueryParameters.withoutRelated()), reader());
  }

  public T create(C create) {
    Objects.requireNonNull(create, "create == null");
    RequestBody body = json(create.members());
    return client.executor().execute("POST", "/" + resource,
        token -> client.service().create(token, resource, body), reader());
  }

  public T patch(long id, P patch) {
    Objects.requireNonNull(patch, "patch == null");
    RequestBody body = json(patch.members());
    return client.executor().execute("PATCH", path(id),
        token -> client.service().patch(token, resource, id, body), reader());
  }

  public T delete(long id) {
    return client.executor().execute("DELETE", path(id),
        token -> client.service().delete(token, resource, id), reader());
  }

  static RequestBody json(Map<String, Object> members) {
    return RequestBody.create(JsonTree.write(members), JSON);
  }

  private String path(long id) {
    return "/" + resource + "/" + id;
  }

  /** Resolves the zone (which may call {@code /account}) before the call, never inside its attempts. */
  private ZoneId zone() {
    return dated ? client.zone() : null;
  }

  Function<Object, T> reader() {
    ZoneId zone = zone();
    return body -> mapper.apply(WireObject.of(body, "the " + resource + " record"), zone);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + resource + "}";
  }
}
