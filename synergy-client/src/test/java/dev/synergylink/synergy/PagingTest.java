package dev.synergylink.synergy;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Walking every page of a list, lazily. */
class PagingTest extends WireMockSupport {

  private void stubContactPage(int page, long total, String... items) {
    wm.stubFor(get(urlPathEqualTo(API + "/Contacts")).withQueryParam("page", equalTo(Integer.toString(page)))
        .willReturn(okJson(list(total, items))));
  }

  @Test
  void listAllWalksEveryPageAndStopsAtTheShortOne() {
    stubContactPage(1, 5, contactJson(1, "A"), contactJson(2, "B"));
    stubContactPage(2, 5, contactJson(3, "C"), contactJson(4, "D"));
    stubContactPage(3, 5, contactJson(5, "E"));

    List<String> names = new ArrayList<>();
    client().contacts().listAll(ContactQuery.builder().pageSize(2).build()).forEach(c -> names.add(c.name()));

    assertThat(names).containsExactly("A", "B", "C", "D", "E");
    wm.verify(3, getRequestedFor(urlPathEqualTo(API + "/Contacts")).withQueryParam("pageSize", equalTo("2")));
  }

  @Test
  void listAllSkipsTheEmptyPageWhenTheTotalIsReached() {
    stubContactPage(1, 4, contactJson(1, "A"), contactJson(2, "B"));
    stubContactPage(2, 4, contactJson(3, "C"), contactJson(4, "D"));

    List<Contact> all = new ArrayList<>();
    client().contacts().listAll(ContactQuery.builder().pageSize(2).build()).forEach(all::add);

    assertThat(all).extracting(Contact::id).containsExactly(1L, 2L, 3L, 4L);
    wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/Contacts")));
  }

  @Test
  void listAllReadsAPageOnlyWhenTheIterationGetsThere() {
    stubContactPage(1, 4, contactJson(1, "A"), contactJson(2, "B"));
    stubContactPage(2, 4, contactJson(3, "C"), contactJson(4, "D"));

    Iterable<Contact> all = client().contacts().listAll(ContactQuery.builder().pageSize(2).build());
    wm.verify(0, getRequestedFor(urlPathEqualTo(API + "/Contacts")));
    Iterator<Contact> iterator = all.iterator();
    iterator.next();
    iterator.next();
    wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/Contacts")));
    iterator.next();
    wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/Contacts")));
  }

  @Test
  void listAllStartsAtTheQueryPageAndKeepsTheFilters() {
    stubContactPage(2, 3, contactJson(3, "C"));

    List<Contact> all = new ArrayList<>();
    client().contacts().listAll(ContactQuery.builder().contactType(ContactType.COMPANY).page(2).pageSize(2)
        .build()).forEach(all::add);

    assertThat(all).extracting(Contact::id).containsExactly(3L);
    wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/Contacts"))
        .withQueryParam("criteria.contactType", equalTo("Company")).withQueryParam("page", equalTo("2")));
  }

  @Test
  void nextPastTheEndThrows() {
    stubContactPage(1, 1, contactJson(1, "A"));

    Iterator<Contact> iterator = client().contacts().listAll(ContactQuery.builder().build()).iterator();
    iterator.next();

    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void pageIterationWorksForAnInProcessImplementation() {
    List<Integer> pagesAsked = new ArrayList<>();
    SynergyReadResource<String, StaffQuery> resource = new SynergyReadResource<>() {
      @Override
      public Page<String> list(StaffQuery query) {
        pagesAsked.add(query.page());
        return query.page() == 1 ? Page.of(List.of("a", "b"), 3) : Page.of(List.of("c"), 3);
      }

      @Override
      public String get(long id) {
        throw new UnsupportedOperationException();
      }
    };

    List<String> all = new ArrayList<>();
    resource.listAll(StaffQuery.builder().pageSize(2).build()).forEach(all::add);

    assertThat(all).containsExactly("a", "b", "c");
    assertThat(pagesAsked).containsExactly(1, 2);
    Iterator<String> again = resource.listAll(StaffQuery.builder().pageSize(2).build()).iterator();
    assertThat(again.next()).isEqualTo("a");
  }
}
