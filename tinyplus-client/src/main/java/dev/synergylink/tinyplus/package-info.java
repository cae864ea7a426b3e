/**
 * Typed client for the tiny+ API v2: the {@link dev.synergylink.tinyplus.TinyPlusClient} interface and its
 * resource views, the immutable model, queries, write requests (absent vs null), the exception hierarchy and the
 * token provider with the implicit OAuth flow. {@link dev.synergylink.tinyplus.TinyPlusClient#builder()} makes the
 * HTTP implementation; a host may also implement the interface in-process.
 *
 * <pre>{@code
 * try (TinyPlusClient tiny = TinyPlusClient.builder()
 *     .tokenProvider(TokenProvider.of(longLifeToken))
 *     .build()) {
 *   for (Project p : tiny.projects().listAll(ProjectQuery.builder().modifiedAfter(since).build())) {
 *     ...
 *   }
 * }
 * }</pre>
 */
package dev.synergylink.tinyplus;
