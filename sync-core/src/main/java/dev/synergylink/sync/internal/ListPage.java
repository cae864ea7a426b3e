package dev.synergylink.sync.internal;

import java.util.List;

/**
 * One page of a listing, whichever system it came from.
 *
 * @param <R> the record type
 * @param items the records in list order
 * @param total how many records match in all pages
 */
public record ListPage<R>(List<R> items, long total) {}
