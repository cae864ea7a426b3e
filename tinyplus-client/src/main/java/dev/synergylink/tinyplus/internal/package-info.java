/**
 * The HTTP implementation of the tiny+ client: the Retrofit service, JSON reading and writing, the call executor
 * (Failsafe retries, rate limit, error mapping) and {@link dev.synergylink.tinyplus.internal.TinyPlusContract},
 * which holds every assumption about the API that is ours rather than the vendor's. Not for use outside this module.
 */
package dev.synergylink.tinyplus.internal;
