package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void pagesFollowEachOtherWithoutGapsOrOverlap() {
        assertEquals(0, Paging.of(1, 50).offset());
        assertEquals(50, Paging.of(2, 50).offset());
        assertEquals(51, Paging.of(2, 50).fetch());
    }

    @Test
    void nonsensePageNumbersAreClamped() {
        assertEquals(1, Paging.of(null, 50).number());
        assertEquals(1, Paging.of(-7, 50).number());
        assertEquals(Paging.MAX_PAGE, Paging.of(Integer.MAX_VALUE, 50).number());
        assertTrue(Paging.of(Integer.MAX_VALUE, 50).offset() > 0);
    }

    @Test
    void theExtraRowOnlySignalsANextPage() {
        List<Integer> fetched = IntStream.range(0, 51).boxed().toList();
        Paging paging = Paging.of(1, 50);
        assertTrue(paging.hasNext(fetched));
        assertEquals(50, paging.visible(fetched).size());
        assertFalse(paging.hasNext(fetched.subList(0, 50)));
        assertEquals(50, paging.visible(fetched.subList(0, 50)).size());
    }

    @Test
    void thePagerLinksOnlyToPagesThatExist() {
        List<Integer> full = IntStream.range(0, 51).boxed().toList();
        Paging.Pager first = Paging.of(1, 50).pager(full, n -> "?page=" + n);
        assertFalse(first.hasPrevious());
        assertNull(first.previousQuery());
        assertTrue(first.hasNext());
        assertEquals("?page=2", first.nextQuery());

        Paging.Pager last = Paging.of(3, 50).pager(full.subList(0, 7), n -> "?page=" + n);
        assertEquals(3, last.number());
        assertEquals("?page=2", last.previousQuery());
        assertFalse(last.hasNext());
        assertNull(last.nextQuery());
    }
}
