/**
 * Test support for SynergyLink and for code that talks to Total Synergy or tiny+: in-memory fakes of both systems
 * that behave as their API contracts say (quirks included), HTTP fake servers that serve the same fakes over the
 * wire, seeded fault injection, call counting, and a {@link dev.synergylink.sync.testkit.ManualClock} that drives
 * everything.
 *
 * <h2>The fakes</h2>
 *
 * {@link dev.synergylink.sync.testkit.SynergyFake} implements {@code SynergyClient} and
 * {@link dev.synergylink.sync.testkit.TinyPlusFake} implements {@code TinyPlusClient}: hand them to the code under
 * test where it expects a client. Build both on one {@link dev.synergylink.sync.testkit.ManualClock}, so that a
 * test moves time for everything at once and nothing reads the wall clock.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-11-28T00:00:00Z"));
 * SynergyFake synergy = SynergyFake.builder(clock).build();
 * TinyPlusFake tiny = TinyPlusFake.builder(clock).build();
 *
 * SyncEngine engine = SyncEngine.builder()
 *     .synergy(synergy)
 *     .tinyPlus(tiny)
 *     .stateStore(InMemoryStateStore.create())
 *     .settings(settings)
 *     .clock(clock)
 *     .build();
 * }</pre>
 *
 * <p>What the contracts make hard is kept, because the code under test must cope with it: Synergy's lists lag its
 * writes by up to 5 s (the fake: exactly 5 s unless set otherwise) while a GET by id is current; tiny+ holds dates
 * in the account's local time to the second, so its {@code >} and {@code <} filters are strict to the second and
 * can be fooled by daylight saving; both page over the live result set, so a record changed between two page
 * requests moves; tiny+ deletes are soft; a record deleted in the Synergy web app answers 404.
 *
 * <h2>Acting as a person in the web app</h2>
 *
 * {@code webApp()} is the back door: {@link dev.synergylink.sync.testkit.SynergyWebApp} and
 * {@link dev.synergylink.sync.testkit.TinyPlusWebApp} create, edit and delete records, change stage fees, add
 * statuses, phases, project types, staff and team members, and read the whole state. Their writes set the modified
 * dates like any write but are not API calls.
 *
 * <pre>{@code
 * Contact acme = synergy.webApp().createContact(ContactCreate.builder().name("Acme Pty Ltd").build());
 * clock.advance(Duration.ofMinutes(1));
 * engine.syncOnce();
 * assertThat(tiny.webApp().companies()).extracting(Company::name).containsExactly("Acme Pty Ltd");
 * }</pre>
 *
 * <h2>Counting calls and writes</h2>
 *
 * {@code calls()} counts the API calls per {@link dev.synergylink.sync.testkit.SynergyOperation} or
 * {@link dev.synergylink.sync.testkit.TinyPlusOperation}; {@code writes()} logs every write with who made it
 * ({@link dev.synergylink.sync.testkit.FakeWrite}).
 *
 * <pre>{@code
 * synergy.calls().reset();
 * engine.syncOnce();                                   // nothing changed since the last cycle
 * assertThat(synergy.calls().writes()).isZero();       // no echo writes
 * assertThat(synergy.calls().count(SynergyOperation.LIST_PROJECTS)).isEqualTo(1);
 * }</pre>
 *
 * <h2>Requests that break the contract</h2>
 *
 * The fakes refuse what the contracts refuse, as strictly as the contracts' YAML says: read-only and unknown
 * members, values outside their types, enums and lengths, an address sent as {@code null} (clear one with an object
 * whose members are null), a Synergy fee with more than two decimal places, an active tiny+ team member's email;
 * over HTTP also a body that is not {@code application/json} (a Synergy PATCH: not
 * {@code application/merge-patch+json}), a method the path does not allow (405 with {@code Allow}) and a path the
 * contract does not have. Each such refusal is kept in {@code contractViolations()} with its method, path and the
 * rule broken, so a test can require that the code under test sent none. Refusals the caller could not foresee (a
 * record deleted meanwhile, an expired token, a limit) and injected faults are not violations.
 *
 * <pre>{@code
 * @AfterEach
 * void everyRequestKeptTheContracts() {
 *   ContractViolations.assertNone(synergy, tiny);   // fails listing e.g. "tiny+ PATCH /team_members/7 -> 400 email: ..."
 * }
 * }</pre>
 *
 * <h2>Faults and limits</h2>
 *
 * {@code faults()} makes chosen operations fail by count, by call number or by probability, with a 429, a 5xx, a
 * timeout, a malformed body or an ambiguous create (the record is made, the caller sees a timeout); see
 * {@link dev.synergylink.sync.testkit.Faults}. Probabilities draw from the fake's seed, so a run replays exactly.
 * Synergy's daily quota and per-second limit and tiny+'s per-minute limit are off unless a builder turns them on.
 *
 * <pre>{@code
 * long seed = System.nanoTime();
 * System.out.println("seed " + seed);
 * TinyPlusFake flaky = TinyPlusFake.builder(clock).seed(seed).build();
 * flaky.faults().onEveryOperation().withProbability(0.05).answer(Fault.unavailable());
 * flaky.faults().on(TinyPlusOperation.CREATE_COMPANY).onCall(3).answer(Fault.ambiguousCreate());
 * }</pre>
 *
 * <h2>Over HTTP</h2>
 *
 * {@link dev.synergylink.sync.testkit.SynergyHttpFakeServer} and
 * {@link dev.synergylink.sync.testkit.TinyPlusHttpFakeServer} serve a fake on a free loopback port, with the
 * contracts' paths, authentication, envelopes, error bodies and headers, and Synergy's OAuth endpoints. The real
 * clients run against them end to end; the fake behind the server stays the one the test inspects.
 *
 * <pre>{@code
 * try (TinyPlusHttpFakeServer server = TinyPlusHttpFakeServer.start(tiny);
 *     TinyPlusClient http = TinyPlusClient.builder()
 *         .baseUrl(server.baseUrl())
 *         .tokenProvider(TokenProvider.of(server.token()))
 *         .clock(clock)
 *         .build()) {
 *   http.companies().list(CompanyQuery.builder().build());
 * }
 * }</pre>
 *
 * <p>Everything here is thread-safe unless its documentation says otherwise.
 */
package dev.synergylink.sync.testkit;
