package dev.smtpkeys.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Whole pages kept as UTF-8 bytes, for a page that people come back to often (the SMTP tab): a hit
 * costs a lookup and one copy instead of evaluating the layout and the page with Qute and encoding
 * the result, which was most of what a request of that page cost after its queries (issue 8).
 * <p>
 * The cache is keyed by content: the caller passes a value (records compare by content) that holds
 * everything its template shows, and this class adds the page's name and the language. A page whose
 * content changes is a different entry, so an entry is never stale and nothing ever needs
 * invalidating, on this instance or any other; old entries fall out, the cache being bounded by the
 * bytes it holds ({@link #MAX_BYTES}). The layout's parts are content too: the caller's value must
 * hold what the layout shows of the signed-in user. A page with a flash message is rendered as usual
 * and not kept (the message is shown once).
 * <p>
 * What belongs to the request or the session (the CSRF token, a form's nonce) is never kept: the page
 * is rendered with markers in their place ({@link FormSlots}), kept in parts between the markers, and
 * every request fills them with its own values.
 */
@ApplicationScoped
public class PageCache {

    /** About 32 MB: some 450 SMTP tabs of 50 keys. */
    static final long MAX_BYTES = 32_000_000;
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final FormSlots slots;
    private final Flash flash;
    private final LocaleResolver locales;
    private final Cache<Key, Page> pages;

    @Inject
    PageCache(FormSlots slots, Flash flash, LocaleResolver locales) {
        this(slots, flash, locales, MAX_BYTES);
    }

    PageCache(FormSlots slots, Flash flash, LocaleResolver locales, long maxBytes) {
        this.slots = slots;
        this.flash = flash;
        this.locales = locales;
        this.pages = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((Key key, Page page) -> page.size()).build();
    }

    /** What a kept page is looked up by: its name, its language and the caller's content. */
    private record Key(String page, Locale locale, Object content) {
    }

    /**
     * The page {@code template} renders, from the cache when a page of the same {@code name} and
     * {@code content} in the reader's language was rendered before. {@code content} must hold
     * everything the template shows besides the request's CSRF token and nonces; null renders the
     * page as usual and keeps nothing.
     */
    public Response page(String name, Object content, Supplier<TemplateInstance> template) {
        if (content == null || flash.getMessage() != null) {
            return Response.ok(template.get()).build();
        }
        Locale locale = locales.current();
        Key key = new Key(name, locale, content);
        Page page = pages.getIfPresent(key);
        if (page == null) {
            // rendered outside the cache's lock: two requests may render the same page once each
            page = render(template.get().setLocale(locale));
            if (page != null) {
                pages.put(key, page);
            }
        }
        String token = page == null ? null : slots.getCsrfToken();
        if (token == null) {
            return Response.ok(template.get()).build();
        }
        return Response.ok(new Filled(page, token), HTML).build();
    }

    /**
     * A kept page and the request's CSRF token, filled in only as it is written ({@link KeptPageWriter}):
     * straight into the response's network buffer, so a page view leaves no copy of the page behind for
     * the garbage collector (a third of what a view allocated).
     */
    record Filled(Page page, String csrfToken) {
    }

    /** The page in parts, or null (keep nothing) when its markers are not exactly those printed. */
    private Page render(TemplateInstance template) {
        slots.startMarking();
        String html;
        int printed;
        try {
            html = template.render();
        } finally {
            printed = slots.stopMarking();
        }
        Page page = Page.split(html);
        return page != null && page.markers() == printed ? page : null;
    }

    /** A page kept in the parts between its markers; {@code kinds[i]} is the marker after {@code parts[i]}. */
    record Page(byte[][] parts, String[] kinds, int size) {

        static Page split(String html) {
            List<byte[]> parts = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            int from = 0;
            int size = 0;
            for (int at = html.indexOf(FormSlots.MARK); at >= 0; at = html.indexOf(FormSlots.MARK, from)) {
                String kind = html.startsWith(FormSlots.CSRF, at) ? FormSlots.CSRF
                        : html.startsWith(FormSlots.NONCE, at) ? FormSlots.NONCE : null;
                if (kind == null) {
                    return null;
                }
                byte[] part = html.substring(from, at).getBytes(StandardCharsets.UTF_8);
                parts.add(part);
                kinds.add(kind);
                size += part.length;
                from = at + kind.length();
            }
            byte[] last = html.substring(from).getBytes(StandardCharsets.UTF_8);
            parts.add(last);
            return new Page(parts.toArray(byte[][]::new), kinds.toArray(String[]::new), size + last.length);
        }

        int markers() {
            return kinds.length;
        }

        /** The page with each marker replaced: the CSRF token, or a new nonce for each nonce marker. */
        byte[] fill(String csrfToken) {
            ByteBuf body = fill(csrfToken, UnpooledByteBufAllocator.DEFAULT);
            try {
                return ByteBufUtil.getBytes(body);
            } finally {
                body.release();
            }
        }

        /** As {@link #fill(String)}, in a buffer of {@code allocator} that the caller releases. */
        ByteBuf fill(String csrfToken, ByteBufAllocator allocator) {
            byte[][] values = new byte[kinds.length][];
            int length = size;
            for (int i = 0; i < kinds.length; i++) {
                String value = kinds[i].equals(FormSlots.CSRF) ? csrfToken : FormSlots.newNonce();
                values[i] = value.getBytes(StandardCharsets.UTF_8);
                length += values[i].length;
            }
            ByteBuf body = allocator.buffer(length);
            for (int i = 0; i <= kinds.length; i++) {
                body.writeBytes(parts[i]);
                if (i < kinds.length) {
                    body.writeBytes(values[i]);
                }
            }
            return body;
        }
    }
}
