package dev.smtpkeys.web;

import java.util.List;
import java.util.function.IntFunction;

/**
 * One page of a newest-first list. Reads one row more than it shows, which tells whether a next page
 * exists without a count query. The page number is clamped, so no query string can make the offset
 * negative or absurd.
 */
public record Paging(int number, int size) {

    static final int MAX_PAGE = 10_000;

    /** The page a request asked for ({@code null} or nonsense means the first), {@code size} rows each. */
    public static Paging of(Integer requested, int size) {
        int number = requested == null ? 1 : Math.min(Math.max(requested, 1), MAX_PAGE);
        return new Paging(number, size);
    }

    /** Rows to skip. */
    public int offset() {
        return (number - 1) * size;
    }

    /** Rows to read: one more than shown. */
    public int fetch() {
        return size + 1;
    }

    /** The rows to show out of those read. */
    public <T> List<T> visible(List<T> fetched) {
        return hasNext(fetched) ? fetched.subList(0, size) : fetched;
    }

    public boolean hasNext(List<?> fetched) {
        return fetched.size() > size;
    }

    /** What the {@code pager} tag shows under the rows read; {@code query} makes a page's query string. */
    public Pager pager(List<?> fetched, IntFunction<String> query) {
        return new Pager(number, number > 1 ? query.apply(number - 1) : null,
                hasNext(fetched) ? query.apply(number + 1) : null);
    }

    /** This page's number and the query strings of the pages before and after it, null where there is none. */
    public record Pager(int number, String previousQuery, String nextQuery) {

        public boolean hasPrevious() {
            return previousQuery != null;
        }

        public boolean hasNext() {
            return nextQuery != null;
        }
    }
}
