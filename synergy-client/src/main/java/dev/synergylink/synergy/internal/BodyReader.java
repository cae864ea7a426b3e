package dev.synergylink.synergy.internal;

import java.io.IOException;

/**
 * Turns a response body into a value. Throws {@link IOException}, {@code JsonDataException} or another
 * {@link RuntimeException} for a body it cannot read; the caller turns that into an unreadable-response error
 * that names the endpoint.
 *
 * @param <T> the value type
 */
@FunctionalInterface
interface BodyReader<T> {
  T read(String body) throws IOException;
}
