package dev.synergylink.sync.internal;

import java.util.List;

/**
 * One page of a listing, whichever system it came from.
 *
 * @param <R> the record type
 * @param items the records read, in list order
 * @param total how many records match in all pages
 * @param received how many records the page held, read or not: a page is full by this count
 * @param unreadable the records of the page the client could not read
 */
public record ListPage<R>(List<R> items, long total, int received, List<UnreadableRecord> unreadable) {}
