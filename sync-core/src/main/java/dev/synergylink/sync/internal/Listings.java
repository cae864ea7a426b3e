package dev.synergylink.sync.internal;

import dev.synergylink.sync.Side;
import dev.synergylink.synergy.Page;
import dev.synergylink.synergy.SynergyApiException;
import dev.synergylink.synergy.SynergyQuery;
import dev.synergylink.synergy.SynergyReadResource;
import dev.synergylink.tinyplus.PagedQuery;
import dev.synergylink.tinyplus.PagedResource;
import dev.synergylink.tinyplus.TinyPlusApiException;

/**
 * Whole listings read through the clients' own page iterators, so paging is done once, by the clients: each page is
 * one counted call, and a failed page throws {@link RemoteFailure}.
 */
public final class Listings {
  private Listings() {}

  /**
   * Every Synergy record of a query, from its page on.
   *
   * @param calls the call counter
   * @param resource the resource to list
   * @param query the filters, order and first page
   * @param <T> the record type
   * @param <Q> the query type
   * @return a lazy iterable, one call per page
   */
  public static <T, Q extends SynergyQuery<Q>> Iterable<T> synergy(ApiCalls calls, SynergyReadResource<T, Q> resource,
      Q query) {
    return Page.iterate(query, q -> {
      try {
        return calls.synergy(() -> resource.list(q));
      } catch (SynergyApiException e) {
        throw RemoteFailure.of(e);
      }
    });
  }

  /**
   * Every tiny+ record of a query, from its start on.
   *
   * @param calls the call counter
   * @param resource the resource to list
   * @param query the filters, order, first offset and page size
   * @param <T> the record type
   * @param <Q> the query type
   * @return a lazy iterable, one call per page
   */
  public static <T, Q extends PagedQuery<Q>> Iterable<T> tinyPlus(ApiCalls calls, PagedResource<T, Q> resource,
      Q query) {
    PagedResource<T, Q> counted = q -> {
      calls.count(Side.TINYPLUS);
      try {
        return resource.list(q);
      } catch (TinyPlusApiException e) {
        throw RemoteFailure.of(e);
      }
    };
    return counted.listAll(query);
  }
}
