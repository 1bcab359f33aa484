package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;

/** How {@link PageCache} keeps a page in parts between its markers and fills them per request. */
class PageCacheSplitTest {

    @Test
    void markersAreFilledWithTheTokenAndANewNoncePerFill() {
        PageCache.Page page = PageCache.Page.split("<p>„Ä“ " + FormSlots.CSRF + " · " + FormSlots.NONCE + " · "
                + FormSlots.CSRF + "</p>");
        assertEquals(3, page.markers());
        String first = new String(page.fill("T0k"), StandardCharsets.UTF_8);
        String second = new String(page.fill("T0k"), StandardCharsets.UTF_8);
        assertTrue(first.matches("<p>„Ä“ T0k · [0-9a-f-]{36} · T0k</p>"), first);
        assertNotEquals(first, second, "a new nonce every time");
    }

    @Test
    void aPageWrittenToANetworkBufferIsTheSamePage() {
        PageCache.Page page = PageCache.Page.split("<p>„Ä“ " + FormSlots.CSRF + " · " + FormSlots.NONCE + "</p>");
        ByteBuf body = page.fill("T0k", UnpooledByteBufAllocator.DEFAULT);
        try {
            String written = body.toString(StandardCharsets.UTF_8);
            assertTrue(written.matches("<p>„Ä“ T0k · [0-9a-f-]{36}</p>"), written);
        } finally {
            body.release();
        }
    }

    @Test
    void aPageWithoutMarkersIsKeptAsItIs() {
        PageCache.Page page = PageCache.Page.split("<p>plain</p>");
        assertEquals(0, page.markers());
        assertEquals("<p>plain</p>", new String(page.fill("T0k"), StandardCharsets.UTF_8));
    }

    @Test
    void aNulThatIsNoMarkerKeepsNothing() {
        assertNull(PageCache.Page.split("<p>a\0b</p>"));
        assertNull(PageCache.Page.split("<p>" + FormSlots.CSRF.substring(0, 3) + "</p>"));
    }
}
